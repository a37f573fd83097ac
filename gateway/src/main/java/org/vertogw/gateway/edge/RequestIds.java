package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.vertogw.protocol.jsonrpc.ErrorCodes;

/**
 * The ids a browser may use: a string or a number (JSON-RPC 2.0 §4), or none, no longer than
 * {@code limits.maxIdLength} as JSON text. Every id comes back in a response, so an unbounded one would make the
 * gateway hold and send back whatever a client sends.
 */
final class RequestIds {

    private RequestIds() {}

    static boolean acceptable(JsonNode id, int maxLength) {
        if (id == null || id.isMissingNode() || id.isNull()) {
            return true;
        }
        if (id.isTextual()) {
            return id.textValue().length() <= maxLength;
        }
        return id.isNumber() && id.toString().length() <= maxLength;
    }

    static EdgeRefusal refusal(int maxLength) {
        return EdgeRefusal.of(
                Refusal.BAD_ID,
                ErrorCodes.INVALID_REQUEST,
                "Invalid Request",
                JsonNodeFactory.instance.textNode(
                        "the id must be a string or a number of at most " + maxLength + " characters"));
    }
}

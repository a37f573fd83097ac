package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.RpcError;

/**
 * A request the gateway answers with an error itself: its JSON-RPC code, message and data, and the reason it is
 * counted under. Thrown by a session's parts and answered in one place, so no refusal goes unanswered. Carries no
 * stack trace: refusals are expected, and an attacker can make them at line rate.
 */
public final class EdgeRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Refusal reason;
    private final transient RpcError error;

    private EdgeRefusal(Refusal reason, RpcError error) {
        super(error.message(), null, false, false);
        this.reason = reason;
        this.error = error;
    }

    public static EdgeRefusal of(Refusal reason, int code, String message) {
        return new EdgeRefusal(reason, RpcError.of(code, message));
    }

    public static EdgeRefusal of(Refusal reason, int code, String message, JsonNode data) {
        return new EdgeRefusal(reason, RpcError.of(code, message, data));
    }

    /** -32013 Rate limited, with the delay after which a retry may pass. */
    public static EdgeRefusal rateLimited(Refusal reason, long retryAfterMs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("retryAfterMs", Math.max(1, retryAfterMs));
        return of(reason, ErrorCodes.RATE_LIMITED, "Rate limited", data);
    }

    /** -32012 Island unreachable. */
    public static EdgeRefusal unreachable(String island) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("island", island);
        return of(Refusal.ISLAND_UNREACHABLE, ErrorCodes.ISLAND_UNREACHABLE, "Island unreachable", data);
    }

    /** Adds a member beside code and message, as mod_verto's call errors carry {@code cause} or {@code callID}. */
    public EdgeRefusal with(String field, String value) {
        if (value != null) {
            error.raw().put(field, value);
        }
        return this;
    }

    public EdgeRefusal with(String field, int value) {
        error.raw().put(field, value);
        return this;
    }

    public Refusal reason() {
        return reason;
    }

    public RpcError error() {
        return error;
    }
}

package org.vertogw.protocol.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.VertoMessage;
import org.vertogw.protocol.message.VertoMethod;

/**
 * Text frame ⇄ {@link JsonRpcMessage}. Strict about framing (one JSON object, {@code "jsonrpc":"2.0"}), lenient
 * about content: duplicate keys are accepted with the last one winning, because FreeSWITCH emits them (docs/protocol.md §1.5).
 * Output is compact JSON. Thread-safe.
 */
public final class VertoCodec {

    /** Deeper nesting than any Verto message needs; a bound on what a hostile frame can make the parser do. */
    private static final int MAX_NESTING = 64;

    private final ObjectMapper mapper;

    public VertoCodec() {
        JsonMapper m = JsonMapper.builder()
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        m.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .build());
        this.mapper = m;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public JsonRpcMessage decode(String text) throws VertoDecodeException {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new VertoDecodeException(
                    null, ErrorCodes.INVALID_REQUEST, "Invalid Request", "not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new VertoDecodeException(null, ErrorCodes.INVALID_REQUEST, "Invalid Request", "empty frame");
        }
        if (tree.isArray()) {
            throw new VertoDecodeException(
                    null, ErrorCodes.INVALID_REQUEST, "Invalid Request", "batches are not supported");
        }
        if (!(tree instanceof ObjectNode obj)) {
            throw new VertoDecodeException(
                    null, ErrorCodes.INVALID_REQUEST, "Invalid Request", "a message is a JSON object");
        }
        JsonNode id = obj.has("id") ? obj.get("id") : MissingNode.getInstance();
        if (id.isContainerNode()) {
            throw new VertoDecodeException(
                    null, ErrorCodes.INVALID_REQUEST, "Invalid Request", "id must be a string, number or null");
        }
        JsonNode version = obj.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
            throw new VertoDecodeException(
                    id, ErrorCodes.INVALID_REQUEST, "Invalid message", "\"jsonrpc\" must be \"2.0\"");
        }
        if (obj.has("result")) {
            return new JsonRpcResult(id, obj.get("result"));
        }
        JsonNode method = obj.get("method");
        if (method == null && obj.get("error") instanceof ObjectNode error) {
            return new JsonRpcError(id, new RpcError(error));
        }
        if (method == null || !method.isTextual() || method.asText().isEmpty()) {
            throw new VertoDecodeException(
                    id, ErrorCodes.METHOD_NOT_FOUND, ErrorCodes.MSG_METHOD_NOT_FOUND, "missing method");
        }
        JsonNode params = obj.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new VertoDecodeException(
                    id, ErrorCodes.INVALID_REQUEST, "Invalid Request", "params must be an object");
        }
        boolean hadParams = params != null && params.isObject();
        return new JsonRpcRequest(id, method.asText(), hadParams ? (ObjectNode) params : null, hadParams);
    }

    public String encode(JsonRpcMessage message) {
        ObjectNode out = mapper.createObjectNode();
        out.put("jsonrpc", "2.0");
        if (message instanceof JsonRpcRequest r) {
            out.put("method", r.method());
            if (r.hadParams() || !r.params().isEmpty()) {
                out.set("params", r.params());
            }
            if (!r.id().isMissingNode()) {
                out.set("id", r.id());
            }
        } else if (message instanceof JsonRpcResult r) {
            putId(out, r.id());
            out.set("result", r.result());
        } else if (message instanceof JsonRpcError e) {
            putId(out, e.id());
            out.set("error", e.error().raw());
        }
        try {
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The typed view of a request, empty when Verto does not define its method. */
    public static Optional<VertoMessage> typed(JsonRpcRequest request) {
        return VertoMethod.fromWire(request.method()).map(m -> m.wrap(request.params()));
    }

    /** A request carrying a typed message. */
    public static JsonRpcRequest request(JsonNode id, VertoMessage message) {
        return JsonRpcRequest.of(id, message.method().wireName(), message.params());
    }

    private static void putId(ObjectNode out, JsonNode id) {
        if (id == null || id.isMissingNode()) {
            out.set("id", NullNode.getInstance());
        } else {
            out.set("id", id);
        }
    }
}

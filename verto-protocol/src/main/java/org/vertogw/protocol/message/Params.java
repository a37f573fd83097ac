package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reading members of a params object the lenient way mod_verto does: wrong types read as absent. */
public final class Params {

    public static String text(ObjectNode o, String name) {
        JsonNode n = o == null ? null : o.get(name);
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    static ObjectNode object(ObjectNode o, String name) {
        JsonNode n = o == null ? null : o.get(name);
        return n instanceof ObjectNode obj ? obj : null;
    }

    static Integer integer(ObjectNode o, String name) {
        JsonNode n = o == null ? null : o.get(name);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            try {
                return Integer.parseInt(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A string or an array of strings, as {@code eventChannel} may be (docs/protocol.md §5.1). */
    static List<String> texts(ObjectNode o, String name) {
        JsonNode n = o == null ? null : o.get(name);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    /** {@code params.callID}, else {@code params.dialogParams.callID}. */
    public static String callId(ObjectNode params) {
        String direct = text(params, "callID");
        return direct != null ? direct : text(object(params, "dialogParams"), "callID");
    }

    static ObjectNode withText(ObjectNode params, String name, String value) {
        ObjectNode copy = params.deepCopy();
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    private Params() {}
}

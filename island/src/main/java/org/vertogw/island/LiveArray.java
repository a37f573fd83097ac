package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A FreeSWITCH live array (docs/protocol.md §5.4): a named table whose changes are published on one channel, each
 * with a {@code wireSerno} one above the last (the first is 1), and whose full content a subscriber gets on
 * {@code bootstrap} with {@code wireSerno} -1. A client that sees a gap bootstraps again, so the numbering never
 * skips.
 */
final class LiveArray {

    final String channel;
    final String name;
    private long serno;

    LiveArray(String channel, String name) {
        this.channel = channel;
        this.name = name;
    }

    /** The published object of one change: {@code add}, {@code modify} or {@code del} of the row under {@code key}. */
    ObjectNode change(String action, String key, ArrayNode row) {
        ObjectNode data = IslandConnection.object();
        data.put("action", action);
        data.put("name", name);
        data.put("wireSerno", ++serno);
        data.put("hashKey", key);
        data.set("data", row);
        return event(data);
    }

    /** The answer to a bootstrap, addressed to {@code sessid} alone: every row as {@code [key, row]}, in order. */
    ObjectNode boot(Map<String, ArrayNode> rows, String sessid) {
        ObjectNode data = IslandConnection.object();
        data.put("action", "bootObj");
        data.put("name", name);
        data.put("wireSerno", -1);
        ArrayNode all = data.putArray("data");
        rows.forEach((key, row) -> all.addArray().add(key).add(row));
        ObjectNode event = event(data);
        event.put("sessid", sessid);
        return event;
    }

    long serno() {
        return serno;
    }

    private ObjectNode event(ObjectNode data) {
        ObjectNode event = IslandConnection.object();
        event.put("eventChannel", channel);
        event.set("data", data);
        return event;
    }
}

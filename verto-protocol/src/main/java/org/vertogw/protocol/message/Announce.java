package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.announce} (S→C): a text broadcast to every connection (docs/protocol.md §4.9). */
public record Announce(ObjectNode params) implements VertoMessage {}

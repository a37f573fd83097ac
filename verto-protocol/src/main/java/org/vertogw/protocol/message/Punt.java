package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.punt} (S→C): another connection took this session over; the client must not reconnect (docs/protocol.md §2.2). */
public record Punt(ObjectNode params) implements VertoMessage {}

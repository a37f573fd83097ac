package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code echo} (C→S): the server returns the params as the result; a connectivity test. */
public record Echo(ObjectNode params) implements VertoMessage {}

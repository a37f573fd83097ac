package org.vertogw.gateway.config;

import java.io.IOException;

/** A configuration file that cannot be used as written; the message names the file and the field. */
public final class InvalidConfigException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

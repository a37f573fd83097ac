package org.vertogw.app.cli;

import org.vertogw.gateway.config.InvalidConfigException;

/** Input the product cannot use as given (exit code 2): a bad configuration file, option or map. */
final class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidInput(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code e} is, or was caused by, invalid input. */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput
                    || t instanceof InvalidConfigException
                    || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }
}

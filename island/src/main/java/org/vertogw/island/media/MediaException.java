package org.vertogw.island.media;

/** Media could not be set up for a leg; the message says why (it ends up in a -32002 error). */
public final class MediaException extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.vertogw.fleet;

/** The store could not be reached in time or refused the call; the fleet keeps its last state meanwhile. */
public final class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

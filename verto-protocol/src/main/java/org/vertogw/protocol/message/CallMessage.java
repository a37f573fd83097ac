package org.vertogw.protocol.message;

/**
 * A message about one call. Browser requests name the call in {@code dialogParams.callID}, server requests in
 * {@code params.callID} (docs/protocol.md §4.1, §4.2); {@link #callId()} reads whichever is present.
 */
public interface CallMessage {

    String callId();
}

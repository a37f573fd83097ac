package org.vertogw.media.ice;

/**
 * Connectivity of one ICE component, after RFC 8445 §6.1.3 and the consent rules of RFC 7675 §5.1: checking until
 * a pair is valid and selected, connected while checks keep succeeding, disconnected after a silence, failed when
 * consent expires (terminal), closed when released.
 */
public enum IceState {
    NEW,
    CHECKING,
    CONNECTED,
    DISCONNECTED,
    FAILED,
    CLOSED
}

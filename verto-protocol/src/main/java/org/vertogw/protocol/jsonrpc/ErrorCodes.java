package org.vertogw.protocol.jsonrpc;

/**
 * Error codes on the wire. mod_verto's own are listed in docs/protocol.md §7; the gateway's range -32010..-32019
 * is ours (docs/protocol.md §10).
 */
public final class ErrorCodes {
    /** Not logged in and no credentials in params: the trigger of verto.js's login dance (docs/protocol.md §3.7). */
    public static final int AUTHENTICATION_REQUIRED = -32000;
    /** Authentication failed, including "Session in use" (docs/protocol.md §3.4). */
    public static final int AUTHENTICATION_FAILED = -32001;
    /** Call and session errors, with a message naming which (docs/protocol.md §7). */
    public static final int CALL_ERROR = -32002;

    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int PERMISSION_DENIED = -32602;

    /** The client came for another island; {@code data = {"island", "mapVersion"}} names the right one. */
    public static final int WRONG_ISLAND = -32010;
    /** Every candidate island is down; {@code data = {"mapVersion"}}. */
    public static final int NO_ISLAND_AVAILABLE = -32011;
    /** The upstream link to the serving island failed; {@code data = {"island"}}; retry with backoff. */
    public static final int ISLAND_UNREACHABLE = -32012;
    /** The connection exceeded its message rate; {@code data = {"retryAfterMs"}}. */
    public static final int RATE_LIMITED = -32013;

    public static final String MSG_AUTHENTICATION_REQUIRED = "Authentication Required";
    public static final String MSG_SESSION_IN_USE = "Session in use";
    public static final String MSG_METHOD_NOT_FOUND = "Invalid Method, Missing Method or Permission Denied";

    private ErrorCodes() {}
}

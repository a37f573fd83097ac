/**
 * Named errors of the SDK. Every error the SDK hands to an application is a {@link VertoError};
 * protocol failures keep their wire code so an application can branch on it.
 */

/** JSON-RPC error codes the SDK acts on (verto-protocol.md §7 and the gateway's range). */
export const ErrorCode = Object.freeze({
  AUTHENTICATION_REQUIRED: -32000,
  AUTHENTICATION_FAILED: -32001,
  CALL_ERROR: -32002,
  METHOD_NOT_FOUND: -32601,
  WRONG_ISLAND: -32010,
  NO_ISLAND_AVAILABLE: -32011,
  ISLAND_UNREACHABLE: -32012,
  RATE_LIMITED: -32013,
});

/** WebSocket close codes with a meaning in the gateway contract (RFC 6455 §7.4.1). */
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  ABNORMAL: 1006,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  TRY_AGAIN_LATER: 1013,
  /** Private use (RFC 6455 §7.4.2): the SDK closed a socket that stayed silent past its deadline. */
  KEEPALIVE_TIMEOUT: 4000,
});

export class VertoError extends Error {
  /**
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = 'VertoError';
  }
}

/** A JSON-RPC error answer; `code` is the wire code, `data` the error's `data` member. */
export class RpcError extends VertoError {
  /**
   * @param {string} method the request that failed
   * @param {{code?: number|string, message?: string, data?: unknown}} error the wire error object
   */
  constructor(method, error) {
    const code = toCode(error.code);
    super(`${method} failed: ${error.message ?? 'error without message'}${code === undefined ? '' : ` (${code})`}`);
    this.name = 'RpcError';
    this.method = method;
    this.code = code;
    this.rpcMessage = error.message;
    this.data = error.data;
    /** The whole error object: mod_verto puts extra members (`cause`, `holdState`...) beside `code`. */
    this.details = error;
  }
}

/** The island refused the credentials (-32001: Login Incorrect, Authentication Failure, Session in use...). */
export class AuthenticationError extends RpcError {
  constructor(method, error) {
    super(method, error);
    this.name = 'AuthenticationError';
  }
}

/** A request got no answer before its deadline. */
export class TimeoutError extends VertoError {
  /**
   * @param {string} what
   * @param {number} timeoutMs
   */
  constructor(what, timeoutMs) {
    super(`${what} timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The socket is not there or went away; `closeCode` is the WebSocket close code when known. */
export class ConnectionError extends VertoError {
  /**
   * @param {string} message
   * @param {{closeCode?: number, reason?: string, fatal?: boolean, cause?: unknown}} [details]
   */
  constructor(message, details = {}) {
    super(message, { cause: details.cause });
    this.name = 'ConnectionError';
    this.closeCode = details.closeCode;
    this.reason = details.reason;
    /** True when retrying cannot help (close 1008: origin refused, too many connections). */
    this.fatal = details.fatal === true;
  }
}

/** The island handed this session to a newer connection (`verto.punt`); the SDK stops reconnecting. */
export class PuntError extends VertoError {
  constructor() {
    super('Session taken over by another connection with the same sessid (verto.punt)');
    this.name = 'PuntError';
  }
}

/** Local media failed: no microphone permission, no RTCPeerConnection, ICE gathering gave nothing. */
export class MediaError extends VertoError {
  constructor(message, options) {
    super(message, options);
    this.name = 'MediaError';
  }
}

/** An operation that the call's current state does not allow (answering an outbound call...). */
export class CallStateError extends VertoError {
  constructor(message) {
    super(message);
    this.name = 'CallStateError';
  }
}

/**
 * Maps a wire error to the most specific named error.
 *
 * @param {string} method
 * @param {object} error the JSON-RPC error object
 * @returns {RpcError}
 */
export function rpcErrorFor(method, error) {
  const wire = error !== null && typeof error === 'object' ? error : { message: String(error) };
  return toCode(wire.code) === ErrorCode.AUTHENTICATION_FAILED ? new AuthenticationError(method, wire) : new RpcError(method, wire);
}

/** verto-protocol.md §8.11: codes may arrive as numbers or numeric strings. */
function toCode(code) {
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  return undefined;
}

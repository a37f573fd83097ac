/**
 * Named errors of the SDK. Every error the SDK hands to an application is a {@link VertoError}
 * whose `code` is one of a fixed set of strings (`VertoErrorCode` in verto.d.ts), so a page can
 * branch on what went wrong without knowing Verto's wire codes or FreeSWITCH's message texts.
 * Wire details stay available (`rpcCode`, `closeCode`, `cause`) for logs.
 */

/** JSON-RPC error codes the SDK acts on (verto-protocol.md §7 and the gateway's range). */
export const RpcCode = Object.freeze({
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  AUTHENTICATION_REQUIRED: -32000,
  AUTHENTICATION_FAILED: -32001,
  CALL_ERROR: -32002,
  WRONG_ISLAND: -32010,
  NO_ISLAND_AVAILABLE: -32011,
  ISLAND_UNREACHABLE: -32012,
  RATE_LIMITED: -32013,
});

/** WebSocket close codes with a meaning in the gateway contract (RFC 6455 §7.4.1). */
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  UNSUPPORTED_DATA: 1003,
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
   * @param {import('../types/index.js').VertoErrorCode} code
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'VertoError';
    /** @type {import('../types/index.js').VertoErrorCode} */
    this.code = code;
  }
}

/** An option is missing or wrong, or the platform lacks what the SDK needs (WebSocket, fetch). */
export class SetupError extends VertoError {
  /**
   * @param {string} option the option at fault, e.g. `login`, `mapUrl`, `WebSocket`
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(option, message, options) {
    super('setup', message, options);
    this.name = 'SetupError';
    this.option = option;
  }
}

/** A method was called with an argument it cannot use (an empty destination, bad DTMF digits). */
export class ArgumentError extends VertoError {
  /**
   * @param {string} argument
   * @param {string} message
   */
  constructor(argument, message) {
    super('invalid-argument', message);
    this.name = 'ArgumentError';
    this.argument = argument;
  }
}

/** The partition map URL answered, but not with a map: an HTTP error status, or a body that is not JSON. */
export class MapFetchError extends VertoError {
  /**
   * @param {string} url
   * @param {string} message
   * @param {{status?: number, cause?: unknown}} [details]
   */
  constructor(url, message, details = {}) {
    super('map-unavailable', message, { cause: details.cause });
    this.name = 'MapFetchError';
    this.url = url;
    /** The HTTP status, when the server answered. */
    this.status = details.status;
  }
}

/** A JSON-RPC error answer; `rpcCode` is the wire code, `data` the error's `data` member. */
export class RpcError extends VertoError {
  /**
   * @param {string} method the request that failed
   * @param {{code?: number|string, message?: string, data?: unknown}} error the wire error object
   * @param {import('../types/index.js').VertoErrorCode} [code]
   */
  constructor(method, error, code) {
    const rpcCode = toRpcCode(error.code);
    super(code ?? codeOf(rpcCode), `${method} failed: ${error.message ?? 'error without message'}${rpcCode === undefined ? '' : ` (${rpcCode})`}`);
    this.name = 'RpcError';
    this.method = method;
    this.rpcCode = rpcCode;
    this.rpcMessage = error.message;
    /** @type {any} */
    this.data = error.data;
    /** The whole error object: mod_verto puts extra members (`cause`, `holdState`...) beside `code`. */
    /** @type {Record<string, any>} */
    this.details = error;
  }
}

/** Wire messages of -32001 and what they mean (verto-protocol.md §7). */
const AUTH_REASONS = Object.freeze({
  'Login Incorrect': 'invalid-credentials',
  'Authentication Failure': 'invalid-credentials',
  'Missing passwd': 'missing-password',
  'Missing params': 'missing-credentials',
  'Missing or improper credentials': 'missing-credentials',
});

/** The island refused the credentials; `reason` says how (wrong user or password, no password...). */
export class AuthenticationError extends RpcError {
  /**
   * @param {string} method
   * @param {{code?: number|string, message?: string, data?: unknown}} error
   */
  constructor(method, error) {
    super(method, error, 'authentication');
    this.name = 'AuthenticationError';
    /** @type {import('../types/index.js').AuthenticationReason} */
    this.reason = toRpcCode(error.code) === RpcCode.AUTHENTICATION_REQUIRED ? 'required' : (AUTH_REASONS[error.message ?? ''] ?? 'refused');
  }
}

/** The sessid belongs to another user's login (-32001 `Session in use`); the gateway then closes with 1008. */
export class SessionInUseError extends RpcError {
  /**
   * @param {string} method
   * @param {{code?: number|string, message?: string, data?: unknown}} error
   */
  constructor(method, error) {
    super(method, error, 'session-in-use');
    this.name = 'SessionInUseError';
  }
}

/** -32010: this user lives on another island; `island` names it, `mapVersion` the gateway's map. */
export class WrongIslandError extends RpcError {
  /**
   * @param {string} method
   * @param {{code?: number|string, message?: string, data?: any}} error
   */
  constructor(method, error) {
    super(method, error, 'wrong-island');
    this.name = 'WrongIslandError';
    /** @type {string|undefined} */
    this.island = typeof error.data?.island === 'string' && error.data.island !== '' ? error.data.island : undefined;
    /** @type {number|undefined} */
    this.mapVersion = Number.isInteger(error.data?.mapVersion) ? error.data.mapVersion : undefined;
  }
}

/** -32013: the gateway asks this connection to slow down for `retryAfterMs`. */
export class RateLimitedError extends RpcError {
  /**
   * @param {string} method
   * @param {{code?: number|string, message?: string, data?: any}} error
   */
  constructor(method, error) {
    super(method, error, 'rate-limited');
    this.name = 'RateLimitedError';
    const after = Number(error.data?.retryAfterMs);
    this.retryAfterMs = Number.isFinite(after) && after > 0 ? after : 0;
  }
}

/** Wire messages of -32002 that an application may want to tell apart (verto-protocol.md §7). */
const CALL_REASONS = Object.freeze({
  'call is not bridged': 'not-bridged',
  'destination missing': 'destination-missing',
  'CALL DOES NOT EXIST': 'no-such-call',
  'Cannot attach to a call that has not been answered.': 'not-answered',
  'Cannot update a call that has not been answered.': 'not-answered',
  'invalid transfer leg': 'transfer-failed',
  'transfer failed': 'transfer-failed',
  'MEDIA ERROR': 'media',
  'CODEC ERROR': 'media',
  'CODEC NEGOTIATION ERROR': 'media',
});

/** -32002: the island refused a request about a call; `reason` classifies it, `cause` is the island's hangup cause if any. */
export class CallError extends RpcError {
  /**
   * @param {string} method
   * @param {{code?: number|string, message?: string, data?: unknown, cause?: string, causeCode?: number}} error
   */
  constructor(method, error) {
    super(method, error, 'call-error');
    this.name = 'CallError';
    /** @type {import('../types/index.js').CallErrorReason} */
    this.reason = CALL_REASONS[error.message ?? ''] ?? 'other';
    /** @type {string|undefined} */
    this.hangupCause = typeof error.cause === 'string' ? error.cause : undefined;
  }
}

/** A request got no answer before its deadline. */
export class TimeoutError extends VertoError {
  /**
   * @param {string} what
   * @param {number} timeoutMs
   */
  constructor(what, timeoutMs) {
    super('timeout', `${what} timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The socket is not there or went away; `closeCode` is the WebSocket close code when known.
 * Code `refused` when the gateway refused the connection for good (close 1008: origin not
 * allowed, too many connections from one address), `network` otherwise.
 */
export class ConnectionError extends VertoError {
  /**
   * @param {string} message
   * @param {{closeCode?: number, reason?: string, fatal?: boolean, cause?: unknown}} [details]
   */
  constructor(message, details = {}) {
    super(details.fatal === true ? 'refused' : 'network', message, { cause: details.cause });
    this.name = 'ConnectionError';
    this.closeCode = details.closeCode;
    this.reason = details.reason;
    /** True when retrying cannot help. */
    this.fatal = details.fatal === true;
  }
}

/** The application closed the client (`disconnect()`); what was pending is rejected with this. */
export class DisconnectedError extends VertoError {
  constructor() {
    super('disconnected', 'client disconnected');
    this.name = 'DisconnectedError';
  }
}

/** The island handed this session to a newer connection (`verto.punt`); the SDK stops reconnecting. */
export class PuntError extends VertoError {
  constructor() {
    super('punted', 'Session taken over by another connection with the same sessid (verto.punt)');
    this.name = 'PuntError';
  }
}

/**
 * Browser error names (getUserMedia, setRemoteDescription...) and what they mean to a caller.
 * Legacy Chrome names are kept: older WebViews still throw them.
 */
const MEDIA_REASONS = Object.freeze({
  NotAllowedError: 'permission-denied',
  PermissionDeniedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotFoundError: 'no-device',
  DevicesNotFoundError: 'no-device',
  OverconstrainedError: 'no-device',
  NotReadableError: 'device-busy',
  TrackStartError: 'device-busy',
  AbortError: 'device-busy',
});

/** Local media failed; `reason` says what (no permission, no device, ICE failed...). */
export class MediaError extends VertoError {
  /**
   * @param {import('../types/index.js').MediaErrorReason} reason
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(reason, message, options) {
    super('media', message, options);
    this.name = 'MediaError';
    this.reason = reason;
  }

  /**
   * The reason for an error the browser threw while opening the microphone.
   *
   * @param {unknown} error
   * @returns {import('../types/index.js').MediaErrorReason}
   */
  static reasonOf(error) {
    const name = /** @type {any} */ (error)?.name;
    return (typeof name === 'string' && MEDIA_REASONS[name]) || 'unknown';
  }
}

/** An operation that the call's current state does not allow (answering an outbound call...). */
export class CallStateError extends VertoError {
  /** @param {string} message */
  constructor(message) {
    super('call-state', message);
    this.name = 'CallStateError';
  }
}

/** A call ended before reaching what was awaited (`waitFor`): `cause` is the hangup cause, `reason` its meaning. */
export class HangupError extends VertoError {
  /**
   * @param {string} callID
   * @param {{cause: string, causeCode?: number, reason: import('../types/index.js').HangupReason}} end
   */
  constructor(callID, { cause, causeCode, reason }) {
    super('hangup', `call ${callID} ended: ${cause}`);
    this.name = 'HangupError';
    this.callID = callID;
    /** @type {import('../types/index.js').HangupCause} */
    this.cause = cause;
    this.causeCode = causeCode;
    this.reason = reason;
  }
}

/** A listener of an SDK event threw or returned a promise that rejected; `cause` is what it threw. */
export class ListenerError extends VertoError {
  /**
   * @param {string} event
   * @param {unknown} cause
   */
  constructor(event, cause) {
    super('listener', `a "${event}" listener failed: ${/** @type {any} */ (cause)?.message ?? String(cause)}`, { cause });
    this.name = 'ListenerError';
    this.event = event;
  }
}

/**
 * Maps a wire error to the most specific named error.
 *
 * @param {string} method
 * @param {unknown} error the JSON-RPC error object
 * @returns {RpcError}
 */
export function rpcErrorFor(method, error) {
  /** @type {any} */
  const wire = error !== null && typeof error === 'object' ? error : { message: String(error) };
  switch (toRpcCode(wire.code)) {
    case RpcCode.AUTHENTICATION_REQUIRED:
      return new AuthenticationError(method, wire);
    case RpcCode.AUTHENTICATION_FAILED:
      return wire.message === 'Session in use' ? new SessionInUseError(method, wire) : new AuthenticationError(method, wire);
    case RpcCode.WRONG_ISLAND:
      return new WrongIslandError(method, wire);
    case RpcCode.RATE_LIMITED:
      return new RateLimitedError(method, wire);
    case RpcCode.CALL_ERROR:
      return new CallError(method, wire);
    default:
      return new RpcError(method, wire);
  }
}

/**
 * @param {number|undefined} rpcCode
 * @returns {import('../types/index.js').VertoErrorCode}
 */
function codeOf(rpcCode) {
  switch (rpcCode) {
    case RpcCode.AUTHENTICATION_REQUIRED:
    case RpcCode.AUTHENTICATION_FAILED:
      return 'authentication';
    case RpcCode.NO_ISLAND_AVAILABLE:
      return 'no-island';
    case RpcCode.ISLAND_UNREACHABLE:
      return 'island-unreachable';
    case RpcCode.WRONG_ISLAND:
      return 'wrong-island';
    case RpcCode.RATE_LIMITED:
      return 'rate-limited';
    case RpcCode.CALL_ERROR:
      return 'call-error';
    default:
      return 'rpc';
  }
}

/**
 * verto-protocol.md §8.11: codes may arrive as numbers or numeric strings.
 *
 * @param {unknown} code
 * @returns {number|undefined}
 */
function toRpcCode(code) {
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  return undefined;
}

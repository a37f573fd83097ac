import { VertoError } from '../errors.js';

/**
 * JSON-RPC error answers as named errors (docs/protocol.md §7 and the gateway's range): the
 * wire code stays on `rpcCode`, and `code` says what it means in the SDK's own terms, with the
 * members a page needs (`reason`, `island`, `retryAfterMs`...).
 */

/** JSON-RPC error codes the SDK acts on (docs/protocol.md §7 and the gateway's range). */
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

/** A JSON-RPC error answer; `rpcCode` is the wire code, `data` the error's `data` member. */
export class RpcError extends VertoError {
  /**
   * @param {string} method the request that failed
   * @param {{code?: number|string, message?: string, data?: unknown}} error the wire error object
   * @param {import('../../types/index.js').VertoErrorCode} [code]
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

/** Wire messages of -32001 and what they mean (docs/protocol.md §7). */
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
    this.code = /** @type {const} */ ('authentication');
    /** @type {import('../../types/index.js').AuthenticationReason} */
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
    this.code = /** @type {const} */ ('session-in-use');
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
    this.code = /** @type {const} */ ('wrong-island');
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
    this.code = /** @type {const} */ ('rate-limited');
    const after = Number(error.data?.retryAfterMs);
    this.retryAfterMs = Number.isFinite(after) && after > 0 ? after : 0;
  }
}

/** Wire messages of -32002 that an application may want to tell apart (docs/protocol.md §7). */
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
    this.code = /** @type {const} */ ('call-error');
    /** @type {import('../../types/index.js').CallErrorReason} */
    this.reason = CALL_REASONS[error.message ?? ''] ?? 'other';
    /** @type {string|undefined} */
    this.hangupCause = typeof error.cause === 'string' ? error.cause : undefined;
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
 * @returns {import('../../types/index.js').VertoErrorCode}
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
 * docs/protocol.md §8.11: codes may arrive as numbers or numeric strings.
 *
 * @param {unknown} code
 * @returns {number|undefined}
 */
function toRpcCode(code) {
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  return undefined;
}

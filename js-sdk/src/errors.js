/**
 * Named errors of the SDK. Every error the SDK hands to an application is a {@link VertoError}
 * whose `code` is one of a fixed set of strings (`VertoErrorCode` in verto.d.ts), so a page can
 * branch on what went wrong without knowing Verto's wire codes or FreeSWITCH's message texts.
 * Wire details stay available (`rpcCode`, `closeCode`, `cause`) for logs.
 */

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
    this.code = /** @type {const} */ ('setup');
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
    this.code = /** @type {const} */ ('invalid-argument');
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
    this.code = /** @type {const} */ ('map-unavailable');
    this.url = url;
    /** The HTTP status, when the server answered. */
    this.status = details.status;
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
    this.code = /** @type {const} */ ('timeout');
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
    this.code = /** @type {'network'|'refused'} */ (details.fatal === true ? 'refused' : 'network');
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
    this.code = /** @type {const} */ ('disconnected');
  }
}

/** The island handed this session to a newer connection (`verto.punt`); the SDK stops reconnecting. */
export class PuntError extends VertoError {
  constructor() {
    super('punted', 'Session taken over by another connection with the same sessid (verto.punt)');
    this.name = 'PuntError';
    this.code = /** @type {const} */ ('punted');
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
    this.code = /** @type {const} */ ('media');
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
    this.code = /** @type {const} */ ('call-state');
  }
}

/**
 * A conference action that the member's standing does not allow: a moderator command without the
 * moderator channel (`not-moderator`), chat in a room without a chat channel (`no-chat`), or an
 * action after the member left (`left`).
 */
export class ConferenceError extends VertoError {
  /**
   * @param {'not-moderator'|'no-chat'|'left'} reason
   * @param {string} message
   */
  constructor(reason, message) {
    super('conference', message);
    this.name = 'ConferenceError';
    this.code = /** @type {const} */ ('conference');
    this.reason = reason;
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
    this.code = /** @type {const} */ ('hangup');
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
    this.code = /** @type {const} */ ('listener');
    this.event = event;
  }
}

/**
 * What a failure that is not the SDK's own (a platform exception) becomes: a network error.
 *
 * @param {unknown} error
 * @returns {VertoError}
 */
export function asVertoError(error) {
  if (error instanceof VertoError) return error;
  return new ConnectionError(String(/** @type {any} */ (error)?.message ?? error), { cause: error });
}

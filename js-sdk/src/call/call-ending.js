import { BYE_STATES } from './call-state.js';
import { LocalCause, hangupReason } from './hangup-cause.js';
import { ConnectionError, MediaError, TimeoutError } from '../errors.js';
import { RpcError } from '../rpc/rpc-errors.js';

/** @typedef {import('../errors.js').VertoError} VertoError */
/** @typedef {{cause: string, causeCode: number|undefined, reason: import('../../types/index.js').HangupReason, error: VertoError|undefined}} CallEnd */

/**
 * How a call ends, in one place: who ends it (the application, the island's `verto.bye`, a local
 * failure, the session going away), whether the island must be told (a `verto.bye` when it knows
 * the call, docs/protocol.md §4.5), and the single `ended` outcome with its cause and meaning.
 */
export class CallEnding {
  #state;
  #host;
  /** @type {CallEnd|null} */
  #end = null;
  /** @type {(end: CallEnd) => void} */
  #resolve = () => {};
  /** @type {string|null} */
  transferredTo = null;

  /**
   * @param {import('./call-state.js').CallState} state
   * @param {object} host what the ending needs from its call
   * @param {(method: string, params: object) => Promise<any>} host.request
   * @param {() => Record<string, unknown>} host.dialogParams
   * @param {(end: CallEnd) => void} host.finished the media is closed and the call forgotten: `ended` is due
   */
  constructor(state, host) {
    this.#state = state;
    this.#host = host;
    /** @type {Promise<CallEnd>} */
    this.promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** The end once one was decided (the `hangup` state may still wait for the island). */
  get end() {
    return this.#end;
  }

  /**
   * The application hangs up.
   *
   * @param {string} cause
   * @param {number|undefined} causeCode
   */
  async hangup(cause, causeCode) {
    if (this.#end) return this.promise;
    const from = this.#state.value;
    const end = this.#decide(cause, causeCode, undefined);
    if (from === 'new') return this.#finish(end);
    this.#state.to('hangup');
    if (from === 'requesting') return this.promise; // the bye follows the invite's answer (afterInvite)
    if (BYE_STATES.has(from)) await this.#sendBye(end);
    else this.#finish(end);
    return this.promise;
  }

  /**
   * The invite's answer (or failure) arrived after a hangup while it was in flight.
   *
   * @param {boolean} accepted true when the island made the call, which then needs its bye
   */
  async afterInvite(accepted) {
    if (!this.#end) return;
    if (accepted) await this.#sendBye(this.#end);
    else this.#finish(this.#end);
  }

  /**
   * The island's `verto.bye`: no bye goes back.
   *
   * @param {Record<string, any>} params
   */
  byIsland(params) {
    if (this.#state.value === 'destroy') return;
    const end = this.#decide(params.cause ?? 'NORMAL_CLEARING', params.causeCode, undefined);
    if (this.#state.value !== 'hangup') this.#state.to('hangup');
    this.#finish(end);
  }

  /**
   * A local failure ends the call, telling the island when it knows the call.
   *
   * @param {unknown} error
   */
  fail(error) {
    if (this.#end) return;
    const rpc = error instanceof RpcError ? error.details : undefined;
    const end = this.#decide(rpc?.cause ?? causeOf(error), rpc?.causeCode, /** @type {VertoError} */ (error));
    const from = this.#state.value;
    if (from === 'new') return this.#finish(end);
    this.#state.to('hangup');
    if (BYE_STATES.has(from)) void this.#sendBye(end);
    else this.#finish(end);
  }

  /**
   * Ends without signalling (punt, client closed, not re-attached, socket lost before answer).
   *
   * @param {string} cause
   */
  locally(cause) {
    if (this.#state.value === 'destroy') return;
    this.#finish(this.#end ?? this.#decide(cause, undefined, undefined));
  }

  /**
   * @param {string} cause
   * @param {number|undefined} causeCode
   * @param {VertoError|undefined} error
   */
  #decide(cause, causeCode, error) {
    const reason = this.transferredTo !== null && error === undefined ? 'transferred' : hangupReason(cause);
    this.#end = { cause, causeCode, reason, error };
    return this.#end;
  }

  /** @param {CallEnd} end */
  async #sendBye(end) {
    /** @type {Record<string, unknown>} */
    const params = { cause: end.cause, dialogParams: this.#host.dialogParams() };
    if (end.causeCode !== undefined) params.causeCode = end.causeCode;
    try {
      await this.#host.request('verto.bye', params);
    } catch {
      // the island forgets the call with the socket anyway (§2.3)
    }
    this.#finish(end);
  }

  /** @param {CallEnd} end */
  #finish(end) {
    if (this.#state.value === 'destroy') return this.promise;
    this.#state.to('destroy');
    this.#host.finished(end);
    this.#resolve(end);
    return this.promise;
  }
}

/**
 * The cause of a call ended by a local failure that carries no island cause.
 *
 * @param {unknown} error
 */
function causeOf(error) {
  if (error instanceof MediaError) return error.reason === 'connection-failed' ? LocalCause.MEDIA_TIMEOUT : LocalCause.MEDIA_ERROR;
  if (error instanceof ConnectionError) return LocalCause.SOCKET_LOST;
  if (error instanceof TimeoutError) return LocalCause.REQUEST_TIMEOUT;
  return LocalCause.CALL_ERROR;
}

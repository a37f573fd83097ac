import { Emitter } from '../emitter.js';
import { CallState, BYE_STATES } from './call-state.js';
import { dtmfString } from './dtmf.js';
import { PeerMedia } from '../media/peer-media.js';
import { CallStateError, ConnectionError, MediaError, RpcError, TimeoutError, VertoError } from '../errors.js';

/**
 * Causes the SDK gives to calls that ended without a `verto.bye` from the island. Causes that
 * come from the island are FreeSWITCH cause names (`NORMAL_CLEARING`, `USER_BUSY`, ...).
 */
export const LocalCause = Object.freeze({
  /** The island hangs up unanswered calls of a lost socket with this cause (verto-protocol.md §2.3). */
  SOCKET_LOST: 'DESTINATION_OUT_OF_ORDER',
  /** The island's `verto.clientReady` after a reconnect did not list the call. */
  NOT_REATTACHED: 'NOT_REATTACHED',
  /** Another connection took the session over (`verto.punt`). */
  PUNTED: 'PUNTED',
  /** The application closed the client. */
  CLIENT_CLOSED: 'CLIENT_CLOSED',
  /** The session stopped for good (refused credentials after a reconnect, close 1008). */
  CONNECTION_FAILED: 'CONNECTION_FAILED',
  /** Local media failed (microphone, SDP, ICE gathering). */
  MEDIA_ERROR: 'MEDIA_ERROR',
  /** A request about the call got no answer in time. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The island refused a request about the call without naming a cause. */
  CALL_ERROR: 'CALL_ERROR',
});

/** The cause of a call ended by a local failure that carries no island cause. */
function causeOf(error) {
  if (error instanceof MediaError) return LocalCause.MEDIA_ERROR;
  if (error instanceof ConnectionError) return LocalCause.SOCKET_LOST;
  if (error instanceof TimeoutError) return LocalCause.REQUEST_TIMEOUT;
  return LocalCause.CALL_ERROR;
}

/**
 * @typedef {object} CallSignal what a call needs from its client
 * @property {(method: string, params: object) => Promise<any>} request adds `sessid`
 * @property {(call: Call) => void} forget
 * @property {import('../media/peer-media.js').MediaOptions} media
 * @property {import('../clock.js').Clock} clock
 * @property {string} login
 */

/**
 * One Verto dialog. Outbound calls come from `VertoClient.call()`, inbound ones from the
 * client's `incomingcall` event, and calls re-attached after a page reload from `recoveredcall`.
 *
 * Events: `statechange` `{state, previous}`, `remotestream` (MediaStream), `mute` `{muted}`,
 * `display` `{name, number}`, `info` (the island's `verto.info` params), `ended`
 * `{cause, causeCode, error}`. State names are verto.js's ({@link CallState}).
 *
 * Server-side notifications reach a call through the `handle*` methods, which the client calls in
 * wire order; they are serialized so that an answer never overtakes the early media before it.
 *
 * @extends {Emitter<any>}
 */
export class Call extends Emitter {
  #signal;
  #state;
  #media = null;
  #serial = Promise.resolve();
  #dialogParams;
  #held = false;
  #remoteAnswerApplied = false;
  #offer = null;
  #ending = null;
  #end = null;
  #answered = false;

  /**
   * @param {CallSignal} signal
   * @param {object} init
   * @param {string} init.id the callID
   * @param {'outbound'|'inbound'} init.direction
   * @param {string} init.destination
   * @param {{name: string, number: string}} init.remote
   * @param {object} init.dialogParams
   * @param {boolean} [init.recovered] re-attached without a local dialog (page reload)
   */
  constructor(signal, { id, direction, destination, remote, dialogParams, recovered = false }) {
    super();
    this.#signal = signal;
    this.id = id;
    this.direction = direction;
    this.destination = destination;
    this.remote = { ...remote };
    this.recovered = recovered;
    this.#dialogParams = { ...dialogParams, callID: id };
    this.#state = new CallState((state, previous) => {
      if (state === 'active' || state === 'held') this.#answered = true;
      this.emit('statechange', { state, previous });
    });
    this.ended = new Promise((resolve) => {
      this.#end = resolve;
    });
  }

  get state() {
    return this.#state.value;
  }

  get held() {
    return this.#held;
  }

  get muted() {
    return this.#media?.muted ?? false;
  }

  get localStream() {
    return this.#media?.localStream ?? null;
  }

  get remoteStream() {
    return this.#media?.remoteStream ?? null;
  }

  get peerConnection() {
    return this.#media?.peerConnection ?? null;
  }

  /** @returns {boolean} */
  get isEnded() {
    return this.#ending !== null;
  }

  /**
   * Resolves once the call is in `state`; rejects when it ends first or after `timeoutMs`.
   *
   * @param {string} state
   * @param {{timeoutMs?: number}} [options]
   * @returns {Promise<void>}
   */
  waitFor(state, { timeoutMs = 30000 } = {}) {
    if (this.state === state) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const clock = this.#signal.clock;
      const timer = clock.setTimeout(() => {
        cleanup();
        reject(new TimeoutError(`call ${this.id} reaching "${state}" (now "${this.state}")`, timeoutMs));
      }, timeoutMs);
      const offState = this.on('statechange', (change) => {
        if (change.state === state) {
          cleanup();
          resolve();
        }
      });
      const offEnded = this.on('ended', (end) => {
        if (state === 'destroy') return;
        cleanup();
        reject(end.error ?? new VertoError(`call ${this.id} ended (${end.cause}) before reaching "${state}"`));
      });
      function cleanup() {
        clock.clearTimeout(timer);
        offState();
        offEnded();
      }
    });
  }

  /**
   * Places an outbound call: microphone, complete offer, `verto.invite` (§4.3).
   *
   * @internal called by VertoClient.call
   * @param {{localStream?: MediaStream}} options
   */
  async place({ localStream } = {}) {
    try {
      await this.#openMedia(localStream);
      if (this.isEnded) return;
      const sdp = await this.#media.offer();
      if (this.isEnded) return;
      this.#state.to('requesting');
      await this.#signal.request('verto.invite', { sdp, dialogParams: this.#dialogParams });
      if (this.state === 'requesting') this.#state.to('trying');
      else if (this.state === 'hangup') await this.#sendBye(this.#ending);
    } catch (error) {
      // hung up while the invite was in flight: the island never made the call
      if (this.state === 'hangup') this.#finish(this.#ending);
      else this.#fail(error);
    }
  }

  /**
   * Answers a ringing inbound call (§4.4).
   *
   * @param {{localStream?: MediaStream}} [options] a stream to send instead of the microphone
   */
  async answer({ localStream } = {}) {
    if (this.state !== 'ringing') throw new CallStateError(`cannot answer a call in state "${this.state}"`);
    this.#state.to('answering');
    try {
      await this.#openMedia(localStream);
      const sdp = await this.#media.answer(this.#offer);
      if (this.isEnded) return;
      await this.#signal.request('verto.answer', { sdp, dialogParams: this.#dialogParams });
      if (this.state === 'answering') this.#state.to('active');
    } catch (error) {
      this.#fail(error);
      throw error;
    }
  }

  /**
   * Ends the call: a `verto.bye` when the island knows the call (§4.5), silently otherwise.
   * Rejecting a ringing call is a hangup with a cause such as `CALL_REJECTED` or `USER_BUSY`.
   *
   * @param {{cause?: string, causeCode?: number}} [options]
   */
  async hangup({ cause = 'NORMAL_CLEARING', causeCode } = {}) {
    if (this.isEnded) return this.ended;
    const from = this.state;
    const end = { cause, causeCode, error: undefined };
    this.#ending = end;
    if (from === 'new') return this.#finish(end);
    this.#state.to('hangup');
    if (from === 'requesting') return this.ended; // the bye follows the invite's answer (place)
    if (BYE_STATES.has(from)) await this.#sendBye(end);
    else this.#finish(end);
    return this.ended;
  }

  /**
   * Sends DTMF through the island (`verto.info`, §4.7).
   *
   * @param {string} digits e.g. `"5"`, `"123@200"`, `"1+2"`
   */
  async dtmf(digits) {
    const dtmf = dtmfString(digits);
    this.#requireState(['early', 'active', 'held'], 'send DTMF');
    return this.#signal.request('verto.info', { dtmf, dialogParams: { callID: this.id } });
  }

  /** Puts the call on hold at the island (`verto.modify`, §4.6). */
  hold() {
    return this.#modify('hold');
  }

  unhold() {
    return this.#modify('unhold');
  }

  toggleHold() {
    return this.#modify('toggleHold');
  }

  /** Stops sending microphone audio; nothing is signalled to the island. */
  mute() {
    this.setMuted(true);
  }

  unmute() {
    this.setMuted(false);
  }

  /** @param {boolean} muted */
  setMuted(muted) {
    if (!this.#media) throw new CallStateError('no media yet to mute');
    if (this.#media.muted === muted) return;
    this.#media.setMuted(muted);
    this.emit('mute', { muted });
  }

  /** @returns {Promise<import('../media/audio-stats.js').AudioStats>} */
  async stats() {
    if (!this.#media) throw new CallStateError('no media yet');
    return this.#media.stats();
  }

  /**
   * S→C `verto.invite`: the offer of an inbound call; the call rings.
   *
   * @internal
   */
  handleInvite(params) {
    this.#offer = params.sdp;
    this.#state.to('ringing');
  }

  /** @internal S→C `verto.media`: early media, the island's answer before the call is answered. */
  handleMedia(params) {
    this.#serially(async () => {
      if (!['requesting', 'trying'].includes(this.state)) return;
      await this.#applyRemoteAnswer(params.sdp);
      if (['requesting', 'trying'].includes(this.state)) this.#state.to('early');
    });
  }

  /** @internal S→C `verto.answer`: the far end answered; carries SDP unless `verto.media` did. */
  handleAnswer(params) {
    this.#serially(async () => {
      if (!['requesting', 'trying', 'early'].includes(this.state)) return;
      if (!this.#remoteAnswerApplied) await this.#applyRemoteAnswer(params.sdp);
      if (['requesting', 'trying', 'early'].includes(this.state)) this.#state.to('active');
    });
  }

  /** @internal S→C `verto.bye`: the island ended the call; no bye goes back. */
  handleBye(params) {
    if (this.isEnded && this.state === 'destroy') return;
    const end = { cause: params.cause ?? 'NORMAL_CLEARING', causeCode: params.causeCode, error: undefined };
    this.#ending = end;
    if (this.state !== 'hangup') this.#state.to('hangup');
    this.#finish(end);
  }

  /**
   * @internal S→C `verto.attach` (§2.4): a new offer for this call, after a reconnect or a media
   * renegotiation. A fresh peer connection answers it; the call keeps its hold state.
   */
  handleAttach(params) {
    this.#serially(async () => {
      if (this.isEnded) return;
      const wasHeld = this.state === 'held' || (this.state === 'recovering' && this.#held);
      if (!['recovering', 'active', 'held'].includes(this.state)) {
        if (this.state !== 'new') return;
        this.#state.to('recovering');
      }
      this.#media = this.#media ? this.#media.reusing() : await PeerMedia.open(this.#signal.media, this.#signal.clock);
      this.#media.onremotestream = (stream) => this.emit('remotestream', stream);
      const sdp = await this.#media.answer(params.sdp);
      if (this.isEnded) return;
      this.#state.to('answering');
      await this.#signal.request('verto.attach', { sdp, dialogParams: { ...this.#dialogParams, attach: true } });
      if (this.state === 'answering') this.#state.to(wasHeld ? 'held' : 'active');
    });
  }

  /** @internal S→C `verto.display`: the remote party changed (transfer...). */
  handleDisplay(params) {
    this.remote = { name: params.display_name ?? this.remote.name, number: params.display_number ?? this.remote.number };
    this.emit('display', { ...this.remote });
  }

  /** @internal S→C `verto.info` for this call (chat, real-time text). */
  handleInfo(params) {
    this.emit('info', params);
  }

  /**
   * @internal The socket died. Answered calls wait for the island's `verto.attach`; the island
   * hangs up all others (§2.3), and so does the SDK.
   */
  detach() {
    if (this.isEnded || this.state === 'recovering') return;
    if (this.#answered) this.#state.to('recovering');
    else this.#endLocally(LocalCause.SOCKET_LOST);
  }

  /**
   * @internal Ends the call without signalling (punt, client closed, not re-attached).
   * @param {string} cause
   */
  endLocally(cause) {
    this.#endLocally(cause);
  }

  async #modify(action) {
    this.#requireState(['active', 'held'], action);
    let result;
    try {
      result = await this.#signal.request('verto.modify', { action, dialogParams: { callID: this.id } });
    } catch (error) {
      // §8.8: the hold state is reported even on errors.
      if (error instanceof RpcError) this.#applyHoldState(error.details?.holdState);
      throw error;
    }
    this.#applyHoldState(result?.holdState);
    return this.#held;
  }

  #applyHoldState(holdState) {
    if (holdState !== 'held' && holdState !== 'active') return;
    this.#held = holdState === 'held';
    if (this.#held && this.state === 'active') this.#state.to('held');
    else if (!this.#held && this.state === 'held') this.#state.to('active');
  }

  async #openMedia(localStream) {
    this.#media = await PeerMedia.open(this.#signal.media, this.#signal.clock, localStream);
    this.#media.onremotestream = (stream) => this.emit('remotestream', stream);
    if (this.isEnded) this.#media.close();
  }

  async #applyRemoteAnswer(sdp) {
    await this.#media.acceptAnswer(sdp);
    this.#remoteAnswerApplied = true;
  }

  async #sendBye(end) {
    const params = { cause: end.cause, dialogParams: this.#dialogParams };
    if (end.causeCode !== undefined) params.causeCode = end.causeCode;
    try {
      await this.#signal.request('verto.bye', params);
    } catch {
      // the island forgets the call with the socket anyway (§2.3)
    }
    this.#finish(end);
  }

  #serially(task) {
    // A socket lost under an answered call leaves it to the next session's re-attach.
    this.#serial = this.#serial.then(task).catch((error) => (error instanceof ConnectionError && this.#answered ? this.detach() : this.#fail(error)));
  }

  /** Ends the call after a local failure, telling the island when it knows the call. */
  #fail(error) {
    if (this.isEnded) return;
    const rpc = error instanceof RpcError ? error.details : undefined;
    const end = { cause: rpc?.cause ?? causeOf(error), causeCode: rpc?.causeCode, error };
    const from = this.state;
    this.#ending = end;
    if (from === 'new') return this.#finish(end);
    this.#state.to('hangup');
    if (BYE_STATES.has(from)) void this.#sendBye(end);
    else this.#finish(end);
  }

  #endLocally(cause) {
    if (this.isEnded && this.state === 'destroy') return;
    const end = this.#ending ?? { cause, causeCode: undefined, error: undefined };
    this.#ending = end;
    this.#finish(end);
  }

  #finish(end) {
    if (this.state === 'destroy') return;
    this.#media?.close();
    this.#state.to('destroy');
    this.#signal.forget(this);
    this.emit('ended', end);
    this.#end(end);
  }

  #requireState(states, what) {
    if (!states.includes(this.state)) throw new CallStateError(`cannot ${what} a call in state "${this.state}"`);
  }
}

import { Emitter } from '../emitter.js';
import { CallState } from './call-state.js';
import { CallEnding } from './call-ending.js';
import { dtmfString } from './dtmf.js';
import { chatParams, userOf } from './chat.js';
import { LocalCause } from './hangup-cause.js';
import { CallMedia } from './call-media.js';
import { CallModify } from './call-modify.js';
import { CallNegotiation } from './call-negotiation.js';
import { waitForState } from './wait-for.js';
import { CallStateError } from '../errors.js';
import { CALL_EVENTS } from '../event-names.js';

/** @typedef {import('./call-ending.js').CallEnd} CallEnd */

/**
 * One Verto dialog, the base of `Call` (which adds video): states, offer/answer, hangup, DTMF,
 * hold, transfer, chat and audio. Events: {@link CALL_EVENTS}, payloads in verto.d.ts; state
 * names are verto.js's ({@link CallState}).
 *
 * Server-side notifications reach a call through the `handle*` methods, which the client calls in
 * wire order; they are serialized so that an answer never overtakes the early media before it.
 *
 * @extends {Emitter<any>}
 */
export class Dialog extends Emitter {
  #signal;
  #state;
  #media;
  #dialogParams;
  #modify;
  #negotiation;
  #ending;
  #answered = false;

  /**
   * @param {import('./call.js').CallSignal} signal
   * @param {object} init
   * @param {string} init.id the callID
   * @param {'outbound'|'inbound'} init.direction
   * @param {string} init.destination
   * @param {{name: string, number: string}} init.remote
   * @param {Record<string, unknown>} init.dialogParams
   * @param {boolean} [init.recovered] re-attached without a local dialog (page reload)
   * @param {boolean} [init.screenShare] a screen-share leg: sends the screen, receives nothing
   */
  constructor(signal, { id, direction, destination, remote, dialogParams, recovered = false, screenShare = false }) {
    super(CALL_EVENTS);
    this.#signal = signal;
    this.id = id;
    this.direction = direction;
    this.destination = destination;
    this.remote = { ...remote };
    this.recovered = recovered;
    this.screenShare = screenShare;
    this.#dialogParams = { ...dialogParams, callID: id };
    this.#state = new CallState((state, previous) => {
      if (state === 'active' || state === 'held') this.#answered = true;
      this.emit('statechange', { state, previous });
      this.#media.followCallState(state);
    });
    this.#media = new CallMedia(signal, {
      emit: (type, payload) => this.emit(type, payload),
      wants: (type) => this.listenerCount(type) > 0,
      onFailed: (error) => this.#mediaFailed(error),
      onScreenEnded: () => void (this.isEnded ? null : this.hangup()),
    });
    this.#ending = new CallEnding(this.#state, {
      request: (method, params) => this.#signal.request(method, params),
      dialogParams: () => this.#dialogParams,
      finished: (end) => {
        this.#media.close();
        this.#signal.forget(this);
        this.emit('ended', end);
      },
    });
    this.#modify = new CallModify(id, (method, params) => this.#signal.request(method, params), (held) => {
      if (held && this.state === 'active') this.#state.to('held');
      else if (!held && this.state === 'held') this.#state.to('active');
    });
    this.#negotiation = new CallNegotiation(this.#state, this.#media, this.#ending, {
      request: (method, params) => this.#signal.request(method, params),
      dialogParams: () => this.#dialogParams,
      held: () => this.#modify.held,
      answered: () => this.#answered,
      detach: () => this.detach(),
    });
    /** Resolves with the end of the call. */
    this.ended = this.#ending.promise;
  }

  get state() {
    return this.#state.value;
  }

  get held() {
    return this.#modify.held;
  }

  get muted() {
    return this.#media.muted;
  }

  get localStream() {
    return this.#media.localStream;
  }

  get remoteStream() {
    return this.#media.remoteStream;
  }

  get peerConnection() {
    return this.#media.peerConnection;
  }

  /** The media path's state (`new`, `connecting`, `connected`, `disconnected`, `failed`, `closed`). */
  get mediaState() {
    return this.#media.state;
  }

  /** True while the attached audio element waits for a user gesture to play. */
  get audioBlocked() {
    return this.#media.audioBlocked;
  }

  get isEnded() {
    return this.#ending.end !== null;
  }

  /** @internal The media of the call, for the video features. */
  get media() {
    return this.#media;
  }

  /** @internal */
  get signal() {
    return this.#signal;
  }

  /** @internal True when the island's offer of a ringing call has video. */
  get offersVideo() {
    return this.#negotiation.offersVideo;
  }

  /** @internal The end once decided, else null. */
  get endedWith() {
    return this.#ending.end;
  }

  /**
   * Resolves once the call is in `state`; rejects when it ends first (with the error that ended
   * it, or a HangupError carrying the cause) or after `timeoutMs`.
   *
   * @param {import('../../types/index.js').CallState} state
   * @param {{timeoutMs?: number}} [options]
   * @returns {Promise<void>}
   */
  waitFor(state, { timeoutMs = 30000 } = {}) {
    return waitForState(this, state, timeoutMs, this.#signal.clock);
  }

  /**
   * Places an outbound call: microphone, complete offer, `verto.invite` (§4.3).
   *
   * @internal called by VertoClient.call
   * @param {{localStream?: MediaStream, video?: boolean|object}} options
   */
  place({ localStream, video } = {}) {
    return this.#negotiation.place(localStream, { video: video ?? false, screen: this.screenShare });
  }

  /**
   * Answers a ringing inbound call (§4.4), with the camera too when `video` asks for it.
   *
   * @param {{localStream?: MediaStream, video?: boolean|object}} [options] a stream to send instead of the microphone
   */
  answer({ localStream, video = false } = {}) {
    return this.#negotiation.answer(localStream, { video });
  }

  /**
   * Ends the call: a `verto.bye` when the island knows the call (§4.5), silently otherwise.
   * Rejecting a ringing call is a hangup with a cause such as `CALL_REJECTED` or `USER_BUSY`.
   *
   * @param {{cause?: string, causeCode?: number}} [options]
   * @returns {Promise<CallEnd>}
   */
  hangup({ cause = 'NORMAL_CLEARING', causeCode } = {}) {
    return this.#ending.hangup(cause, causeCode);
  }

  /**
   * Sends DTMF through the island (`verto.info`, §4.7).
   *
   * @param {string} digits e.g. `"5"`, `"123@200"`, `"1+2"`
   */
  async dtmf(digits) {
    const dtmf = dtmfString(digits);
    this.requireState(['early', 'active', 'held'], 'send DTMF');
    await this.#signal.request('verto.info', { dtmf, dialogParams: { callID: this.id } });
  }

  /** Puts the call on hold at the island (`verto.modify`, §4.6); resolves with the new hold state. */
  hold() {
    return this.#hold('hold');
  }

  unhold() {
    return this.#hold('unhold');
  }

  toggleHold() {
    return this.#hold('toggleHold');
  }

  /**
   * Blind transfer (`verto.modify` `transfer`, §4.6, as verto.js's `dialog.transfer`): the island
   * sends the party on the other end of this call to `destination`, then ends this leg with a
   * `verto.bye`; the call's `ended` then says `reason: "transferred"`.
   *
   * @param {string} destination an extension of the dialplan, e.g. `"1002"`
   * @returns {Promise<void>} rejects with a CallError (`not-bridged`, `destination-missing`...) when the island refuses
   */
  async transfer(destination) {
    this.requireState(['active', 'held'], 'transfer');
    // marked first: the island's bye for this leg may overtake the answer
    this.#ending.transferredTo = typeof destination === 'string' ? destination.trim() : null;
    try {
      await this.#modify.transfer(destination);
    } catch (error) {
      if (!this.isEnded) this.#ending.transferredTo = null;
      throw error;
    }
  }

  /** The destination of a transfer the island accepted, or null. */
  get transferredTo() {
    return this.#ending.transferredTo;
  }

  /**
   * Sends a chat message to the other party of the call (`verto.info` with `msg`, §4.7).
   *
   * @param {string} text
   * @returns {Promise<void>}
   */
  async sendMessage(text) {
    this.requireState(['early', 'active', 'held'], 'send a message in');
    const to = this.remote.number || this.destination;
    await this.#signal.request('verto.info', chatParams({ to, body: text, from: this.#signal.login, domain: this.#signal.domain, callID: this.id }));
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
    if (this.#media.setMuted(muted)) this.emit('mute', { muted });
  }

  /** @returns {Promise<import('../media/audio-stats.js').AudioStats>} */
  async stats() {
    return this.#media.stats();
  }

  /**
   * Plays the call's remote audio in `element`, now and after a re-attach, and empties it when
   * the call ends. When the browser blocks autoplay the call emits `audioblocked`; call
   * {@link resumeAudio} from the next click.
   *
   * @param {HTMLMediaElement} element
   * @returns {() => void} detaches the element
   */
  attachAudio(element) {
    return this.#media.attachAudio(element, () => this.emit('audioblocked', { element }));
  }

  /**
   * Starts the attached element playing after `audioblocked`; call it from a user gesture.
   *
   * @returns {Promise<void>}
   */
  resumeAudio() {
    return this.#media.resumeAudio();
  }

  /**
   * @internal Listener failures go to the client's `error` event.
   * @param {unknown} error
   * @param {string} type
   */
  listenerFailed(error, type) {
    this.#signal.listenerFailed(error, type);
  }

  /**
   * @internal True when `from` (a chat sender) is this call's other party.
   * @param {string} from
   */
  isParty(from) {
    const party = this.remote.number || this.destination;
    return party !== '' && from !== '' && userOf(party) === userOf(from);
  }

  /** @internal S→C `verto.invite` @param {Record<string, any>} params */
  handleInvite(params) {
    this.#negotiation.invited(params);
  }

  /** @internal S→C `verto.media` @param {Record<string, any>} params */
  handleMedia(params) {
    this.#negotiation.earlyMedia(params);
  }

  /** @internal S→C `verto.answer` @param {Record<string, any>} params */
  handleAnswer(params) {
    this.#negotiation.answered(params);
  }

  /** @internal S→C `verto.bye`: the island ended the call; no bye goes back. @param {Record<string, any>} params */
  handleBye(params) {
    this.#ending.byIsland(params);
  }

  /** @internal S→C `verto.attach` @param {Record<string, any>} params */
  handleAttach(params) {
    this.#negotiation.attach(params);
  }

  /**
   * @internal S→C `verto.display`: the remote party changed (transfer...).
   * @param {Record<string, any>} params
   */
  handleDisplay(params) {
    this.remote = { name: params.display_name ?? this.remote.name, number: params.display_number ?? this.remote.number };
    this.emit('display', { ...this.remote });
  }

  /**
   * @internal S→C `verto.info` for this call that is not chat (real-time text, app data).
   * @param {Record<string, any>} params
   */
  handleInfo(params) {
    this.emit('info', params);
  }

  /**
   * @internal A chat message from this call's party.
   * @param {{from: string, to: string, body: string, callID: string|undefined}} message
   */
  handleMessage(message) {
    this.emit('message', message);
  }

  /**
   * @internal The socket died. Answered calls wait for the island's `verto.attach`; the island
   * hangs up all others (§2.3), and so does the SDK.
   */
  detach() {
    if (this.isEnded || this.state === 'recovering') return;
    if (this.#answered) this.#state.to('recovering');
    else this.#ending.locally(LocalCause.SOCKET_LOST);
  }

  /**
   * @internal Ends the call without signalling (punt, client closed, not re-attached).
   * @param {string} cause
   */
  endLocally(cause) {
    this.#ending.locally(cause);
  }

  /** @param {'hold'|'unhold'|'toggleHold'} action */
  #hold(action) {
    this.requireState(['active', 'held'], action);
    return this.#modify.hold(action);
  }

  /** @param {import('../errors.js').MediaError} error the media path of an answered or early call failed */
  #mediaFailed(error) {
    if (this.isEnded || !['early', 'active', 'held'].includes(this.state)) return;
    this.#ending.fail(error);
  }

  /**
   * @internal
   * @param {string[]} states
   * @param {string} what
   */
  requireState(states, what) {
    if (!states.includes(this.state)) throw new CallStateError(`cannot ${what} a call in state "${this.state}"`);
  }
}

import { PeerMedia } from '../media/peer-media.js';
import { QualityMonitor } from '../media/call-quality.js';
import { RemoteAudio } from '../media/remote-audio.js';
import { CallStateError, MediaError } from '../errors.js';

/** Call states in which media flows, so quality is worth sampling. */
const FLOWING = new Set(['early', 'active', 'held']);

/**
 * The media of one call across its peer connections (a re-attach brings a new one): the
 * microphone, the remote stream and the element playing it, the media path's state, and the
 * quality figures. A media path that fails (ICE `failed`) is reported once to the call, which
 * ends with a media cause.
 */
export class CallMedia {
  #signal;
  #emit;
  #onFailed;
  /** @type {PeerMedia|null} */
  #peer = null;
  /** @type {RemoteAudio|null} */
  #audio = null;
  /** @type {import('../../types/index.js').MediaState} */
  #state = 'new';
  #remoteAnswerApplied = false;
  #quality;

  /**
   * @param {import('./call.js').CallSignal} signal
   * @param {object} hooks
   * @param {(type: string, payload: unknown) => void} hooks.emit the call's events
   * @param {(type: string) => boolean} hooks.wants true when an event has listeners
   * @param {(error: MediaError) => void} hooks.onFailed
   */
  constructor(signal, { emit, wants, onFailed }) {
    this.#signal = signal;
    this.#emit = emit;
    this.#onFailed = onFailed;
    const interval = signal.media.qualityIntervalMs;
    this.#quality = new QualityMonitor({
      clock: signal.clock,
      intervalMs: interval === false ? 0 : (interval ?? 2000),
      sample: () => this.#peer?.stats() ?? null,
      wanted: () => wants('quality'),
      emit: (quality) => emit('quality', quality),
    });
  }

  get muted() {
    return this.#peer?.muted ?? false;
  }

  get localStream() {
    return this.#peer?.localStream ?? null;
  }

  get remoteStream() {
    return this.#peer?.remoteStream ?? null;
  }

  get peerConnection() {
    return this.#peer?.peerConnection ?? null;
  }

  get state() {
    return this.#state;
  }

  get audioBlocked() {
    return this.#audio?.blocked ?? false;
  }

  get hasRemoteAnswer() {
    return this.#remoteAnswerApplied;
  }

  /** @param {MediaStream} [localStream] a stream the application owns, instead of the microphone */
  async open(localStream) {
    this.#adopt(await PeerMedia.open(this.#signal.media, this.#signal.clock, localStream));
  }

  /** A new peer connection for a re-attach, over the same microphone. */
  async renew() {
    this.#adopt(this.#peer ? this.#peer.reusing() : await PeerMedia.open(this.#signal.media, this.#signal.clock));
    this.#quality.resetBaseline();
  }

  offer() {
    return this.#peerOrThrow().offer();
  }

  /** @param {string} sdp */
  answer(sdp) {
    return this.#peerOrThrow().answer(sdp);
  }

  /** @param {string} sdp */
  async acceptAnswer(sdp) {
    await this.#peerOrThrow().acceptAnswer(sdp);
    this.#remoteAnswerApplied = true;
  }

  /**
   * @param {boolean} muted
   * @returns {boolean} true when it changed
   */
  setMuted(muted) {
    if (!this.#peer) throw new CallStateError('no media yet to mute');
    if (this.#peer.muted === muted) return false;
    this.#peer.setMuted(muted);
    return true;
  }

  stats() {
    if (!this.#peer) return Promise.reject(new CallStateError('no media yet'));
    return this.#peer.stats();
  }

  /**
   * @param {HTMLMediaElement} element
   * @param {(element: HTMLMediaElement) => void} onBlocked
   * @returns {() => void}
   */
  attachAudio(element, onBlocked) {
    const audio = new RemoteAudio(element, onBlocked);
    this.#audio?.detach();
    this.#audio = audio;
    audio.show(this.remoteStream);
    return () => {
      if (this.#audio !== audio) return;
      audio.detach();
      this.#audio = null;
    };
  }

  resumeAudio() {
    if (!this.#audio) return Promise.reject(new CallStateError('no audio element attached: call attachAudio(element) first'));
    return this.#audio.resume();
  }

  /** @param {string} callState */
  followCallState(callState) {
    if (FLOWING.has(callState)) this.#quality.start();
    else this.#quality.stop();
  }

  close() {
    this.#quality.stop();
    this.#audio?.detach();
    this.#audio = null;
    if (!this.#peer) return;
    this.#peer.onconnectionstate = () => {};
    this.#peer.close();
    this.#setState('closed');
  }

  #peerOrThrow() {
    if (!this.#peer) throw new CallStateError('no media yet');
    return this.#peer;
  }

  /** @param {PeerMedia} peer */
  #adopt(peer) {
    if (this.#peer && this.#peer !== peer) this.#peer.onconnectionstate = () => {};
    this.#peer = peer;
    peer.onremotestream = (stream) => {
      this.#audio?.show(stream);
      this.#emit('remotestream', stream);
    };
    peer.onconnectionstate = (state) => this.#setState(state);
    this.#setState(peer.connectionState);
  }

  /** @param {import('../../types/index.js').MediaState} state */
  #setState(state) {
    if (state === this.#state) return;
    const previous = this.#state;
    this.#state = state;
    this.#emit('mediastatechange', { state, previous });
    if (state === 'failed') this.#onFailed(new MediaError('connection-failed', 'the media path failed: ICE found no working route to the gateway, or lost it'));
  }
}

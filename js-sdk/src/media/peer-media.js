import { MediaError } from '../errors.js';
import { iceGatheringDone } from './ice-gathering.js';
import { audioStats } from './audio-stats.js';
import { mediaStateOf } from './media-state.js';

/**
 * @typedef {object} MediaOptions
 * @property {typeof RTCPeerConnection} [RTCPeerConnection] defaults to the platform's
 * @property {(constraints: MediaStreamConstraints) => Promise<MediaStream>} [getUserMedia]
 *   defaults to `navigator.mediaDevices.getUserMedia`
 * @property {MediaStreamConstraints['audio']} [audio] microphone constraints, default `true`
 * @property {RTCIceServer[]} [iceServers]
 * @property {number} [gatherTimeoutMs] longest wait for ICE gathering, default 5000
 * @property {number} [candidateGraceMs] wait after the first candidate, default 1000
 */

/**
 * The WebRTC side of one call leg: one RTCPeerConnection with the local microphone, producing
 * complete (non-trickle) SDP. `bundlePolicy: "max-compat"` because FreeSWITCH negotiates each
 * m-line on its own transport and never bundles (docs/protocol.md §6.1).
 *
 * A re-attached call gets a new PeerMedia over the same local stream ({@link PeerMedia.reusing}).
 */
export class PeerMedia {
  /** @type {(stream: MediaStream) => void} */
  onremotestream = () => {};
  /** @type {(state: import('../../types/index.js').MediaState) => void} called on every change of {@link connectionState} */
  onconnectionstate = () => {};

  #pc;
  #clock;
  #options;
  #localStream;
  #ownsLocal;
  #remoteStream = null;
  #muted = false;
  /** @type {import('../../types/index.js').MediaState} */
  #connectionState = 'new';

  /**
   * @param {MediaOptions} options
   * @param {import('../clock.js').Clock} clock
   * @param {MediaStream} localStream
   * @param {boolean} ownsLocal stop the tracks on close
   */
  constructor(options, clock, localStream, ownsLocal) {
    const Ctor = options.RTCPeerConnection ?? globalThis.RTCPeerConnection;
    if (typeof Ctor !== 'function') throw new MediaError('unsupported', 'No RTCPeerConnection: WebRTC is not available here (pass options.media.RTCPeerConnection)');
    this.#options = options;
    this.#clock = clock;
    this.#localStream = localStream;
    this.#ownsLocal = ownsLocal;
    this.#pc = new Ctor({ bundlePolicy: 'max-compat', iceServers: options.iceServers ?? [] });
    for (const track of localStream.getAudioTracks()) this.#pc.addTrack(track, localStream);
    this.#pc.addEventListener('track', (event) => {
      const stream = event.streams?.[0] ?? (typeof MediaStream === 'function' ? new MediaStream([event.track]) : null);
      if (stream && stream !== this.#remoteStream) {
        this.#remoteStream = stream;
        this.onremotestream(stream);
      }
    });
    const onState = () => {
      const state = mediaStateOf(this.#pc);
      if (state === this.#connectionState) return;
      this.#connectionState = state;
      this.onconnectionstate(state);
    };
    this.#pc.addEventListener('connectionstatechange', onState);
    this.#pc.addEventListener('iceconnectionstatechange', onState);
  }

  /** The media path's state, from the peer connection's `connectionState` (its ICE state where that is missing). */
  get connectionState() {
    return this.#connectionState;
  }

  /**
   * Opens the microphone (or takes the stream the application gave) and builds a PeerMedia.
   *
   * @param {MediaOptions} options
   * @param {import('../clock.js').Clock} clock
   * @param {MediaStream} [stream] a stream the application owns
   */
  static async open(options, clock, stream) {
    if (stream) return new PeerMedia(options, clock, stream, false);
    const getUserMedia = options.getUserMedia ?? defaultGetUserMedia();
    let local;
    try {
      local = await getUserMedia({ audio: options.audio ?? true, video: false });
    } catch (error) {
      if (error instanceof MediaError) throw error;
      const name = /** @type {any} */ (error)?.name;
      throw new MediaError(MediaError.reasonOf(error), `microphone unavailable: ${name && name !== 'Error' ? `${name}: ` : ''}${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
    }
    return new PeerMedia(options, clock, local, true);
  }

  /**
   * A new peer connection over this one's local stream, for a re-attach; this one is closed
   * without stopping the microphone.
   */
  reusing() {
    const next = new PeerMedia(this.#options, this.#clock, this.#localStream, this.#ownsLocal);
    next.setMuted(this.#muted);
    this.#ownsLocal = false;
    this.close();
    return next;
  }

  get peerConnection() {
    return this.#pc;
  }

  get localStream() {
    return this.#localStream;
  }

  get remoteStream() {
    return this.#remoteStream;
  }

  get muted() {
    return this.#muted;
  }

  /** @returns {Promise<string>} a complete offer */
  async offer() {
    return this.#complete(async () => this.#pc.setLocalDescription(await this.#pc.createOffer()));
  }

  /**
   * @param {string} sdp the remote offer
   * @returns {Promise<string>} a complete answer
   */
  async answer(sdp) {
    await this.#remote('offer', sdp);
    return this.#complete(async () => this.#pc.setLocalDescription(await this.#pc.createAnswer()));
  }

  /** @param {string} sdp the remote answer */
  async acceptAnswer(sdp) {
    await this.#remote('answer', sdp);
  }

  /** @param {boolean} muted */
  setMuted(muted) {
    this.#muted = muted;
    for (const track of this.#localStream.getAudioTracks()) track.enabled = !muted;
  }

  /** @returns {Promise<import('./audio-stats.js').AudioStats>} */
  async stats() {
    return audioStats(await this.#pc.getStats());
  }

  close() {
    try {
      this.#pc.close();
    } catch {
      // already closed
    }
    if (this.#ownsLocal) for (const track of this.#localStream.getTracks()) track.stop();
  }

  async #remote(type, sdp) {
    if (typeof sdp !== 'string' || !sdp.startsWith('v=0')) throw new MediaError('negotiation', `the island sent no usable SDP ${type}`);
    try {
      await this.#pc.setRemoteDescription({ type, sdp });
    } catch (error) {
      throw new MediaError('negotiation', `remote SDP ${type} rejected: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
    }
  }

  async #complete(describe) {
    try {
      const gathered = iceGatheringDone(this.#pc, {
        clock: this.#clock,
        timeoutMs: this.#options.gatherTimeoutMs ?? 5000,
        graceMs: this.#options.candidateGraceMs ?? 1000,
      });
      await describe();
      await gathered;
    } catch (error) {
      throw error instanceof MediaError ? error : new MediaError('negotiation', `local SDP failed: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
    }
    const sdp = this.#pc.localDescription?.sdp ?? '';
    if (!/^a=candidate:/m.test(sdp)) throw new MediaError('no-candidates', 'ICE gathering produced no candidate: no network path for media');
    return sdp;
  }
}

function defaultGetUserMedia() {
  const platform = /** @type {any} */ (globalThis);
  const devices = platform.navigator?.mediaDevices;
  if (!devices || typeof devices.getUserMedia !== 'function') {
    const insecure = platform.isSecureContext === false;
    return () =>
      Promise.reject(
        insecure
          ? new MediaError('insecure-context', 'microphone unavailable: the page is not a secure context (serve it over https:// or from localhost)')
          : new MediaError('unsupported', 'microphone unavailable: navigator.mediaDevices.getUserMedia is not available here (pass options.media.getUserMedia)'),
      );
  }
  return (constraints) => devices.getUserMedia(constraints);
}

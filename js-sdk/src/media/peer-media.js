import { MediaError } from '../errors.js';
import { iceGatheringDone, everySectionHasCandidates } from './ice-gathering.js';
import { audioStats } from './audio-stats.js';
import { mediaStateOf } from './media-state.js';
import { userMedia, displayMedia } from './local-media.js';

/**
 * @typedef {object} MediaOptions
 * @property {typeof RTCPeerConnection} [RTCPeerConnection] defaults to the platform's
 * @property {(constraints: MediaStreamConstraints) => Promise<MediaStream>} [getUserMedia]
 *   defaults to `navigator.mediaDevices.getUserMedia`
 * @property {MediaStreamConstraints['audio']} [audio] microphone constraints, default `true`
 * @property {MediaStreamConstraints['video']} [video] camera constraints of video calls, default `true`
 * @property {(constraints: DisplayMediaStreamOptions) => Promise<MediaStream>} [getDisplayMedia]
 * @property {any} [mediaDevices] device lists and `devicechange`; default `navigator.mediaDevices`
 * @property {RTCIceServer[]} [iceServers]
 * @property {number} [gatherTimeoutMs] longest wait for ICE gathering, default 5000
 * @property {number} [candidateGraceMs] wait after the first candidate, default 1000
 */

/**
 * The WebRTC side of one call leg: one RTCPeerConnection with the local microphone (and camera),
 * producing complete (non-trickle) SDP. `bundlePolicy: "max-compat"` because FreeSWITCH negotiates
 * each m-line on its own transport and never bundles; audio tracks go in before video so the
 * m-lines come in FreeSWITCH's order (docs/protocol.md §6.1). A screen-share leg sends its one
 * video track `sendonly` and receives nothing.
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
  #sendOnly;
  /** @type {RTCRtpSender|null} */
  #audioSender = null;
  /** @type {RTCRtpSender|null} */
  #videoSender = null;
  /** @type {import('../../types/index.js').MediaState} */
  #connectionState = 'new';

  /**
   * @param {MediaOptions} options
   * @param {import('../clock.js').Clock} clock
   * @param {MediaStream} localStream
   * @param {boolean} ownsLocal stop the tracks on close
   * @param {{sendOnly?: boolean}} [shape] `sendOnly`: a screen-share leg
   */
  constructor(options, clock, localStream, ownsLocal, { sendOnly = false } = {}) {
    const Ctor = options.RTCPeerConnection ?? globalThis.RTCPeerConnection;
    if (typeof Ctor !== 'function') throw new MediaError('unsupported', 'No RTCPeerConnection: WebRTC is not available here (pass options.media.RTCPeerConnection)');
    this.#options = options;
    this.#clock = clock;
    this.#localStream = localStream;
    this.#ownsLocal = ownsLocal;
    this.#sendOnly = sendOnly;
    this.#pc = new Ctor({ bundlePolicy: 'max-compat', iceServers: options.iceServers ?? [] });
    for (const track of localStream.getAudioTracks()) this.#audioSender = this.#pc.addTrack(track, localStream);
    for (const track of videoTracksOf(localStream)) this.#addVideoSender(track);
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
   * Opens the microphone, and the camera or the screen when asked (or takes the stream the
   * application gave), and builds a PeerMedia.
   *
   * @param {MediaOptions} options
   * @param {import('../clock.js').Clock} clock
   * @param {MediaStream} [stream] a stream the application owns
   * @param {{video?: boolean|object, screen?: boolean, devices?: import('./local-media.js').DeviceSelection|null}} [want]
   *   `video`: open the camera too; `screen`: the screen instead of microphone and camera
   */
  static async open(options, clock, stream, { video = false, screen = false, devices = null } = {}) {
    if (stream) return new PeerMedia(options, clock, stream, false, { sendOnly: screen });
    const local = screen ? await displayMedia(options) : await userMedia(options, { video, devices });
    return new PeerMedia(options, clock, local, true, { sendOnly: screen });
  }

  /**
   * A new peer connection over this one's local stream, for a re-attach; this one is closed
   * without stopping the microphone.
   */
  reusing() {
    const next = new PeerMedia(this.#options, this.#clock, this.#localStream, this.#ownsLocal, { sendOnly: this.#sendOnly });
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

  /** True once a video section sends from this side (a camera on or off, or a screen). */
  get hasVideoSender() {
    return this.#videoSender !== null;
  }

  /** True when the negotiated session carries video either way (the remote description has a live m=video). */
  get hasVideo() {
    return this.#videoSender !== null || /^m=video [1-9]/m.test(this.#pc.remoteDescription?.sdp ?? '');
  }

  /**
   * Puts `track` in place of the local track of its kind, on the wire without renegotiation
   * (RTCRtpSender.replaceTrack) and in the local stream; `null` stops sending that kind (the
   * camera turned off). The replaced track is stopped when the SDK opened it.
   *
   * @param {'audio'|'video'} kind
   * @param {MediaStreamTrack|null} track
   * @returns {Promise<boolean>} false when no section of that kind sends yet (a renegotiation is needed)
   */
  async useTrack(kind, track) {
    const sender = kind === 'audio' ? this.#audioSender : this.#videoSender;
    if (!sender) return false;
    await sender.replaceTrack(track);
    this.#swapLocal(kind, track);
    return true;
  }

  /**
   * Adds a video section sending `track` (the camera turned on in an audio call); the caller then
   * renegotiates with {@link offer} and {@link acceptAnswer}, or {@link rollback} on a refusal.
   *
   * @param {MediaStreamTrack} track
   */
  addVideo(track) {
    this.#swapLocal('video', track);
    this.#addVideoSender(track);
  }

  /** Undoes a local offer the island refused, and the video section added for it. */
  async rollback() {
    try {
      await this.#pc.setLocalDescription({ type: 'rollback' });
    } catch {
      // nothing to roll back
    }
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

  /** @param {MediaStreamTrack} track */
  #addVideoSender(track) {
    this.#videoSender = this.#sendOnly
      ? this.#pc.addTransceiver(track, { direction: 'sendonly', streams: [this.#localStream] }).sender
      : this.#pc.addTrack(track, this.#localStream);
    if (this.#sendOnly) track.addEventListener?.('ended', () => this.onlocalended());
  }

  /** Called when a screen-share track ends (the browser's own "stop sharing"). */
  onlocalended = () => {};

  /**
   * @param {'audio'|'video'} kind
   * @param {MediaStreamTrack|null} track
   */
  #swapLocal(kind, track) {
    const stream = /** @type {any} */ (this.#localStream);
    for (const old of kind === 'audio' ? stream.getAudioTracks() : videoTracksOf(stream)) {
      if (old === track) continue;
      stream.removeTrack?.(old);
      if (this.#ownsLocal) old.stop();
    }
    if (!track) return;
    if (kind === 'audio') track.enabled = !this.#muted;
    stream.addTrack?.(track);
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
      const timing = { clock: this.#clock, timeoutMs: this.#options.gatherTimeoutMs ?? 5000, graceMs: this.#options.candidateGraceMs ?? 1000 };
      // a renegotiation: gathering completed for the first offer; a section it adds gathers anew
      const renegotiating = this.#pc.iceGatheringState === 'complete';
      const gathered = renegotiating ? null : iceGatheringDone(this.#pc, timing);
      await describe();
      // the new section's candidates come in events after setLocalDescription resolves
      if (gathered) await gathered;
      else if (!everySectionHasCandidates(this.#pc.localDescription?.sdp ?? '')) await iceGatheringDone(this.#pc, { ...timing, again: true });
    } catch (error) {
      throw error instanceof MediaError ? error : new MediaError('negotiation', `local SDP failed: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
    }
    const sdp = this.#pc.localDescription?.sdp ?? '';
    if (!/^a=candidate:/m.test(sdp)) throw new MediaError('no-candidates', 'ICE gathering produced no candidate: no network path for media');
    return sdp;
  }
}

/**
 * @param {MediaStream} stream
 * @returns {MediaStreamTrack[]}
 */
export function videoTracksOf(stream) {
  return typeof stream.getVideoTracks === 'function' ? stream.getVideoTracks() : [];
}

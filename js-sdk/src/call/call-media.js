import { PeerMedia, videoTracksOf } from '../media/peer-media.js';
import { QualityMonitor } from '../media/call-quality.js';
import { RemoteAudio } from '../media/remote-audio.js';
import { singleTrack } from '../media/local-media.js';
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
  /** @type {RemoteAudio|null} */
  #video = null;
  /** @type {{video: boolean|object, screen: boolean}} */
  #want = { video: false, screen: false };
  #cameraOn = false;
  /** @type {string|null} */
  #speaker = null;
  /** @type {() => void} */
  #onScreenEnded = () => {};
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
   * @param {() => void} [hooks.onScreenEnded] the person stopped a screen share from the browser
   */
  constructor(signal, { emit, wants, onFailed, onScreenEnded }) {
    this.#signal = signal;
    if (onScreenEnded) this.#onScreenEnded = onScreenEnded;
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

  /** True while the camera sends. */
  get cameraOn() {
    return this.#cameraOn;
  }

  /** True when the call carries video (sent, or received). */
  get hasVideo() {
    return this.#peer?.hasVideo ?? false;
  }

  /**
   * @param {MediaStream} [localStream] a stream the application owns, instead of the microphone
   * @param {{video?: boolean|object, screen?: boolean}} [want] open the camera too, or the screen instead
   */
  async open(localStream, { video = false, screen = false } = {}) {
    this.#want = { video, screen };
    const peer = await PeerMedia.open(this.#signal.media, this.#signal.clock, localStream, { video, screen, devices: this.#signal.devices?.selection });
    this.#cameraOn = !screen && videoTracksOf(peer.localStream).length > 0;
    this.#adopt(peer);
  }

  /** A new peer connection for a re-attach, over the same microphone. */
  async renew() {
    this.#adopt(this.#peer ? this.#peer.reusing() : await PeerMedia.open(this.#signal.media, this.#signal.clock, undefined, { ...this.#want, devices: this.#signal.devices?.selection }));
    this.#quality.resetBaseline();
  }

  /**
   * Turns the camera on or off. Off stops the camera and sends no picture on the same video
   * section; on opens it again (the selected camera) and puts it in place. A call that has no
   * video section yet gets one through `renegotiate` (`verto.modify` `updateMedia`); when the
   * island refuses, the section is rolled back and the camera closed.
   *
   * @param {boolean} on
   * @param {(offer: string) => Promise<string>} renegotiate sends an offer, resolves with the answer SDP
   * @returns {Promise<boolean>} true when it changed
   */
  async setCamera(on, renegotiate) {
    const peer = this.#peerOrThrow();
    if (this.#want.screen) throw new CallStateError('a screen-share call has no camera');
    if (on === this.#cameraOn) return false;
    if (!on) {
      await peer.useTrack('video', null);
      this.#cameraOn = false;
      return true;
    }
    const track = await singleTrack(this.#signal.media, 'video', this.#signal.devices?.selection.camera);
    if (!(await peer.useTrack('video', track))) {
      peer.addVideo(track);
      try {
        await peer.acceptAnswer(await renegotiate(await peer.offer()));
      } catch (error) {
        await peer.rollback();
        await peer.useTrack('video', null);
        throw error;
      }
    }
    this.#cameraOn = true;
    return true;
  }

  /**
   * A new offer of the current tracks, answered by the island (`updateMedia`).
   *
   * @param {(offer: string) => Promise<string>} renegotiate
   */
  async renegotiate(renegotiate) {
    const peer = this.#peerOrThrow();
    try {
      await peer.acceptAnswer(await renegotiate(await peer.offer()));
    } catch (error) {
      await peer.rollback();
      throw error;
    }
  }

  /**
   * Moves the call to other devices: the microphone and camera by replacing the sent tracks (no
   * renegotiation), the speaker on the attached elements.
   *
   * @param {Partial<import('../media/local-media.js').DeviceSelection>} devices
   */
  async setDevices(devices) {
    const peer = this.#peerOrThrow();
    if (this.#want.screen) return;
    const media = this.#signal.media;
    if (devices.microphone !== undefined) await peer.useTrack('audio', await singleTrack(media, 'audio', devices.microphone));
    if (devices.camera !== undefined && this.#cameraOn) await peer.useTrack('video', await singleTrack(media, 'video', devices.camera));
    if (devices.speaker !== undefined) {
      this.#speaker = devices.speaker;
      await this.#audio?.setSink(devices.speaker);
    }
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
    if (this.#speaker !== null) audio.setSink(this.#speaker).catch(() => {});
    audio.show(this.remoteStream);
    return () => {
      if (this.#audio !== audio) return;
      audio.detach();
      this.#audio = null;
    };
  }

  /**
   * @param {HTMLMediaElement} element a `<video>`, muted: the sound plays in the audio element
   * @returns {() => void}
   */
  attachVideo(element) {
    const video = new RemoteAudio(element, () => {}, { video: true });
    this.#video?.detach();
    this.#video = video;
    video.show(this.remoteStream);
    return () => {
      if (this.#video !== video) return;
      video.detach();
      this.#video = null;
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
    this.#video?.detach();
    this.#video = null;
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
    peer.onlocalended = () => this.#onScreenEnded();
    peer.onremotestream = (stream) => {
      this.#audio?.show(stream);
      this.#video?.show(stream);
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


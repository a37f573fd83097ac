import { Dialog } from './dialog.js';
import { LocalCause } from './hangup-cause.js';
import { CallStateError, MediaError } from '../errors.js';

export { LocalCause };

/**
 * @typedef {object} CallSignal what a call needs from its client
 * @property {(method: string, params: object) => Promise<any>} request adds `sessid`
 * @property {(call: Call) => void} forget
 * @property {import('../media/peer-media.js').MediaOptions & {qualityIntervalMs?: number|false}} media
 * @property {import('../clock.js').Clock} clock
 * @property {string} login `user@domain`
 * @property {string} domain
 * @property {(error: unknown, type: string) => void} listenerFailed
 * @property {import('../media/devices.js').Devices} [devices] the devices new calls open
 * @property {(destination: string, options: {localStream?: MediaStream, screenShare?: boolean}) => Call} [placeCall] a second call (screen share)
 */

/**
 * A call: a Verto {@link Dialog} with video. A video call sends the camera too; the camera goes
 * off and on mid-call, and an audio call gains video through `verto.modify` `updateMedia`
 * (docs/protocol.md §4.6). The screen is shared as a second call to `<destination>-screen`, as
 * verto.js does; it ends with this call.
 */
export class Call extends Dialog {
  /** @type {Call|null} */
  #screen = null;

  /**
   * @param {CallSignal} signal
   * @param {ConstructorParameters<typeof Dialog>[1]} init
   */
  constructor(signal, init) {
    super(signal, init);
    this.on('ended', () => {
      if (this.#screen && !this.#screen.isEnded) void this.#screen.hangup();
    });
  }

  /** True when the call carries video, sent or received (or offered, while it rings). */
  get video() {
    return this.media.hasVideo || (this.state === 'ringing' && this.offersVideo);
  }

  /** True while the camera sends. */
  get cameraOn() {
    return this.media.cameraOn;
  }

  /** The screen share this call started and that has not ended, or null. */
  get screenShareCall() {
    return this.#screen && !this.#screen.isEnded ? this.#screen : null;
  }

  /**
   * Turns the camera on or off mid-call. Off stops the camera (its light goes out) and sends no
   * picture; on opens the selected camera again. An audio call gets a video section through
   * `verto.modify` `updateMedia` (§4.6), which islands behind a media-relaying gateway refuse.
   *
   * @param {boolean} on
   * @returns {Promise<boolean>} whether the camera is on afterwards
   */
  async setCamera(on) {
    this.requireState(['active', 'held'], 'switch the camera of');
    if (await this.media.setCamera(Boolean(on), (sdp) => this.#updateMedia(sdp))) this.emit('camera', { on: this.cameraOn });
    return this.cameraOn;
  }

  /** Offers the current tracks again (`verto.modify` `updateMedia`, §4.6) and applies the island's answer. */
  async updateMedia() {
    this.requireState(['active', 'held'], 'renegotiate');
    await this.media.renegotiate((sdp) => this.#updateMedia(sdp));
  }

  /** Asks the island for a video key frame (`verto.modify` `videoRefresh`). */
  async videoRefresh() {
    this.requireState(['early', 'active', 'held'], 'refresh the video of');
    await this.signal.request('verto.modify', { action: 'videoRefresh', dialogParams: { callID: this.id } });
  }

  /**
   * Shares the screen as a second call to `<destination>-screen` (`screenShare` in its
   * dialogParams, send-only video from `getDisplayMedia`), as verto.js does; call it from a click.
   * The share ends with this call, or when the person stops it in the browser.
   *
   * @param {{localStream?: MediaStream}} [options] a display stream of the application's
   * @returns {Call} the screen-share call, in state `new`
   */
  shareScreen({ localStream } = {}) {
    this.requireState(['active', 'held'], 'share the screen in');
    if (this.screenShare) throw new CallStateError('a screen-share call cannot share a screen');
    if (this.screenShareCall) throw new CallStateError('this call already shares the screen');
    const party = this.direction === 'outbound' ? this.destination : this.remote.number;
    if (!this.signal.placeCall) throw new CallStateError('no client to place the screen share');
    const screen = this.signal.placeCall(`${party}-screen`, { localStream, screenShare: true });
    this.#screen = screen;
    return screen;
  }

  /**
   * Shows the call's remote video in a `<video>` (muted: the sound plays through `attachAudio`),
   * after re-attaches too.
   *
   * @param {HTMLMediaElement} element
   * @returns {() => void} detaches the element
   */
  attachVideo(element) {
    return this.media.attachVideo(element);
  }

  /**
   * @internal The client's device selection changed: switch the live tracks and the speaker.
   * @param {Partial<import('../media/local-media.js').DeviceSelection>} devices
   */
  applyDevices(devices) {
    return this.peerConnection ? this.media.setDevices(devices) : Promise.resolve();
  }

  /** @param {string} sdp */
  async #updateMedia(sdp) {
    const result = await this.signal.request('verto.modify', { action: 'updateMedia', sdp, dialogParams: { callID: this.id } });
    if (typeof result?.sdp !== 'string') throw new MediaError('negotiation', 'the island answered updateMedia without SDP');
    return result.sdp;
  }
}

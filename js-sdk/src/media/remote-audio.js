import { ArgumentError, MediaError } from '../errors.js';

/**
 * Plays a call's remote stream in an `<audio>` element the page owns. Browsers refuse `play()`
 * without a user gesture on a page the person has not interacted with (autoplay policy, a
 * `NotAllowedError`); the call then says so (`audioblocked`) and {@link resume} retries from the
 * page's next click. The element follows the call: a re-attached call's new stream replaces the
 * old one, and the call's end empties the element. A `<video>` attached for the picture is muted
 * (the sound plays once, in the audio element) and plays inline, as iOS needs.
 */
export class RemoteAudio {
  #element;
  #onBlocked;
  /** @type {MediaStream|null} */
  #stream = null;
  #blocked = false;
  #video;

  /**
   * @param {HTMLMediaElement} element
   * @param {(element: HTMLMediaElement) => void} onBlocked
   * @param {{video?: boolean}} [shape] `video`: a muted picture-only element
   */
  constructor(element, onBlocked, { video = false } = {}) {
    if (element === null || typeof element !== 'object' || !('srcObject' in element) || typeof element.play !== 'function') {
      throw new ArgumentError('element', video ? 'attachVideo needs a <video> element' : 'attachAudio needs an <audio> (or other media) element');
    }
    this.#element = element;
    this.#onBlocked = onBlocked;
    this.#video = video;
  }

  /**
   * Plays the sound on the output device `deviceId` (HTMLMediaElement.setSinkId, where the browser
   * has it: Chrome, Edge, Firefox 116+, Safari 18.4+).
   *
   * @param {string|null} deviceId null: the default output
   */
  async setSink(deviceId) {
    const element = /** @type {any} */ (this.#element);
    if (typeof element.setSinkId !== 'function') {
      if (deviceId === null) return;
      throw new MediaError('unsupported', 'this browser cannot choose the speaker (no HTMLMediaElement.setSinkId)');
    }
    try {
      await element.setSinkId(deviceId ?? '');
    } catch (error) {
      throw new MediaError(MediaError.reasonOf(error), `speaker unavailable: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
    }
  }

  get element() {
    return this.#element;
  }

  /** True while the browser refuses to play until the person interacts with the page. */
  get blocked() {
    return this.#blocked;
  }

  /** @param {MediaStream|null} stream */
  show(stream) {
    if (stream === this.#stream) return;
    this.#stream = stream;
    this.#element.autoplay = true;
    if (this.#video) {
      this.#element.muted = true;
      /** @type {any} */ (this.#element).playsInline = true;
    }
    this.#element.srcObject = stream;
    if (stream) void this.#play().catch(() => {});
  }

  /**
   * Retries playback; call it from a user gesture (a click) after `audioblocked`.
   *
   * @returns {Promise<void>} rejects with a MediaError (`autoplay-blocked`) when the browser still refuses
   */
  resume() {
    return this.#play();
  }

  detach() {
    this.#stream = null;
    this.#blocked = false;
    this.#element.srcObject = null;
  }

  async #play() {
    try {
      await this.#element.play();
      this.#blocked = false;
    } catch (error) {
      const name = /** @type {any} */ (error)?.name;
      // AbortError: a newer srcObject interrupted this play(); that one decides.
      if (name === 'AbortError') return;
      if (name === 'NotAllowedError' && !this.#blocked) {
        this.#blocked = true;
        this.#onBlocked(this.#element);
      }
      const reason = name === 'NotAllowedError' ? 'autoplay-blocked' : 'unknown';
      throw new MediaError(reason, `remote audio does not play: ${name ?? 'Error'}: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
    }
  }
}

import { systemClock } from '../clock.js';

/**
 * Finds a silent dead socket. After `idleMs` without any inbound frame it calls `onIdle` (the
 * client sends a `verto.ping`, docs/protocol.md §1.6); if nothing at all arrives within
 * `timeoutMs` after that, it calls `onDead`. Any inbound frame counts as life, so a busy socket
 * never pings. One timer, re-armed lazily: {@link touch} only records the time.
 */
export class Keepalive {
  #idleMs;
  #timeoutMs;
  #clock;
  #onIdle;
  #onDead;
  #lastInbound = 0;
  #pingSentAt = -1;
  #timer = null;

  /**
   * @param {object} options
   * @param {number} options.idleMs
   * @param {number} options.timeoutMs
   * @param {() => void} options.onIdle
   * @param {() => void} options.onDead
   * @param {import('../clock.js').Clock} [options.clock]
   */
  constructor({ idleMs, timeoutMs, onIdle, onDead, clock = systemClock }) {
    this.#idleMs = idleMs;
    this.#timeoutMs = timeoutMs;
    this.#onIdle = onIdle;
    this.#onDead = onDead;
    this.#clock = clock;
  }

  start() {
    this.#lastInbound = this.#clock.now();
    this.#pingSentAt = -1;
    this.#arm(this.#idleMs);
  }

  /** Records an inbound frame. */
  touch() {
    this.#lastInbound = this.#clock.now();
  }

  stop() {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(ms) {
    this.stop();
    this.#timer = this.#clock.setTimeout(() => this.#check(), Math.max(0, ms));
  }

  #check() {
    this.#timer = null;
    const now = this.#clock.now();
    if (this.#pingSentAt >= 0) {
      if (this.#lastInbound >= this.#pingSentAt) {
        this.#pingSentAt = -1;
      } else if (now - this.#pingSentAt >= this.#timeoutMs) {
        this.#onDead();
        return;
      } else {
        this.#arm(this.#pingSentAt + this.#timeoutMs - now);
        return;
      }
    }
    const silentFor = now - this.#lastInbound;
    if (silentFor < this.#idleMs) {
      this.#arm(this.#idleMs - silentFor);
      return;
    }
    this.#pingSentAt = now;
    this.#arm(this.#timeoutMs);
    this.#onIdle();
  }
}

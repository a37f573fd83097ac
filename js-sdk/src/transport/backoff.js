import { SetupError } from '../errors.js';

/**
 * Exponential backoff with full jitter: attempt `n` waits a uniformly random time in
 * `[0, min(capMs, baseMs * 2^n))`. Full jitter (rather than a fixed or "equal jitter" delay)
 * spreads a crowd of clients that lost the same gateway evenly over the window, so the
 * gateways that take them over see a flat arrival rate instead of a spike.
 */
export class Backoff {
  #attempt = 0;

  /**
   * @param {object} [options]
   * @param {number} [options.baseMs] the first window
   * @param {number} [options.capMs] the largest window
   * @param {() => number} [options.random] uniform in [0, 1)
   */
  constructor({ baseMs = 1000, capMs = 30000, random = Math.random } = {}) {
    if (!(baseMs > 0) || !(capMs >= baseMs)) throw new SetupError('reconnect', `backoff needs 0 < baseMs <= capMs, got ${baseMs}, ${capMs}`);
    this.baseMs = baseMs;
    this.capMs = capMs;
    this.random = random;
  }

  /** Attempts made since the last {@link reset}. */
  get attempt() {
    return this.#attempt;
  }

  /**
   * The window of the next attempt, before jitter.
   *
   * @param {number} [baseMs] a base for this attempt only (clients without calls use a wider one)
   */
  window(baseMs = this.baseMs) {
    return Math.min(this.capMs, baseMs * 2 ** Math.min(this.#attempt, 30));
  }

  /**
   * Counts an attempt and returns how long to wait before it.
   *
   * @param {number} [baseMs]
   * @returns {{attempt: number, delayMs: number, windowMs: number}}
   */
  next(baseMs = this.baseMs) {
    const windowMs = this.window(baseMs);
    this.#attempt++;
    return { attempt: this.#attempt, delayMs: Math.floor(this.random() * windowMs), windowMs };
  }

  reset() {
    this.#attempt = 0;
  }
}

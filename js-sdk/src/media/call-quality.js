/**
 * Periodic call quality from the peer connection's stats: packet loss over the last interval,
 * jitter, round-trip time and the received audio level, with a three-step rating a page can show
 * as a signal-strength icon. One timer on the injectable clock; getStats runs only while someone
 * listens.
 */

/** Rating thresholds (ITU-T G.114 for delay; loss and jitter as softphones commonly grade them). */
const POOR = { loss: 0.05, jitterMs: 50, roundTripTimeMs: 400 };
const FAIR = { loss: 0.01, jitterMs: 30, roundTripTimeMs: 250 };

export class QualityMonitor {
  #clock;
  #intervalMs;
  #sample;
  #wanted;
  #emit;
  /** @type {unknown} */
  #timer = null;
  /** @type {{packetsReceived: number, packetsLost: number}|null} */
  #previous = null;

  /**
   * @param {object} options
   * @param {import('../clock.js').Clock} options.clock
   * @param {number} options.intervalMs
   * @param {() => Promise<import('./audio-stats.js').AudioStats>|null} options.sample null while there is no media
   * @param {() => boolean} options.wanted true while the figures have a listener
   * @param {(quality: import('../../types/index.js').CallQuality) => void} options.emit
   */
  constructor({ clock, intervalMs, sample, wanted, emit }) {
    this.#clock = clock;
    this.#intervalMs = intervalMs;
    this.#sample = sample;
    this.#wanted = wanted;
    this.#emit = emit;
  }

  get running() {
    return this.#timer !== null;
  }

  start() {
    if (this.#timer !== null || !(this.#intervalMs > 0)) return;
    this.#arm();
  }

  stop() {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** A new peer connection starts its counters from zero. */
  resetBaseline() {
    this.#previous = null;
  }

  #arm() {
    this.#timer = this.#clock.setTimeout(() => void this.#tick(), this.#intervalMs);
  }

  async #tick() {
    if (this.#timer === null) return;
    const pending = this.#wanted() ? this.#sample() : null;
    if (pending) {
      try {
        const stats = await pending;
        if (this.#timer !== null) this.#emit(this.#quality(stats));
      } catch {
        // a peer connection closing under getStats: the next tick sees the new one or none
      }
    }
    if (this.#timer !== null) this.#arm();
  }

  /** @param {import('./audio-stats.js').AudioStats} stats */
  #quality(stats) {
    const previous = this.#previous ?? { packetsReceived: 0, packetsLost: 0 };
    const received = Math.max(0, stats.packetsReceived - previous.packetsReceived);
    const lost = Math.max(0, stats.packetsLost - previous.packetsLost);
    this.#previous = { packetsReceived: stats.packetsReceived, packetsLost: stats.packetsLost };
    const loss = received + lost > 0 ? lost / (received + lost) : 0;
    const jitterMs = stats.jitter * 1000;
    const roundTripTimeMs = stats.roundTripTime === undefined ? undefined : stats.roundTripTime * 1000;
    return {
      at: this.#clock.now(),
      loss,
      jitterMs,
      roundTripTimeMs,
      audioLevel: stats.audioLevel,
      packetsReceived: stats.packetsReceived,
      packetsSent: stats.packetsSent,
      packetsLost: stats.packetsLost,
      bytesReceived: stats.bytesReceived,
      bytesSent: stats.bytesSent,
      rating: rate(loss, jitterMs, roundTripTimeMs),
    };
  }
}

/**
 * @param {number} loss
 * @param {number} jitterMs
 * @param {number|undefined} roundTripTimeMs
 * @returns {import('../../types/index.js').QualityRating}
 */
export function rate(loss, jitterMs, roundTripTimeMs) {
  const rtt = roundTripTimeMs ?? 0;
  if (loss >= POOR.loss || jitterMs >= POOR.jitterMs || rtt >= POOR.roundTripTimeMs) return 'poor';
  if (loss >= FAIR.loss || jitterMs >= FAIR.jitterMs || rtt >= FAIR.roundTripTimeMs) return 'fair';
  return 'good';
}

/**
 * A manual clock for the SDK's `clock` option: timers fire only when a test advances time, so
 * backoff and keepalive deadlines are tested without sleeping.
 */
export class FakeClock {
  #now = 0;
  #seq = 0;
  /** @type {Map<number, {at: number, seq: number, fn: Function}>} */
  #timers = new Map();

  now = () => this.#now;

  setTimeout = (fn, ms) => {
    const id = ++this.#seq;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms || 0), seq: id, fn });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  /** Timers not yet fired, earliest first: `[{at, delay}]`. */
  get pending() {
    return [...this.#timers.values()].sort((a, b) => a.at - b.at || a.seq - b.seq).map((t) => ({ at: t.at, delay: t.at - this.#now }));
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promises settle after each. */
  async advance(ms) {
    const target = this.#now + ms;
    for (;;) {
      await settle();
      const next = [...this.#timers.entries()].filter(([, t]) => t.at <= target).sort(([, a], [, b]) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      const [id, timer] = next;
      this.#timers.delete(id);
      this.#now = timer.at;
      timer.fn();
    }
    this.#now = target;
    await settle();
  }
}

/** Lets every queued microtask and immediate run (fake sockets deliver through setImmediate). */
export async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Waits for a condition without sleeping: it yields to the event loop until `predicate()` holds,
 * and fails after `rounds` turns (or a real-time deadline when `timeoutMs` is given).
 */
export async function until(predicate, { rounds = 2000, timeoutMs, what = 'condition' } = {}) {
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  for (let i = 0; timeoutMs !== undefined || i < rounds; i++) {
    if (predicate()) return;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => (timeoutMs === undefined ? setImmediate(resolve) : setTimeout(resolve, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

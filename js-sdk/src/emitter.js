/**
 * A small typed event emitter. Listeners run synchronously in registration order. A listener
 * that throws, or returns a promise that rejects, stops neither the others nor the SDK: the
 * failure goes to {@link Emitter#listenerFailed}, which the client turns into an `error` event
 * (so `client.on('incomingcall', (call) => call.answer())` loses no rejection).
 *
 * @template {Record<string, any>} Events
 */
export class Emitter {
  /** @type {Map<keyof Events, Set<Function>>} */
  #listeners = new Map();

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {(payload: Events[K]) => unknown} listener
   * @returns {() => void} a function that removes the listener
   */
  on(type, listener) {
    if (typeof listener !== 'function') throw new TypeError(`listener for "${String(type)}" must be a function`);
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => this.off(type, listener);
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {(payload: Events[K]) => unknown} listener
   * @returns {() => void}
   */
  once(type, listener) {
    const off = this.on(type, (payload) => {
      off();
      return listener(payload);
    });
    return off;
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {(payload: Events[K]) => unknown} listener
   */
  off(type, listener) {
    this.#listeners.get(type)?.delete(listener);
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {Events[K]} payload
   */
  emit(type, payload) {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        const returned = listener(payload);
        if (returned !== null && typeof returned === 'object' && typeof returned.then === 'function') {
          returned.then(undefined, (/** @type {unknown} */ error) => this.listenerFailed(error, String(type)));
        }
      } catch (error) {
        this.listenerFailed(error, String(type));
      }
    }
  }

  /** @param {keyof Events} type */
  listenerCount(type) {
    return this.#listeners.get(type)?.size ?? 0;
  }

  /**
   * Where listener failures go. The default reports them the way the platform reports uncaught
   * errors; the client and its calls route them to the client's `error` event.
   *
   * @protected
   * @param {unknown} error
   * @param {string} type the event whose listener failed
   */
  listenerFailed(error, type) {
    void type;
    reportUncaught(error);
  }
}

/** @param {unknown} error */
export function reportUncaught(error) {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else
    setTimeout(() => {
      throw error;
    }, 0);
}

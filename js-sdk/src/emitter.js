import { ArgumentError } from './errors.js';

/**
 * A small typed event emitter. Listeners run synchronously in registration order. A listener
 * that throws, or returns a promise that rejects, stops neither the others nor the SDK: the
 * failure goes to {@link Emitter#listenerFailed}, which the client turns into an `error` event
 * (so `client.on('incomingcall', (call) => call.answer())` loses no rejection). A listener that
 * is not a function, or an event the emitter does not have, is refused with an `ArgumentError`
 * when it is registered, not when the event fires.
 *
 * @template {Record<string, any>} Events
 */
export class Emitter {
  /** @type {Map<keyof Events, Set<Function>>} */
  #listeners = new Map();
  /** @type {ReadonlySet<string>|null} */
  #types;

  /** @param {readonly string[]} [types] the events this emitter has; without them, any name goes */
  constructor(types) {
    this.#types = types ? new Set(types) : null;
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {(payload: Events[K]) => unknown} listener
   * @returns {() => void} a function that removes the listener
   */
  on(type, listener) {
    this.#check(type, listener);
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
    this.#check(type, listener);
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
    this.#check(type, listener);
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

  /**
   * @param {keyof Events} type
   * @param {unknown} listener
   */
  #check(type, listener) {
    const name = String(type);
    if (this.#types && !this.#types.has(name)) throw new ArgumentError('type', `there is no "${name}" event; the events are ${[...this.#types].join(', ')}`);
    if (typeof listener !== 'function') throw new ArgumentError('listener', `the listener for "${name}" must be a function, not ${listener === null ? 'null' : typeof listener}`);
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

/**
 * The client's connection states, one place that refuses illegal moves and reports old → new.
 *
 * - `idle`: created, `connect()` not called yet
 * - `connecting`: fetching the map and opening a socket to a gateway endpoint
 * - `loggingIn`: socket open, the login dance in flight (docs/protocol.md §3.7)
 * - `ready`: logged in; calls can be placed
 * - `reconnecting`: waiting out the backoff delay after a failure
 * - `closed`: stopped for good (disconnect, punt, refused credentials, close 1008) until `connect()`
 */
/** @type {readonly import('../../types/index.js').ClientState[]} */
export const ClientStates = Object.freeze(['idle', 'connecting', 'loggingIn', 'ready', 'reconnecting', 'closed']);

const TRANSITIONS = {
  idle: ['connecting', 'closed'],
  connecting: ['loggingIn', 'reconnecting', 'connecting', 'closed'],
  loggingIn: ['ready', 'reconnecting', 'connecting', 'closed'],
  ready: ['reconnecting', 'connecting', 'closed'],
  reconnecting: ['connecting', 'closed'],
  closed: ['connecting'],
};

export class ClientState {
  #state = 'idle';
  #onChange;

  /** @param {(state: string, previous: string, detail: object) => void} onChange */
  constructor(onChange) {
    this.#onChange = onChange;
  }

  get value() {
    return this.#state;
  }

  /**
   * @param {string} next
   * @param {object} [detail] travels with the change event (reason, error, attempt...)
   */
  to(next, detail = {}) {
    if (!TRANSITIONS[this.#state].includes(next)) throw new Error(`illegal client state change ${this.#state} → ${next}`);
    const previous = this.#state;
    this.#state = next;
    this.#onChange(next, previous, detail);
  }
}

import { CallStateError } from '../errors.js';

/**
 * The dialog states of verto.js (docs/protocol.md §4.10), with the same names so that logs of
 * both clients read alike. Additions for answered calls, which survive a lost socket (§2.3):
 * `active`, `held` and a re-attach's `answering` may go to `recovering` (waiting for the
 * island's `verto.attach`), and a recovered call may go from `answering` back to `held`.
 */
/** @type {readonly import('../../types/index.js').CallState[]} */
export const CallStates = Object.freeze([
  'new',
  'requesting',
  'trying',
  'recovering',
  'ringing',
  'answering',
  'early',
  'active',
  'held',
  'hangup',
  'destroy',
]);

const TRANSITIONS = {
  new: ['requesting', 'recovering', 'ringing', 'answering', 'hangup', 'destroy'],
  requesting: ['trying', 'early', 'active', 'hangup', 'destroy'],
  recovering: ['answering', 'hangup', 'destroy'],
  trying: ['early', 'active', 'hangup', 'destroy'],
  ringing: ['answering', 'hangup', 'destroy'],
  answering: ['active', 'held', 'recovering', 'hangup', 'destroy'],
  early: ['active', 'hangup', 'destroy'],
  active: ['answering', 'recovering', 'held', 'hangup', 'destroy'],
  held: ['active', 'recovering', 'answering', 'hangup', 'destroy'],
  hangup: ['destroy'],
  destroy: [],
};

/** States in which the island knows the call, so ending it needs a `verto.bye` (§4.5). */
export const BYE_STATES = Object.freeze(new Set(['trying', 'recovering', 'ringing', 'answering', 'early', 'active', 'held']));

/**
 * A call's state with its legal moves. {@link to} refuses illegal moves with a
 * {@link CallStateError} and reports every change through the single `onChange` callback.
 */
export class CallState {
  #state = 'new';
  #onChange;

  /** @param {(state: string, previous: string) => void} onChange */
  constructor(onChange) {
    this.#onChange = onChange;
  }

  get value() {
    return this.#state;
  }

  /** @param {string} next */
  canMoveTo(next) {
    return TRANSITIONS[this.#state].includes(next);
  }

  /** @param {string} next */
  to(next) {
    if (!this.canMoveTo(next)) throw new CallStateError(`illegal call state change ${this.#state} → ${next}`);
    const previous = this.#state;
    this.#state = next;
    this.#onChange(next, previous);
  }
}

import { ArgumentError } from '../errors.js';
import { RpcError } from '../rpc/rpc-errors.js';

/**
 * C→S `verto.modify` on an answered call (docs/protocol.md §4.6): hold, unhold and toggleHold,
 * whose answer carries the island's `holdState` (reported even on errors, §8.8), and blind
 * transfer of the other party, as verto.js's `dialog.transfer`.
 */
export class CallModify {
  #held = false;
  #callID;
  #request;
  #onHoldState;

  /**
   * @param {string} callID
   * @param {(method: string, params: object) => Promise<any>} request
   * @param {(held: boolean) => void} onHoldState the island reported a hold state
   */
  constructor(callID, request, onHoldState) {
    this.#callID = callID;
    this.#request = request;
    this.#onHoldState = onHoldState;
  }

  get held() {
    return this.#held;
  }

  /**
   * @param {'hold'|'unhold'|'toggleHold'} action
   * @returns {Promise<boolean>} the hold state after it
   */
  async hold(action) {
    let result;
    try {
      result = await this.#request('verto.modify', { action, dialogParams: { callID: this.#callID } });
    } catch (error) {
      if (error instanceof RpcError) this.#apply(error.details?.holdState);
      throw error;
    }
    this.#apply(result?.holdState);
    return this.#held;
  }

  /**
   * @param {unknown} destination
   * @returns {Promise<string>} the destination sent
   */
  async transfer(destination) {
    if (typeof destination !== 'string' || destination.trim() === '') throw new ArgumentError('destination', 'transfer needs a destination, e.g. "1002"');
    const target = destination.trim();
    await this.#request('verto.modify', { action: 'transfer', destination: target, dialogParams: { callID: this.#callID } });
    return target;
  }

  /** @param {unknown} holdState */
  #apply(holdState) {
    if (holdState !== 'held' && holdState !== 'active') return;
    this.#held = holdState === 'held';
    this.#onHoldState(this.#held);
  }
}

import { Conference } from './conference.js';
import { HangupError } from '../errors.js';

/**
 * The conferences of one client session: made from the island's `conference-liveArray-join`
 * pvtData (docs/protocol.md §5.5) for the call it names, ended by `conference-liveArray-part` or
 * the call's end; events on their channels are routed to them, and after each login they
 * subscribe again.
 */
export class ConferenceRegistry {
  /** @type {Map<string, Conference>} callID → conference */
  #byCall = new Map();
  /** @type {Map<string, {resolve: (c: Conference) => void, reject: (e: unknown) => void}>} */
  #waiting = new Map();
  #host;
  #callFor;
  #emit;

  /**
   * @param {import('../client.js').VertoClient} client requests go through its session; `conference` is its event
   * @param {(callID: string) => import('../call/call.js').Call|undefined} callFor
   * @param {import('../../types/index.js').Logger} logger
   */
  constructor(client, callFor, logger) {
    this.#host = {
      request: (method, params) => client.request(method, params),
      isReady: () => client.state === 'ready',
      warn: (message) => logger.warn?.(message),
      listenerFailed: (error, type) => client.listenerFailed(error, type),
    };
    this.#callFor = callFor;
    this.#emit = (/** @type {Conference} */ conference) => client.emit('conference', conference);
  }

  /**
   * A `verto.event`: pvtData for this session (§5.5), or an event on a room's channel.
   *
   * @param {Record<string, any>} params
   * @param {string} sessid
   */
  route(params, sessid) {
    if (params.eventChannel === sessid && params.pvtData) this.onPvtData(params.pvtData);
    else this.onEvent(params);
  }

  /** @returns {Conference[]} conferences not yet left */
  get list() {
    return [...this.#byCall.values()];
  }

  /**
   * Resolves with the conference `call` joins; rejects with what ended the call first.
   *
   * @param {import('../call/call.js').Call} call
   * @returns {Promise<Conference>}
   */
  joined(call) {
    const known = this.#byCall.get(call.id);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      this.#waiting.set(call.id, { resolve, reject });
      call.ended.then((end) => {
        if (this.#waiting.delete(call.id)) reject(end.error ?? new HangupError(call.id, end));
      });
    });
  }

  /**
   * A pvtData event (`verto.event` on this session's sessid, §5.5).
   *
   * @param {Record<string, any>} pvt
   */
  onPvtData(pvt) {
    const callID = typeof pvt?.callID === 'string' ? pvt.callID : undefined;
    if (callID === undefined) return;
    if (pvt.action === 'conference-liveArray-part') {
      this.#byCall.get(callID)?.part('left');
      return;
    }
    if (pvt.action !== 'conference-liveArray-join' || this.#byCall.has(callID) || typeof pvt.laChannel !== 'string') return;
    const call = this.#callFor(callID);
    if (!call || call.isEnded) return;
    const conference = new Conference(this.#host, call, pvt);
    this.#byCall.set(callID, conference);
    conference.on('ended', () => this.#byCall.delete(callID));
    call.ended.then(() => conference.part('ended'));
    this.#emit(conference);
    this.#waiting.get(callID)?.resolve(conference);
    this.#waiting.delete(callID);
    conference.start().catch((error) => this.#host.listenerFailed(error, 'conference'));
  }

  /**
   * @param {Record<string, any>} params a `verto.event`
   * @returns {boolean} true when a conference took it
   */
  onEvent(params) {
    for (const conference of this.#byCall.values()) {
      if (conference.owns(params.eventChannel)) {
        conference.handleEvent(params);
        return true;
      }
    }
    return false;
  }

  /** After a login: the island forgot the subscriptions with the old socket (§5.7). */
  resubscribe() {
    for (const conference of this.#byCall.values()) conference.start().catch((error) => this.#host.listenerFailed(error, 'conference'));
  }
}

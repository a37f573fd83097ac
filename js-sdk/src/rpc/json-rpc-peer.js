import { TimeoutError, ConnectionError } from '../errors.js';
import { rpcErrorFor } from './rpc-errors.js';
import { systemClock } from '../clock.js';

/**
 * One JSON-RPC 2.0 conversation over one socket (docs/protocol.md §1.3, §1.4): numbered
 * requests matched to their answers, server requests handed to `onRequest`, whose return value
 * (if any) is sent back as the `result`. It does no I/O: text in through {@link receive}, text
 * out through `send`.
 *
 * The two directions have independent id spaces, so a message is an answer when it carries
 * `result` or `error` and no `method`. Ids are matched as strings, as verto.js does (§8.11).
 */
export class JsonRpcPeer {
  #nextId = 1;
  /** @type {Map<string, {method: string, resolve: Function, reject: Function, timer: any}>} */
  #pending = new Map();
  #send;
  #clock;
  #timeoutMs;
  #onRequest;
  #logger;
  /** @type {Error|null} */
  #closedWith = null;

  /**
   * @param {object} options
   * @param {(text: string) => void} options.send
   * @param {(method: string, params: object, id: unknown) => object|undefined} options.onRequest
   *   returns the `result` to answer with, or undefined for no answer
   * @param {number} [options.requestTimeoutMs]
   * @param {import('../clock.js').Clock} [options.clock]
   * @param {{debug?: Function, warn?: Function}} [options.logger]
   */
  constructor({ send, onRequest, requestTimeoutMs = 10000, clock = systemClock, logger = {} }) {
    this.#send = send;
    this.#onRequest = onRequest;
    this.#timeoutMs = requestTimeoutMs;
    this.#clock = clock;
    this.#logger = logger;
  }

  /** Requests still waiting for an answer. */
  get pendingCount() {
    return this.#pending.size;
  }

  /**
   * @param {string} method
   * @param {object} params
   * @param {{timeoutMs?: number}} [options]
   * @returns {Promise<any>} the `result`; rejects with RpcError, TimeoutError or ConnectionError
   */
  request(method, params, { timeoutMs = this.#timeoutMs } = {}) {
    if (this.#closedWith) return Promise.reject(this.#closedWith);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = this.#clock.setTimeout(() => {
        this.#pending.delete(String(id));
        reject(new TimeoutError(method, timeoutMs));
      }, timeoutMs);
      this.#pending.set(String(id), { method, resolve, reject, timer });
      try {
        this.#send(JSON.stringify({ jsonrpc: '2.0', method, params, id }));
      } catch (error) {
        this.#settle(String(id));
        reject(new ConnectionError(`cannot send ${method}: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error }));
      }
    });
  }

  /**
   * Feeds one text frame from the socket. Malformed frames are reported to the logger and
   * dropped; they never affect pending requests.
   *
   * @param {string} text
   */
  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      this.#logger.warn?.(`dropped a frame that is not JSON: ${String(text).slice(0, 80)}`);
      return;
    }
    // §1.4: a server may batch; each element is handled on its own.
    for (const element of Array.isArray(message) ? message : [message]) this.#dispatch(element);
  }

  /**
   * Rejects every pending request with `error` and refuses new ones: the socket is gone.
   *
   * @param {Error} error
   */
  close(error) {
    this.#closedWith = error;
    for (const id of [...this.#pending.keys()]) this.#settle(id)?.reject(error);
  }

  #dispatch(message) {
    if (message === null || typeof message !== 'object') {
      this.#logger.warn?.(`dropped a JSON-RPC message that is not an object: ${JSON.stringify(message)}`);
      return;
    }
    if (typeof message.method === 'string') {
      this.#answerRequest(message);
      return;
    }
    if ('result' in message || 'error' in message) {
      const pending = this.#settle(String(message.id));
      if (!pending) {
        this.#logger.debug?.(`answer for unknown request id ${JSON.stringify(message.id)}`);
      } else if ('error' in message && !('result' in message)) {
        pending.reject(rpcErrorFor(pending.method, message.error));
      } else {
        pending.resolve(message.result);
      }
      return;
    }
    this.#logger.warn?.(`dropped a JSON-RPC message with neither method nor result: ${JSON.stringify(message).slice(0, 80)}`);
  }

  #answerRequest(message) {
    const params = message.params !== null && typeof message.params === 'object' ? message.params : {};
    let result;
    try {
      result = this.#onRequest(message.method, params, message.id);
    } catch (error) {
      this.#logger.warn?.(`handler for ${message.method} failed: ${/** @type {any} */ (error)?.message ?? error}`);
      result = typeof params.callID === 'string' ? { method: message.method } : undefined;
    }
    if (result === undefined || message.id === undefined) return;
    try {
      this.#send(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
    } catch (error) {
      this.#logger.debug?.(`could not answer ${message.method}: ${/** @type {any} */ (error)?.message ?? error}`);
    }
  }

  #settle(id) {
    const pending = this.#pending.get(id);
    if (!pending) return undefined;
    this.#pending.delete(id);
    this.#clock.clearTimeout(pending.timer);
    return pending;
  }
}

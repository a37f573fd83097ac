import { JsonRpcPeer } from '../rpc/json-rpc-peer.js';
import { Keepalive } from '../transport/keepalive.js';
import { ConnectionError, CloseCode } from '../errors.js';

/**
 * One socket's Verto conversation: the transport, its JSON-RPC peer and its keepalive. `dead`
 * resolves once, with the error that ended it (peer close, network loss, keepalive deadline, or
 * the reason given to {@link close}); every pending request is rejected with that error.
 */
export class Connection {
  /** @type {Promise<Error>} */
  dead;

  #transport;
  #clock;
  #peer;
  /** @type {Keepalive|null} */
  #keepalive = null;
  /** @type {Error|null} */
  #error = null;
  /** @type {(error: Error) => void} */
  #resolveDead = () => {};

  /**
   * @param {import('../transport/socket-transport.js').SocketTransport} transport an open transport
   * @param {object} options
   * @param {string} options.endpoint
   * @param {string|null} options.island
   * @param {(method: string, params: object, id: unknown) => object|undefined} options.onRequest
   * @param {number} options.requestTimeoutMs
   * @param {import('../clock.js').Clock} options.clock
   * @param {object} options.logger
   */
  constructor(transport, { endpoint, island, onRequest, requestTimeoutMs, clock, logger }) {
    this.endpoint = endpoint;
    this.island = island;
    this.#transport = transport;
    this.dead = new Promise((resolve) => {
      this.#resolveDead = resolve;
    });
    this.#clock = clock;
    this.#peer = new JsonRpcPeer({ send: (text) => transport.send(text), onRequest, requestTimeoutMs, clock, logger });
    transport.onmessage = (text) => {
      this.#keepalive?.touch();
      this.#peer.receive(text);
    };
    transport.onclose = ({ code, reason }) => {
      const error =
        this.#error ??
        new ConnectionError(`socket to ${endpoint} closed (${code}${reason ? `: ${reason}` : ''})`, {
          closeCode: code,
          reason,
          fatal: code === CloseCode.POLICY_VIOLATION,
        });
      this.#error = error;
      this.#keepalive?.stop();
      this.#peer.close(error);
      this.#resolveDead(error);
    };
  }

  get isOpen() {
    return this.#error === null;
  }

  /**
   * @param {string} method
   * @param {object} params
   * @param {{timeoutMs?: number}} [options]
   */
  request(method, params, options) {
    return this.#peer.request(method, params, options);
  }

  /**
   * Sends a `verto.ping` after `idleMs` of inbound silence and declares the socket dead when
   * nothing arrives within `timeoutMs` after it (docs/protocol.md §1.6).
   *
   * @param {{idleMs: number, timeoutMs: number}} options
   * @param {() => object} pingParams
   */
  startKeepalive({ idleMs, timeoutMs }, pingParams) {
    this.#keepalive = new Keepalive({
      idleMs,
      timeoutMs,
      clock: this.#clock,
      onIdle: () => this.request('verto.ping', pingParams(), { timeoutMs: timeoutMs + idleMs }).catch(() => {}),
      onDead: () =>
        this.close(
          new ConnectionError(`no frame from ${this.endpoint} within ${timeoutMs} ms of a verto.ping`, { closeCode: CloseCode.KEEPALIVE_TIMEOUT }),
          CloseCode.KEEPALIVE_TIMEOUT,
          'keepalive timeout',
        ),
    });
    this.#keepalive.start();
  }

  /**
   * Ends the connection with `error` as the reason everyone sees.
   *
   * @param {Error} error
   * @param {number} [code]
   * @param {string} [reason] the close frame's reason (RFC 6455 §5.5.1: at most 123 bytes)
   */
  close(error, code = CloseCode.NORMAL, reason = '') {
    if (this.#error === null) this.#error = error;
    this.#transport.close(code, reason);
  }
}

import { ConnectionError, CloseCode, SetupError } from '../errors.js';
import { systemClock } from '../clock.js';

const OPEN = 1;

/**
 * @callback WebSocketFactory
 * @param {string} url
 * @returns {WebSocket} an object with the browser WebSocket API (onopen, onmessage, onclose,
 *   onerror, send, close, readyState); the `ws` package's client qualifies
 */

/**
 * One WebSocket carrying Verto text frames. It reports the end of the socket exactly once,
 * through `onclose`, whether the peer closed it, the network dropped it, or {@link close}
 * was called; after that it sends nothing and reports nothing.
 */
export class SocketTransport {
  /** @type {(text: string) => void} */
  onmessage = () => {};
  /** @type {(event: {code: number, reason: string, local: boolean}) => void} */
  onclose = () => {};

  #socket;
  #closed = false;

  /** @param {WebSocket} socket an open socket */
  constructor(socket) {
    this.#socket = socket;
    socket.onmessage = (event) => {
      if (this.#closed) return;
      if (typeof event.data === 'string') this.onmessage(event.data);
    };
    socket.onclose = (event) => this.#finish(event.code ?? CloseCode.ABNORMAL, event.reason ?? '', false);
    socket.onerror = () => {};
  }

  /**
   * Opens a socket and resolves once it is open.
   *
   * @param {string} url
   * @param {object} options
   * @param {WebSocketFactory} options.createWebSocket
   * @param {number} [options.connectTimeoutMs]
   * @param {import('../clock.js').Clock} [options.clock]
   * @returns {Promise<SocketTransport>} rejects with ConnectionError (its closeCode when the
   *   server refused the upgrade with a close frame)
   */
  static open(url, { createWebSocket, connectTimeoutMs = 10000, clock = systemClock }) {
    return new Promise((resolve, reject) => {
      let socket;
      try {
        socket = createWebSocket(url);
      } catch (error) {
        reject(new ConnectionError(`cannot open ${url}: ${/** @type {any} */ (error)?.message ?? error}`, { cause: error }));
        return;
      }
      const timer = clock.setTimeout(() => {
        detach();
        // closing a socket still connecting makes `ws` emit an error, which must have a listener
        socket.onerror = () => {};
        safeClose(socket, CloseCode.NORMAL, 'connect timeout');
        reject(new ConnectionError(`connecting to ${url} timed out after ${connectTimeoutMs} ms`, { closeCode: CloseCode.ABNORMAL }));
      }, connectTimeoutMs);
      const detach = () => {
        clock.clearTimeout(timer);
        socket.onopen = socket.onclose = socket.onerror = null;
      };
      socket.onopen = () => {
        detach();
        resolve(new SocketTransport(socket));
      };
      socket.onerror = () => {};
      socket.onclose = (event) => {
        detach();
        const code = event?.code ?? CloseCode.ABNORMAL;
        reject(new ConnectionError(`${url} closed before opening (${code}${event?.reason ? `: ${event.reason}` : ''})`, {
          closeCode: code,
          reason: event?.reason,
          fatal: code === CloseCode.POLICY_VIOLATION,
        }));
      };
    });
  }

  get isOpen() {
    return !this.#closed && this.#socket.readyState === OPEN;
  }

  /** @param {string} text */
  send(text) {
    if (!this.isOpen) throw new ConnectionError('socket is not open');
    this.#socket.send(text);
  }

  /**
   * Closes the socket and reports it as closed at once, without waiting for the close handshake:
   * a socket closed for silence may never complete it.
   *
   * @param {number} [code]
   * @param {string} [reason]
   */
  close(code = CloseCode.NORMAL, reason = '') {
    if (this.#closed) return;
    safeClose(this.#socket, code, reason);
    this.#finish(code, reason, true);
  }

  #finish(code, reason, local) {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.onmessage = this.#socket.onclose = null;
    this.onclose({ code, reason, local });
  }
}

function safeClose(socket, code, reason) {
  try {
    // RFC 6455 §7.4.2: an endpoint may only send 1000 or 3000-4999 itself.
    socket.close(code === CloseCode.NORMAL || (code >= 3000 && code <= 4999) ? code : CloseCode.NORMAL, reason);
  } catch {
    // already closing or closed
  }
}

/**
 * The factory used when the application gives none: the platform's WebSocket.
 *
 * @param {{WebSocket?: any, createWebSocket?: WebSocketFactory}} options
 * @returns {WebSocketFactory}
 */
export function webSocketFactory({ WebSocket: Impl, createWebSocket }) {
  if (createWebSocket) return createWebSocket;
  const Ctor = Impl ?? globalThis.WebSocket;
  if (typeof Ctor !== 'function') {
    throw new SetupError('WebSocket', 'No WebSocket implementation: pass options.WebSocket (e.g. the `ws` package) or options.createWebSocket (Node 20 has no global WebSocket)');
  }
  return (url) => new Ctor(url);
}

import { Emitter, reportUncaught } from './emitter.js';
import { systemClock, delay } from './clock.js';
import { ClientState } from './session/client-state.js';
import { Connection } from './session/connection.js';
import { decide, retryPlannerFor } from './session/retry-policy.js';
import { logIn } from './session/login-dance.js';
import { readOptions } from './session/client-options.js';
import { locatorFor } from './session/island-locator.js';
import { serverRequestHandler } from './session/server-requests.js';
import { loadSessid } from './session/sessid.js';
import { SocketTransport, webSocketFactory } from './transport/socket-transport.js';
import { EndpointRotation, islandUrl } from './transport/endpoint-rotation.js';
import { LocalCause } from './call/hangup-cause.js';
import { CallRegistry } from './call/call-registry.js';
import { Devices } from './media/devices.js';
import { chatParams } from './call/chat.js';
import { ArgumentError, ConnectionError, DisconnectedError, ListenerError, PuntError, VertoError, asVertoError } from './errors.js';
import { deferred } from './deferred.js';
import { CLIENT_EVENTS } from './event-names.js';

/**
 * The session and calls of a Verto client behind the gateway (the base of `VertoClient`, which
 * adds conferences and device selection): it finds the user's island in the partition map,
 * connects to a gateway endpoint that fronts it, logs in, places and answers calls, and keeps the
 * session alive across dead sockets (backoff with full jitter, endpoint rotation, map refresh,
 * same `sessid`, re-attach of answered calls).
 *
 * Events: {@link CLIENT_EVENTS}, with the payloads of `ClientEvents` in types/events.d.ts.
 * @extends {Emitter<any>}
 */
export class SessionClient extends Emitter {
  #options;
  #login;
  #clock;
  #logger;
  /** @type {import('./transport/socket-transport.js').WebSocketFactory|null} */
  #createWebSocket = null;
  #locator;
  #state;
  #retry;
  #rotation;
  /** @type {Connection|null} */
  #connection = null;
  #calls;
  #devices;
  /** @type {Promise<void>|null} */
  #run = null;
  /** @type {AbortController|null} */
  #abort = null;
  /** @type {ReturnType<typeof deferred<void>>|null} */
  #ready = null;
  #loggedIn = false;

  /**
   * @param {import('../types/index.js').VertoClientOptions} options
   * @throws {import('./errors.js').SetupError} naming the option at fault
   */
  constructor(options) {
    super(CLIENT_EVENTS);
    const checked = readOptions(options);
    this.user = checked.user;
    this.domain = checked.domain;
    this.#login = `${checked.user}@${checked.domain}`;
    this.#options = checked;
    this.#clock = checked.clock ?? systemClock;
    const random = checked.random ?? Math.random;
    this.#logger = checked.logger ?? {};
    this.sessid = checked.sessid ?? loadSessid({ scope: checked.sessidScope, storage: checked.storage });
    this.#retry = retryPlannerFor(checked.reconnect, random, (error) => this.listenerFailed(error, 'reconnect.shouldRetry'));
    this.#rotation = new EndpointRotation({ random });
    this.#locator = locatorFor(checked, this.#clock, this.#logger);
    this.#state = new ClientState((state, previous, detail) => this.emit('statechange', { state, previous, ...detail }));
    this.#devices = new Devices(checked.media ?? {}, (lists) => this.emit('devicechange', lists));
    this.#calls = new CallRegistry({
      signal: this.#callSignal(),
      clock: this.#clock,
      identity: { user: checked.user, domain: checked.domain, login: this.#login, callerIdName: checked.callerIdName, callerIdNumber: checked.callerIdNumber },
      emit: (type, payload) => this.emit(type, payload),
      clientReadyTimeoutMs: checked.clientReadyTimeoutMs,
      ringtone: checked.ringtone,
    });
    /** @type {VertoError|null} The latest failure, fatal or not. */
    this.lastError = null;
    /** @type {import('../types/index.js').GatewayInfo|null} The gateway member of the latest login result. */
    this.gateway = null;
    /** @type {string|null} The island of the current or latest session. */
    this.island = null;
    /** @type {string|null} The endpoint of the current or latest socket. */
    this.endpoint = null;
  }

  get state() {
    return this.#state.value;
  }

  get map() {
    return this.#locator.map;
  }

  /** @returns {import('./call/call.js').Call[]} calls not yet ended */
  get calls() {
    return this.#calls.list;
  }

  /** @internal The platform's devices and the selection calls open. */
  get deviceManager() {
    return this.#devices;
  }

  /**
   * Starts the session. Resolves once logged in. Rejects when the session stops before that:
   * a setup mistake (no WebSocket, nowhere to connect, a map URL answering 4xx), refused
   * credentials, a punt, close 1008, the reconnect policy giving up, or {@link disconnect}.
   * Reconnects go on by themselves afterwards.
   *
   * @returns {Promise<void>}
   */
  connect() {
    if (this.#run && this.#ready) return this.state === 'ready' ? Promise.resolve() : this.#ready.promise;
    const ready = /** @type {ReturnType<typeof deferred<void>>} */ (deferred());
    this.#ready = ready;
    ready.promise.catch(() => {});
    this.#retry.reset();
    this.#loggedIn = false;
    this.#devices.watch();
    const abort = (this.#abort = new AbortController());
    try {
      this.#createWebSocket ??= webSocketFactory(this.#options);
      this.#locator.check();
    } catch (error) {
      this.#state.to('connecting', { attempt: 0 });
      this.#stop(/** @type {VertoError} */ (error), LocalCause.CONNECTION_FAILED);
      return ready.promise;
    }
    // The loop handles its own failures; anything escaping it is a defect, and still ends the session cleanly.
    this.#run = this.#loop(abort.signal).catch((error) =>
      this.#stop(error instanceof VertoError ? error : new VertoError('network', String(error?.message ?? error), { cause: error }), LocalCause.CONNECTION_FAILED),
    );
    return ready.promise;
  }

  /**
   * Stops the session. By default live calls are hung up first; with `keepCalls` they are left
   * to the island, which keeps answered calls for a later session with the same sessid (a page
   * reload) to re-attach (docs/protocol.md §2.3).
   *
   * @param {{keepCalls?: boolean}} [options]
   */
  async disconnect({ keepCalls = false } = {}) {
    if (!keepCalls && this.#connection?.isOpen) {
      await Promise.allSettled(this.calls.map((call) => call.hangup()));
    }
    const run = this.#run;
    this.#stop(new DisconnectedError(), LocalCause.CLIENT_CLOSED);
    await run;
  }

  /**
   * Places a call. The call is returned at once (state `new`); it reaches `trying` once the
   * island accepted the invite, and ends with an `ended` event carrying the error on failure.
   *
   * @param {string} destination
   * @param {import('../types/index.js').CallOptions} [options]
   * @returns {import('./call/call.js').Call}
   */
  call(destination, options = {}) {
    if (typeof destination !== 'string' || destination.trim() === '') throw new ArgumentError('destination', 'call destination must be a non-empty string');
    return this.#place(destination.trim(), options);
  }

  /**
   * @param {string} destination
   * @param {import('../types/index.js').CallOptions & {screenShare?: boolean}} options
   */
  #place(destination, options) {
    if (this.state !== 'ready') throw new ConnectionError(`cannot call while ${this.state}: not logged in`);
    const call = this.#calls.outbound(destination, options);
    void call.place({ localStream: options.localStream, video: options.video });
    return call;
  }

  /**
   * Sends a chat message to a user (C→S `verto.info` with `msg`, docs/protocol.md §4.7). The
   * island delivers it to every live connection of that user.
   *
   * @param {string} to `user@domain`, or `user` of this client's domain
   * @param {string} body
   * @returns {Promise<void>}
   */
  async sendMessage(to, body) {
    const params = chatParams({ to, body, from: this.#login, domain: this.domain });
    await this.request('verto.info', params);
  }

  /**
   * Sends any Verto request on the live session (subscriptions, broadcasts...); `sessid` is added.
   *
   * @param {string} method
   * @param {object} [params]
   */
  request(method, params = {}) {
    if (this.state !== 'ready' || !this.#connection) return Promise.reject(new ConnectionError(`cannot send ${method} while ${this.state}`));
    return this.#connection.request(method, { ...params, sessid: this.sessid });
  }

  /**
   * Listener failures become `error` events (a failure of an `error` listener is reported to
   * the platform, so it cannot loop).
   *
   * @param {unknown} error
   * @param {string} type
   */
  listenerFailed(error, type) {
    if (type === 'error' || this.listenerCount('error') === 0) {
      reportUncaught(error);
      return;
    }
    this.emit('error', error instanceof VertoError ? error : new ListenerError(type, error));
  }

  /** @param {AbortSignal} signal */
  async #loop(signal) {
    /** @type {{island: string}|null} */
    let redirect = null;
    let rotate = false;
    let refresh = this.#locator.map === null;
    let redirects = 0;
    this.#state.to('connecting', { attempt: this.#retry.attempt });
    for (;;) {
      /** @type {Connection|null} */
      let connection = null;
      try {
        if (refresh) {
          const map = await this.#locator.refresh({ strict: !this.#loggedIn, lastEndpoint: this.#rotation.last, signal });
          if (map) this.emit('map', { map });
        }
        if (signal.aborted) return;
        const island = redirect?.island ?? this.#locator.island();
        const endpoint = this.#rotation.next(this.#locator.endpoints(island), { rotate });
        if (!endpoint) throw new ConnectionError('No gateway endpoint known: the map lists none and options.gateways is empty');
        this.endpoint = endpoint;
        this.emit('connecting', { attempt: this.#retry.attempt, endpoint, island });
        connection = await this.#open(endpoint, island, signal);
        this.#state.to('loggingIn', { endpoint, island });
        const result = await logIn(connection, { ...this.#options, sessid: this.sessid }, { again: this.#loggedIn });
        this.#becomeReady(connection, result);
        redirect = null;
        redirects = 0;
        throw await connection.dead;
      } catch (caught) {
        const error = asVertoError(caught);
        connection?.close(error);
        if (this.#connection === connection) this.#connection = null;
        if (signal.aborted) return;
        this.lastError = error;
        const decision = decide(error);
        if (decision.kind === 'fatal') {
          this.#stop(error, error instanceof PuntError ? LocalCause.PUNTED : LocalCause.CONNECTION_FAILED);
          return;
        }
        this.#calls.detachAll();
        if (decision.kind === 'redirect' && redirects < this.#options.maxRedirects) {
          redirects++;
          redirect = decision;
          const map = this.#locator.map;
          refresh = map === null || (decision.mapVersion ?? 0) > map.version;
          rotate = false;
          this.#state.to('connecting', { reason: 'wrong island', island: decision.island, error });
          continue;
        }
        redirect = null;
        const next = this.#retry.next(error, decision, { withCalls: this.calls.length > 0, loggedIn: this.#loggedIn });
        if (!next) {
          this.#stop(error, LocalCause.CONNECTION_FAILED, 'gave up');
          return;
        }
        const { attempt, delayMs: waitMs, immediate, sameGateway } = next;
        rotate = !sameGateway;
        refresh = !immediate;
        this.#state.to('reconnecting', { attempt, delayMs: waitMs, error });
        this.emit('reconnecting', { attempt, delayMs: waitMs, error });
        try {
          await delay(this.#clock, waitMs, signal);
        } catch {
          return;
        }
        this.#state.to('connecting', { attempt });
      }
    }
  }

  /**
   * @param {string} endpoint
   * @param {string|null} island
   * @param {AbortSignal} signal
   */
  async #open(endpoint, island, signal) {
    const transport = await SocketTransport.open(islandUrl(endpoint, island), {
      createWebSocket: /** @type {import('./transport/socket-transport.js').WebSocketFactory} */ (this.#createWebSocket),
      connectTimeoutMs: this.#options.connectTimeoutMs,
      clock: this.#clock,
    });
    const connection = new Connection(transport, {
      endpoint,
      island,
      onRequest: serverRequestHandler(this.#serverRequestTarget()),
      requestTimeoutMs: this.#options.requestTimeoutMs,
      clock: this.#clock,
      logger: this.#logger,
    });
    if (signal.aborted) {
      const stopped = new DisconnectedError();
      connection.close(stopped);
      throw stopped;
    }
    this.#connection = connection;
    return connection;
  }

  /**
   * @param {Connection} connection
   * @param {any} result
   */
  #becomeReady(connection, result) {
    if (typeof result?.sessid === 'string' && result.sessid !== '' && result.sessid !== this.sessid) {
      this.#logger.warn?.(`the island bound sessid ${result.sessid} instead of ${this.sessid}`);
      this.sessid = result.sessid;
    }
    this.gateway = result?.gateway && typeof result.gateway === 'object' ? { ...result.gateway } : null;
    this.island = this.gateway?.island ?? connection.island;
    this.#retry.reset();
    this.#loggedIn = true;
    const keepalive = this.#options.keepalive;
    if (keepalive !== false) {
      connection.startKeepalive({ idleMs: keepalive?.idleMs ?? 25000, timeoutMs: keepalive?.timeoutMs ?? 10000 }, () => ({ sessid: this.sessid }));
    }
    this.#calls.loggedIn();
    this.#state.to('ready', { endpoint: connection.endpoint, island: this.island });
    this.emit('login', { sessid: this.sessid, island: this.island, gateway: this.gateway, endpoint: connection.endpoint, result });
    this.#ready?.resolve();
  }

  /**
   * @param {VertoError} error
   * @param {string} cause the calls' end cause
   * @param {string} [reason] the `closed` state's reason, when it is not the cause
   */
  #stop(error, cause, reason = cause) {
    this.#abort?.abort();
    this.#devices.unwatch();
    this.#connection?.close(error);
    this.#connection = null;
    this.#calls.endAll(cause);
    this.#run = null;
    this.#ready?.reject(error);
    if (this.state === 'closed') return;
    this.lastError = cause === LocalCause.CLIENT_CLOSED ? this.lastError : error;
    this.#state.to('closed', { reason, error });
    if (error instanceof PuntError) this.emit('punt', { error });
    if (cause !== LocalCause.CLIENT_CLOSED) this.emit('error', error);
  }

  /** @returns {import('./call/call.js').CallSignal} */
  #callSignal() {
    return {
      request: (method, params) => {
        const connection = this.#connection;
        if (!connection || !connection.isOpen) return Promise.reject(new ConnectionError(`cannot send ${method}: no connection`));
        return connection.request(method, { ...params, sessid: this.sessid });
      },
      forget: () => {},
      media: this.#options.media ?? {},
      clock: this.#clock,
      login: this.#login,
      domain: this.domain,
      listenerFailed: (error, type) => this.listenerFailed(error, type),
      devices: this.#devices,
      placeCall: (destination, options) => this.#place(destination, options),
    };
  }

  /** @returns {import('./session/server-requests.js').ServerRequestTarget} */
  #serverRequestTarget() {
    return {
      onInvite: (params) => this.#calls.onInvite(params),
      onAttach: (params) => this.#calls.onAttach(params),
      onClientReady: (params) => this.emit('clientready', { reattachedSessions: this.#calls.onClientReady(params) }),
      onPunt: () => this.#connection?.close(new PuntError()),
      onMessage: (params) => this.#calls.onMessage(params),
      callFor: (callID) => this.#calls.get(callID),
      onOther: (type, /** @type {any} */ payload) => {
        if (type === 'event') this.emit('event', payload);
        else if (type === 'info') this.emit('info', payload.params);
        else this.#logger.debug?.(`ignored ${payload.method}`);
      },
    };
  }
}

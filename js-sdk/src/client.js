import { Emitter } from './emitter.js';
import { systemClock, delay } from './clock.js';
import { ClientState } from './session/client-state.js';
import { Connection } from './session/connection.js';
import { decide } from './session/retry-policy.js';
import { serverRequestHandler } from './session/server-requests.js';
import { loadSessid } from './session/sessid.js';
import { SocketTransport, webSocketFactory } from './transport/socket-transport.js';
import { Backoff } from './transport/backoff.js';
import { EndpointRotation, islandUrl } from './transport/endpoint-rotation.js';
import { PartitionMap } from './partition/partition-map.js';
import { MapSource } from './partition/map-source.js';
import { resolveIsland } from './partition/resolve-island.js';
import { LocalCause } from './call/call.js';
import { CallRegistry } from './call/call-registry.js';
import { ConnectionError, ErrorCode, PuntError, RpcError, VertoError } from './errors.js';

const DEFAULTS = Object.freeze({
  requestTimeoutMs: 10000,
  connectTimeoutMs: 10000,
  mapTimeoutMs: 5000,
  clientReadyTimeoutMs: 10000,
  maxRedirects: 3,
});

/** Spread added to a gateway's paced retry hint, so clients given one slot do not arrive in one instant. */
const PACED_JITTER_MS = 100;

/**
 * A Verto client behind the gateway: it finds the user's island in the partition map, connects
 * to a gateway endpoint that fronts it, logs in, places and answers calls, and keeps the session
 * alive across dead sockets (backoff with full jitter, endpoint rotation, map refresh, same
 * `sessid`, re-attach of answered calls).
 *
 * Events: `statechange`, `connecting`, `reconnecting`, `login`, `clientready`, `incomingcall`,
 * `recoveredcall`, `map`, `punt`, `event`, `info`, `error` (payloads in verto.d.ts).
 *
 * @extends {Emitter<any>}
 */
export class VertoClient extends Emitter {
  #options;
  #clock;
  #logger;
  #createWebSocket;
  #mapSource;
  #state;
  #backoff;
  #rotation;
  /** @type {Connection|null} */
  #connection = null;
  /** @type {PartitionMap|null} */
  #map = null;
  #calls;
  #run = null;
  #abort = null;
  #ready = null;
  #callBaseMs;
  #random;

  /**
   * @param {import('../types/index.js').VertoClientOptions} options
   */
  constructor(options) {
    super();
    const { user, domain } = splitLogin(options?.login);
    this.user = user;
    this.domain = domain;
    this.#options = { ...DEFAULTS, ...options };
    this.#clock = options.clock ?? systemClock;
    const random = options.random ?? Math.random;
    this.#random = random;
    this.#logger = options.logger ?? {};
    this.#createWebSocket = webSocketFactory(options);
    this.sessid = options.sessid ?? loadSessid({ scope: options.sessidScope, storage: options.storage });
    const reconnect = options.reconnect ?? {};
    this.#backoff = new Backoff({ baseMs: reconnect.baseMs ?? 4000, capMs: reconnect.capMs ?? 30000, random });
    this.#callBaseMs = reconnect.callBaseMs ?? 500;
    this.#rotation = new EndpointRotation({ random });
    if (options.partitionMap) this.#map = options.partitionMap instanceof PartitionMap ? options.partitionMap : new PartitionMap(options.partitionMap);
    this.#mapSource = new MapSource({
      domain,
      mapUrl: options.mapUrl,
      fetch: options.fetch ?? globalThis.fetch?.bind(globalThis),
      timeoutMs: this.#options.mapTimeoutMs,
      clock: this.#clock,
    });
    this.#state = new ClientState((state, previous, detail) => this.emit('statechange', { state, previous, ...detail }));
    this.#calls = new CallRegistry({
      signal: this.#callSignal(),
      clock: this.#clock,
      identity: { user, login: options.login, callerIdName: options.callerIdName, callerIdNumber: options.callerIdNumber },
      emit: (type, call) => this.emit(type, call),
      clientReadyTimeoutMs: this.#options.clientReadyTimeoutMs,
    });
    /** The latest failure, fatal or not. */
    this.lastError = null;
    /** The gateway member of the latest login result: `{id, island, mapVersion}`. */
    this.gateway = null;
    /** The island of the current or latest session. */
    this.island = null;
    /** The endpoint of the current or latest socket. */
    this.endpoint = null;
  }

  get state() {
    return this.#state.value;
  }

  /** @returns {PartitionMap|null} */
  get map() {
    return this.#map;
  }

  /** @returns {import('./call/call.js').Call[]} calls not yet ended */
  get calls() {
    return this.#calls.list;
  }

  /**
   * Starts the session. Resolves once logged in; rejects when the session stops for good before
   * that (refused credentials, punt, close 1008, {@link disconnect}). Reconnects go on by
   * themselves afterwards.
   *
   * @returns {Promise<void>}
   */
  connect() {
    if (this.#run) return this.state === 'ready' ? Promise.resolve() : this.#ready.promise;
    this.#ready = deferred();
    this.#ready.promise.catch(() => {});
    this.#backoff.reset();
    this.#abort = new AbortController();
    // The loop handles its own failures; anything escaping it is a defect, and still ends the session cleanly.
    this.#run = this.#loop(this.#abort.signal).catch((error) =>
      this.#stop(error instanceof Error ? error : new VertoError(String(error)), LocalCause.CONNECTION_FAILED),
    );
    return this.#ready.promise;
  }

  /**
   * Stops the session. By default live calls are hung up first; with `keepCalls` they are left
   * to the island, which keeps answered calls for a later session with the same sessid (a page
   * reload) to re-attach (verto-protocol.md §2.3).
   *
   * @param {{keepCalls?: boolean}} [options]
   */
  async disconnect({ keepCalls = false } = {}) {
    if (!keepCalls && this.#connection?.isOpen) {
      await Promise.allSettled(this.calls.map((call) => call.hangup()));
    }
    const run = this.#run;
    this.#stop(new ConnectionError('client disconnected'), LocalCause.CLIENT_CLOSED);
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
    if (typeof destination !== 'string' || destination.trim() === '') throw new TypeError('call destination must be a non-empty string');
    if (this.state !== 'ready') throw new ConnectionError(`cannot call while ${this.state}: not logged in`);
    const call = this.#calls.outbound(destination, options);
    void call.place({ localStream: options.localStream });
    return call;
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

  async #loop(signal) {
    let redirect = null;
    let rotate = false;
    let refresh = this.#map === null;
    let redirects = 0;
    this.#state.to('connecting', { attempt: this.#backoff.attempt });
    for (;;) {
      let connection = null;
      try {
        if (refresh) await this.#refreshMap();
        signal.throwIfAborted();
        const island = redirect?.island ?? this.#computeIsland();
        const endpoint = this.#rotation.next(this.#endpointsFor(island), { rotate });
        if (!endpoint) throw new VertoError('No gateway endpoint known: the map lists none and options.gateways is empty');
        this.endpoint = endpoint;
        this.emit('connecting', { attempt: this.#backoff.attempt, endpoint, island });
        connection = await this.#open(endpoint, island, signal);
        this.#state.to('loggingIn', { endpoint, island });
        const result = await this.#login(connection);
        this.#becomeReady(connection, result);
        redirect = null;
        redirects = 0;
        throw await connection.dead;
      } catch (error) {
        connection?.close(error instanceof Error ? error : new VertoError(String(error)));
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
          refresh = this.#map === null || (decision.mapVersion ?? 0) > this.#map.version;
          rotate = false;
          this.#state.to('connecting', { reason: 'wrong island', island: decision.island, error });
          continue;
        }
        redirect = null;
        refresh = true;
        rotate = true;
        const withCalls = this.calls.length > 0;
        const { attempt, delayMs } = this.#backoff.next(withCalls ? this.#callBaseMs : undefined);
        // A paced hint replaces the backoff window: the gateway has already spread this client's slot.
        const waitMs = decision.paced
          ? decision.minDelayMs + Math.floor(this.#random() * PACED_JITTER_MS)
          : delayMs + (decision.kind === 'retry' ? decision.minDelayMs : 0);
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

  async #refreshMap() {
    const known = this.#map ? [...new Set([...this.#map.gateways, ...this.#map.islands.flatMap((i) => i.gateways ?? [])])] : [];
    const endpoints = orderFrom(known.length > 0 ? known : this.#options.gateways ?? [], this.#rotation.last);
    try {
      // Always the fresh copy: island states change without a new version.
      this.#map = await this.#mapSource.load(endpoints);
      this.emit('map', { map: this.#map });
    } catch (error) {
      this.#logger.warn?.(`partition map refresh failed, keeping ${this.#map ? `version ${this.#map.version}` : 'no map'}: ${error?.message ?? error}`);
      if (!this.#map && !(this.#options.gateways?.length > 0)) throw error;
    }
  }

  /** The serving island, or null to let the gateway route (no map, or nothing up in it). */
  #computeIsland() {
    if (!this.#map) return null;
    return resolveIsland(this.#map, this.user, this.domain).serving;
  }

  #endpointsFor(island) {
    const fromMap = this.#map ? this.#map.endpointsFor(island) : [];
    if (fromMap.length > 0) return fromMap;
    if (this.#options.gateways?.length > 0) return this.#options.gateways;
    const page = globalThis.location;
    if (page && /^https?:$/.test(page.protocol)) return [`${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/verto`];
    return [];
  }

  async #open(endpoint, island, signal) {
    const transport = await SocketTransport.open(islandUrl(endpoint, island), {
      createWebSocket: this.#createWebSocket,
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
      connection.close(signal.reason);
      throw signal.reason;
    }
    this.#connection = connection;
    return connection;
  }

  /** verto-protocol.md §3.7: a credential-less login first, credentials after its -32000. */
  async #login(connection) {
    try {
      return await connection.request('login', { sessid: this.sessid });
    } catch (error) {
      if (!(error instanceof RpcError && error.code === ErrorCode.AUTHENTICATION_REQUIRED)) throw error;
    }
    const options = this.#options;
    return connection.request('login', {
      login: options.login,
      passwd: options.passwd ?? '',
      loginParams: options.loginParams ?? {},
      userVariables: options.userVariables ?? {},
      sessid: this.sessid,
    });
  }

  #becomeReady(connection, result) {
    if (typeof result?.sessid === 'string' && result.sessid !== '' && result.sessid !== this.sessid) {
      this.#logger.warn?.(`the island bound sessid ${result.sessid} instead of ${this.sessid}`);
      this.sessid = result.sessid;
    }
    this.gateway = result?.gateway && typeof result.gateway === 'object' ? { ...result.gateway } : null;
    this.island = this.gateway?.island ?? connection.island;
    this.#backoff.reset();
    const keepalive = this.#options.keepalive;
    if (keepalive !== false) {
      connection.startKeepalive({ idleMs: keepalive?.idleMs ?? 25000, timeoutMs: keepalive?.timeoutMs ?? 10000 }, () => ({ sessid: this.sessid }));
    }
    this.#calls.loggedIn();
    this.#state.to('ready', { endpoint: connection.endpoint, island: this.island });
    this.emit('login', { sessid: this.sessid, island: this.island, gateway: this.gateway, endpoint: connection.endpoint, result });
    this.#ready.resolve();
  }

  #stop(error, cause) {
    this.#abort?.abort(error);
    this.#connection?.close(error);
    this.#connection = null;
    this.#calls.endAll(cause);
    this.#run = null;
    this.#ready?.reject(error);
    if (this.state === 'closed') return;
    this.lastError = cause === LocalCause.CLIENT_CLOSED ? this.lastError : error;
    this.#state.to('closed', { reason: cause, error });
    if (error instanceof PuntError) this.emit('punt', { error });
    if (cause !== LocalCause.CLIENT_CLOSED) this.emit('error', error);
  }

  #callSignal() {
    return {
      request: (method, params) => {
        const connection = this.#connection;
        if (!connection || !connection.isOpen) return Promise.reject(new ConnectionError(`cannot send ${method}: no connection`));
        return connection.request(method, { ...params, sessid: this.sessid });
      },
      media: this.#options.media ?? {},
      clock: this.#clock,
      login: this.#options.login,
    };
  }

  #serverRequestTarget() {
    return {
      onInvite: (params) => this.#calls.onInvite(params),
      onAttach: (params) => this.#calls.onAttach(params),
      onClientReady: (params) => this.emit('clientready', { reattachedSessions: this.#calls.onClientReady(params) }),
      onPunt: () => this.#connection?.close(new PuntError()),
      callFor: (callID) => this.#calls.get(callID),
      onOther: (type, payload) => {
        if (type === 'event') this.emit('event', payload);
        else if (type === 'info') this.emit('info', payload.params);
        else this.#logger.debug?.(`ignored ${payload.method}`);
      },
    };
  }
}

function splitLogin(login) {
  if (typeof login !== 'string') throw new TypeError('options.login must be "user@domain"');
  const at = login.lastIndexOf('@');
  const user = login.slice(0, at).trim();
  const domain = login.slice(at + 1).trim();
  if (at < 0 || user === '' || domain === '') throw new TypeError(`options.login must be "user@domain", got ${JSON.stringify(login)}`);
  return { user, domain };
}

function orderFrom(list, last) {
  const at = list.indexOf(last);
  return at < 0 ? list : [...list.slice(at + 1), ...list.slice(0, at + 1)];
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

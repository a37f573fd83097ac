import { FakeConference } from './fake-conference.js';
import { VIDEO_ANSWER, AUDIO_ANSWER, SCREEN_ANSWER } from './sdp.js';

/**
 * An in-memory gateway + island for unit tests: `createWebSocket` hands the SDK browser-like
 * sockets whose frames reach a scripted server, each frame on its own turn of the event loop as
 * in a browser. The default script is the Verto login dance and plain call answers; tests
 * override single methods or the login, and drive the server side (S→C requests, closes, silence).
 */
export class FakeGateway {
  /** @type {ServerConnection[]} */
  connections = [];
  /** @type {{sessid: string, login: string, url: string}[]} */
  logins = [];
  users = new Map([['1000@a.example', '1234'], ['1001@a.example', '1234']]);
  /** A close code to refuse new sockets with (e.g. 1013, 1008), or null to accept them. */
  refuseWith = null;
  /** Overrides for C→S methods: `(conn, params, message) => result | {error}`. */
  handlers = {};
  gatewayInfo = { id: 'gw-1', island: 'fs-01', mapVersion: 1 };
  /** Transfers the island accepted: `{callID, destination}`. */
  transfers = [];
  /** CallIDs the island treats as not bridged (a transfer of them fails). */
  unbridged = new Set();
  /** Conference rooms by number (`addConference`). */
  conferences = new Map();
  /** When true, `updateMedia` is refused as the embedded island and a relaying gateway refuse it. */
  refuseUpdateMedia = false;

  constructor(name = 'wss://gw-1.test/verto') {
    this.name = name;
  }

  /** The SDK's `createWebSocket` option. */
  createWebSocket = (url) => {
    const socket = new FakeSocket(url);
    setImmediate(() => {
      if (socket.closedByClient) return;
      if (this.refuseWith !== null) {
        socket.deliverClose(this.refuseWith, 'refused');
        return;
      }
      const conn = new ServerConnection(this, socket);
      this.connections.push(conn);
      socket.server = conn;
      socket.readyState = 1;
      socket.onopen?.({});
    });
    return socket;
  };

  /** Connections still open. */
  get open() {
    return this.connections.filter((c) => !c.closed);
  }

  /** The latest open connection. */
  get current() {
    return this.open.at(-1);
  }

  /** A conference room: calls to `room` (and `room-screen`) enter it. */
  addConference(room = '3500', options) {
    const conference = new FakeConference(this, room, options);
    this.conferences.set(room, conference);
    return conference;
  }

  /** Channels each sessid may subscribe to (mod_conference grants a member's sessid its channels). */
  grants = new Map();

  /** The island lets this connection's session subscribe to `channel`. */
  grant(conn, channel) {
    if (!this.grants.has(conn.sessid)) this.grants.set(conn.sessid, new Set());
    this.grants.get(conn.sessid).add(channel);
  }

  /** An event to every subscriber of `channel`, each numbered per subscription (§5.2). */
  publish(channel, data) {
    for (const conn of this.open) {
      const sub = conn.subscriptions.get(channel);
      if (sub) conn.request('verto.event', { eventChannel: channel, data, eventSerno: sub.serno++, subscribedChannel: channel });
    }
  }

  subscribe(conn, params) {
    const wanted = [params.eventChannel].flat().filter((c) => typeof c === 'string');
    const granted = this.grants.get(conn.sessid) ?? new Set();
    const subscribedChannels = wanted.filter((c) => granted.has(c));
    const unauthorizedChannels = wanted.filter((c) => !granted.has(c));
    if (subscribedChannels.length === 0) return { error: unauthorizedChannels.length ? { unauthorizedChannels } : {} };
    for (const channel of subscribedChannels) conn.subscriptions.set(channel, { serno: 0 });
    return { subscribedChannels, ...(unauthorizedChannels.length ? { unauthorizedChannels } : {}) };
  }

  broadcast(conn, params) {
    for (const conference of this.conferences.values()) {
      if (Object.values(conference.channels).includes(params.eventChannel)) return conference.broadcast(conn, params);
    }
    return { message: 'Permission Denied.', code: -32002 };
  }

  /** `verto.modify updateMedia`: the island's answer to the new offer (§4.6). */
  updateMedia(params) {
    const callID = params.dialogParams?.callID;
    if (this.refuseUpdateMedia) return { error: { code: -32002, message: 'MEDIA ERROR', callID, action: 'updateMedia' } };
    if (!params.sdp) return { error: { code: -32002, message: 'SDP missing', callID, action: 'updateMedia' } };
    return { callID, action: 'updateMedia', holdState: 'active', sdp: /^m=video [1-9]/m.test(params.sdp) ? VIDEO_ANSWER : AUDIO_ANSWER };
  }

  handle(conn, message) {
    const { method, params = {} } = message;
    const custom = this.handlers[method];
    if (custom) return custom(conn, params, message);
    switch (method) {
      case 'login':
        return this.login(conn, params);
      case 'verto.ping':
        return { message: 'PONG' };
      case 'verto.invite': {
        const callID = params.dialogParams?.callID;
        const destination = String(params.dialogParams?.destination_number ?? '');
        const screen = destination.endsWith('-screen') && this.conferences.has(destination.slice(0, -'-screen'.length));
        if (screen) setImmediate(() => conn.request('verto.answer', { callID, sdp: SCREEN_ANSWER }));
        else this.conferences.get(destination)?.join(conn, callID, params);
        return { message: 'CALL CREATED', callID };
      }
      case 'verto.answer':
      case 'verto.attach':
        return {};
      case 'verto.subscribe':
        return this.subscribe(conn, params);
      case 'verto.unsubscribe':
        for (const channel of [params.eventChannel].flat()) conn.subscriptions.delete(channel);
        return { unsubscribedChannels: [params.eventChannel].flat() };
      case 'verto.broadcast':
        return this.broadcast(conn, params);
      case 'verto.bye':
        for (const conference of this.conferences.values()) conference.leave(params.dialogParams?.callID, { pvt: false });
        return { callID: params.dialogParams?.callID, message: 'CALL ENDED', causeCode: 16, cause: 'NORMAL_CLEARING' };
      case 'verto.modify':
        if (params.action === 'updateMedia') return this.updateMedia(params);
        if (params.action === 'transfer') return this.transfer(conn, params);
        return { callID: params.dialogParams?.callID, action: params.action, holdState: params.action === 'hold' ? 'held' : 'active' };
      case 'verto.info':
        return params.msg ? this.chat(conn, params.msg) : { message: 'SENT' };
      default:
        return { error: { code: -32601, message: 'Invalid Method, Missing Method or Permission Denied' } };
    }
  }

  /**
   * The island's transfer: the bridged partner goes to `destination`, then the transferring leg
   * gets a `verto.bye` (sent after the result, as the island does).
   */
  transfer(conn, params) {
    const callID = params.dialogParams?.callID;
    if (!params.destination) return { error: { code: -32002, message: 'destination missing', callID, action: 'transfer' } };
    if (this.unbridged.has(callID)) return { error: { code: -32002, message: 'call is not bridged', callID, action: 'transfer' } };
    this.transfers.push({ callID, destination: params.destination });
    setImmediate(() => conn.request('verto.bye', { callID, cause: 'NORMAL_CLEARING', causeCode: 16 }));
    return { message: 'CALL TRANSFERRED', callID, action: 'transfer' };
  }

  /** The island's chat: delivered to every live connection logged in as `to`. */
  chat(conn, msg) {
    if (!msg.to || !msg.body) return { error: { message: 'INVALID MESSAGE to and body params required' } };
    for (const other of this.open) {
      if (other.loggedIn && other.login === msg.to) other.request('verto.info', { msg: { from: conn.login, to: msg.to, body: msg.body } });
    }
    return { message: 'SENT' };
  }

  /** docs/protocol.md §3.4, §3.7 */
  login(conn, params) {
    if (!params.login) return { error: { code: -32000, message: 'Authentication Required' } };
    if (!params.passwd) return { error: { code: -32001, message: 'Missing passwd' } };
    const expected = this.users.get(params.login);
    if (expected === undefined) return { error: { code: -32001, message: 'Login Incorrect' } };
    if (expected !== params.passwd) return { error: { code: -32001, message: 'Authentication Failure' } };
    conn.sessid = params.sessid;
    conn.login = params.login;
    conn.loggedIn = true;
    this.logins.push({ sessid: params.sessid, login: params.login, url: conn.url });
    return { message: 'logged in', sessid: params.sessid, gateway: { ...this.gatewayInfo } };
  }
}

/** The server's end of one socket. */
export class ServerConnection {
  /** @type {object[]} every C→S message, parsed */
  received = [];
  /** @type {object[]} answers from the client to S→C requests */
  answers = [];
  sessid = null;
  login = null;
  loggedIn = false;
  /** Channels this connection subscribed to, with its event numbering. */
  subscriptions = new Map();
  closed = false;
  /** When true the server reads but never answers (a silent dead peer). */
  silent = false;
  #nextId = 9000;

  constructor(gateway, socket) {
    this.gateway = gateway;
    this.socket = socket;
    this.url = socket.url;
    this.island = new URL(socket.url).searchParams.get('island');
  }

  /** C→S requests of one method. */
  requests(method) {
    return this.received.filter((m) => m.method === method);
  }

  receive(text) {
    const message = JSON.parse(text);
    if (!message.method) {
      this.answers.push(message);
      return;
    }
    this.received.push(message);
    if (this.silent) return;
    const outcome = this.gateway.handle(this, message);
    if (outcome === undefined) return; // the handler answers later, or never
    if (outcome && outcome.error) this.send({ jsonrpc: '2.0', id: message.id, error: outcome.error });
    else this.send({ jsonrpc: '2.0', id: message.id, result: { ...outcome, sessid: this.sessid ?? undefined } });
  }

  send(message) {
    if (!this.closed) this.socket.deliver(JSON.stringify(message));
  }

  /** Sends an S→C request; returns its id. */
  request(method, params = {}) {
    const id = ++this.#nextId;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  /** The client's answer to an S→C request, if it sent one. */
  answerTo(id) {
    return this.answers.find((a) => a.id === id);
  }

  /** Closes from the server side with a close frame (or 1006 for an abrupt drop). */
  close(code = 1006, reason = '') {
    if (this.closed) return;
    this.closed = true;
    this.socket.deliverClose(code, reason);
  }
}

/** The client's end: the browser WebSocket API. */
class FakeSocket {
  readyState = 0;
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  closedByClient = false;
  /** @type {ServerConnection|null} */
  server = null;

  constructor(url) {
    this.url = url;
  }

  send(text) {
    if (this.readyState !== 1) throw new Error('InvalidStateError: socket not open');
    setImmediate(() => {
      if (this.server && !this.server.closed) this.server.receive(text);
    });
  }

  close(code = 1000, reason = '') {
    if (this.readyState >= 2) return;
    this.closedByClient = true;
    this.readyState = 2;
    if (this.server) {
      this.server.closed = true;
      this.server.closeCode = code;
    }
    setImmediate(() => this.#finish(code, reason));
  }

  deliver(text) {
    setImmediate(() => {
      if (this.readyState === 1) this.onmessage?.({ data: text });
    });
  }

  deliverClose(code, reason) {
    setImmediate(() => this.#finish(code, reason));
  }

  #finish(code, reason) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: code !== 1006 });
  }
}

import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';

/**
 * A gateway stand-in on real loopback sockets (HTTP + WebSocket on port 0): it serves
 * `/v1/partition-map`, runs the Verto login dance for any `user@domain` with password `1234`,
 * sends `verto.clientReady` after a login, and can drain (close new sockets with 1013) or die
 * (drop every socket abruptly and stop listening). It records when sockets arrive and which
 * sessids log in, for the reconnect simulation.
 */
export class LoopbackGateway {
  /** @type {{at: number, url: string}[]} socket arrivals, performance.now() */
  arrivals = [];
  /** @type {{at: number, sessid: string, login: string}[]} */
  logins = [];
  draining = false;
  map = null;

  constructor(id) {
    this.id = id;
    this.http = createServer((req, res) => this.#serveHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http, path: '/verto', backlog: 2048, perMessageDeflate: false });
    this.wss.on('connection', (ws, req) => this.#accept(ws, req));
  }

  async start() {
    await new Promise((resolve) => this.http.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve));
    const { port } = this.http.address();
    this.endpoint = `ws://127.0.0.1:${port}/verto`;
    this.mapUrl = `http://127.0.0.1:${port}/v1/partition-map`;
    return this;
  }

  /** Drops every socket without a close frame (the client sees 1006) and stops listening. */
  kill() {
    this.http.close();
    this.http.closeAllConnections?.();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  async stop() {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise((resolve) => this.wss.close(() => resolve()));
    await new Promise((resolve) => this.http.close(() => resolve()));
  }

  #serveHttp(req, res) {
    if (req.url.startsWith('/v1/partition-map') && this.map) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.map));
      return;
    }
    res.writeHead(404).end();
  }

  #accept(ws, req) {
    this.arrivals.push({ at: performance.now(), url: req.url });
    if (this.draining) {
      ws.close(1013, 'draining');
      return;
    }
    let sessid = null;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (!message.method) return;
      const reply = (body) => ws.send(JSON.stringify({ jsonrpc: '2.0', id: message.id, ...body }));
      const params = message.params ?? {};
      if (message.method === 'login') {
        if (!params.login) return reply({ error: { code: -32000, message: 'Authentication Required' } });
        if (params.passwd !== '1234') return reply({ error: { code: -32001, message: 'Authentication Failure' } });
        sessid = params.sessid;
        this.logins.push({ at: performance.now(), sessid, login: params.login });
        reply({ result: { message: 'logged in', sessid, gateway: { id: this.id, island: 'fs-01', mapVersion: this.map?.version ?? 0 } } });
        ws.send(JSON.stringify({ jsonrpc: '2.0', id: 9000 + this.logins.length, method: 'verto.clientReady', params: { reattached_sessions: [] } }));
        return;
      }
      if (message.method === 'verto.ping') return reply({ result: { message: 'PONG', sessid } });
      reply({ error: { code: -32601, message: 'Invalid Method, Missing Method or Permission Denied' } });
    });
  }
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const READY = /Gateway ready: (https:\/\/[^\s/]+)\/?/;

/** Where the demo jar is: $VERTO_GATEWAY_JAR, else ../app/target/verto-gateway.jar from js-sdk/. */
export const gatewayJar = process.env.VERTO_GATEWAY_JAR ?? resolve(fileURLToPath(new URL('../../../app/target/verto-gateway.jar', import.meta.url)));

/**
 * A node:test `skip` value: false when the jar is there, else the reason. `VERTO_GATEWAY_TESTS=skip`
 * turns them off: the Maven build of js-sdk runs before the gateway jar is (re)built, so there the
 * jar on disk may be stale; the gateway module runs `npm run test:gateway` against its fresh jar.
 */
export const skipWithoutJar =
  process.env.VERTO_GATEWAY_TESTS === 'skip'
    ? 'VERTO_GATEWAY_TESTS=skip: the real-gateway tests run after the gateway jar is built (npm run test:gateway)'
    : existsSync(gatewayJar)
      ? false
      : `no gateway jar at ${gatewayJar}: build it (mvn -B -pl gateway -am package -DskipTests) or set VERTO_GATEWAY_JAR`;

/**
 * Starts `java -jar verto-gateway.jar demo --port 0 --data-dir DIR` and resolves once it prints
 * `Gateway ready: https://localhost:PORT/`.
 *
 * @returns {Promise<{base: string, port: number, stop: () => Promise<void>, output: () => string}>}
 */
export async function startDemoJar({ readyTimeoutMs = 90000 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'verto-gateway-demo-'));
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(java, ['-jar', gatewayJar, 'demo', '--port', '0', '--media-port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const base = await new Promise((resolveReady, rejectReady) => {
    const timer = setTimeout(() => rejectReady(new Error(`the gateway printed no "Gateway ready" line within ${readyTimeoutMs} ms:\n${output.slice(-4000)}`)), readyTimeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveReady(match[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      rejectReady(new Error(`cannot start ${java}: ${error.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rejectReady(new Error(`the gateway exited (${code ?? signal}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { base, port: Number(new URL(base).port), stop, output: () => output };
}

/**
 * A `fetch` for the SDK and the tests that accepts the demo's self-signed certificate (test only).
 * It covers what the SDK uses: `ok`, `status`, `json()`, `text()`, and a `signal`.
 */
export function insecureFetch(url, { signal, headers } = {}) {
  return new Promise((resolveResponse, rejectResponse) => {
    const req = request(url, { rejectUnauthorized: false, headers, signal }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolveResponse({
          ok: res.statusCode >= 200 && res.statusCode < 300,
          status: res.statusCode,
          headers: res.headers,
          text: async () => body,
          json: async () => JSON.parse(body),
        });
      });
    });
    req.on('error', rejectResponse);
    req.end();
  });
}

/**
 * A WebSocket factory that accepts the self-signed certificate and records every frame both
 * ways in `wire` (`{dir: 'out'|'in', message}`), so tests can assert what crossed the gateway.
 */
export function recordingSockets() {
  const wire = [];
  const sockets = [];
  const createWebSocket = (url) => {
    const ws = new WebSocket(url, { rejectUnauthorized: false, perMessageDeflate: false });
    sockets.push(ws);
    const send = ws.send.bind(ws);
    ws.send = (text) => {
      wire.push({ dir: 'out', message: JSON.parse(text) });
      send(text);
    };
    ws.on('message', (data, isBinary) => {
      if (!isBinary) wire.push({ dir: 'in', message: JSON.parse(String(data)) });
    });
    return ws;
  };
  return { wire, sockets, createWebSocket };
}

/** A bare JSON-RPC client on one socket, for protocol-level checks without the SDK. */
export async function rawVerto(url) {
  const ws = new WebSocket(url, { rejectUnauthorized: false, perMessageDeflate: false });
  await new Promise((resolveOpen, rejectOpen) => {
    ws.once('open', resolveOpen);
    ws.once('error', rejectOpen);
  });
  const inbox = [];
  const waiters = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    inbox.push(message);
    for (const w of [...waiters]) if (w.match(message)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(message);
    }
  });
  let id = 0;
  const next = (match, timeoutMs = 15000) => {
    const found = inbox.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolveNext, rejectNext) => {
      const waiter = { match, resolve: resolveNext };
      waiters.push(waiter);
      setTimeout(() => {
        if (waiters.includes(waiter)) rejectNext(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(inbox).slice(0, 2000)}`));
      }, timeoutMs).unref();
    });
  };
  return {
    inbox,
    next,
    /** Sends a request and resolves with its answer (result or error). */
    call(method, params) {
      const requestId = ++id;
      ws.send(JSON.stringify({ jsonrpc: '2.0', method, params, id: requestId }));
      return next((m) => m.id === requestId && !m.method);
    },
    close: () =>
      new Promise((resolveClose) => {
        if (ws.readyState === WebSocket.CLOSED) return resolveClose();
        ws.once('close', () => resolveClose());
        ws.close();
      }),
  };
}

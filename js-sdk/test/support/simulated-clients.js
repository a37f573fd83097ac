/**
 * The client side of the reconnect simulation, run as a child process (`fork`) so that the
 * clients get a clean event loop and a core of their own, apart from the gateways and the test
 * runner. Protocol over IPC:
 *   parent → {type: 'start', count, mapUrl}      child → {type: 'ready', clients: [{sessid, gateway}], ms}
 *   parent → {type: 'jitter'}                     child → {type: 'jitter-on'}
 *   (the parent kills the gateway)                child → {type: 'recovered', clients, scheduled, ms, maxLoopDelayMs}
 *   parent → {type: 'stop'}                       child disconnects every client and exits
 */
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { VertoClient } from '../../src/index.js';

let clients = [];
let jitter = false;
const scheduled = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

process.on('message', async (message) => {
  if (message.type === 'start') await start(message);
  else if (message.type === 'jitter') {
    jitter = true;
    scheduled.length = 0;
    loopDelay.reset();
    loopDelay.enable();
    watchRecovery(message.gatewayId, performance.now());
    process.send({ type: 'jitter-on' });
  } else if (message.type === 'stop') {
    await Promise.all(clients.map((c) => c.disconnect({ keepCalls: true })));
    process.disconnect();
  }
});

async function start({ count, mapUrl }) {
  const started = performance.now();
  clients = Array.from({ length: count }, (_, i) => {
    const client = new VertoClient({
      login: `${1000 + (i % 20)}@a.example`,
      passwd: '1234',
      mapUrl, // the page came from the first gateway, so its map URL dies with it
      createWebSocket: (url) => new WebSocket(url, { perMessageDeflate: false }),
      // phase 1 takes the first endpoint and retries at once; phase 2 uses real jitter
      random: () => (jitter ? Math.random() : 0),
    });
    client.on('reconnecting', (e) => scheduled.push({ index: i, delayMs: e.delayMs, attempt: e.attempt }));
    return client;
  });
  await Promise.all(clients.map((c) => c.connect()));
  process.send({ type: 'ready', clients: describe(), ms: performance.now() - started });
}

function watchRecovery(gatewayId, since) {
  const timer = setInterval(() => {
    if (!clients.every((c) => c.state === 'ready' && c.gateway?.id === gatewayId)) return;
    clearInterval(timer);
    loopDelay.disable();
    process.send({ type: 'recovered', clients: describe(), scheduled, ms: performance.now() - since, maxLoopDelayMs: loopDelay.max / 1e6 });
  }, 10);
}

function describe() {
  return clients.map((c) => ({ sessid: c.sessid, gateway: c.gateway?.id ?? null, state: c.state }));
}

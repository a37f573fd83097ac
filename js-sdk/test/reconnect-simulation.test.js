import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { LoopbackGateway } from './support/loopback-gateway.js';

const CLIENTS = 1000;
/** The SDK's default first window for clients without calls (reconnect.baseMs). */
const WINDOW_MS = 4000;
/**
 * Wall-clock arrival times mean something only while neither process was starved of CPU; past
 * this event-loop stall the spread is reported, not asserted (the virtual-time simulation asserts
 * it exactly, whatever the load).
 */
const STALL_MS = 500;

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function histogram(values, bucketMs, buckets) {
  const counts = new Array(buckets).fill(0);
  for (const v of values) counts[Math.min(buckets - 1, Math.max(0, Math.floor(v / bucketMs)))]++;
  return counts;
}

/** The next IPC message of a type from the child, or its exit as an error. */
async function next(child, type) {
  for (;;) {
    const [message] = await Promise.race([once(child, 'message'), once(child, 'exit').then(([code]) => Promise.reject(new Error(`client process exited with ${code}`)))]);
    if (message.type === type) return message;
  }
}

test(`${CLIENTS} clients that lose their gateway at once spread their reconnects over the backoff window and all log in again with their own sessid`, { timeout: 120000 }, async (t) => {
  const a = await new LoopbackGateway('gw-a').start();
  const b = await new LoopbackGateway('gw-b').start();
  const map = { version: 1, partitionBy: 'domain', islands: [{ id: 'fs-01', role: 'active', weight: 1, state: 'up' }], pins: {}, gateways: [a.endpoint, b.endpoint] };
  a.map = map;
  b.map = map;
  const child = fork(new URL('./support/simulated-clients.js', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    child.send({ type: 'start', count: CLIENTS, mapUrl: a.mapUrl });
    const ready = await next(child, 'ready');
    assert.ok(ready.clients.every((c) => c.gateway === 'gw-a'), 'phase 1 puts every client on gw-a');
    const sessids = ready.clients.map((c) => c.sessid);
    assert.equal(new Set(sessids).size, CLIENTS, 'every client has its own sessid');
    assert.equal(a.logins.length, CLIENTS);

    // Phase 2: gw-a dies with every client on it; gw-b takes over.
    child.send({ type: 'jitter', gatewayId: 'gw-b' });
    await next(child, 'jitter-on');
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const killedAt = performance.now();
    a.kill();
    const recovered = await next(child, 'recovered');
    loopDelay.disable();
    const stallMs = Math.max(loopDelay.max / 1e6, recovered.maxLoopDelayMs);

    // Every client logged in again on gw-b, with the sessid it had, exactly once.
    assert.deepEqual(recovered.clients.map((c) => c.sessid), sessids);
    assert.ok(recovered.clients.every((c) => c.state === 'ready' && c.gateway === 'gw-b'));
    assert.equal(b.logins.length, CLIENTS);
    assert.deepEqual(new Set(b.logins.map((l) => l.sessid)), new Set(sessids));

    // The SDK's schedule: one retry per client, uniform over [0, window).
    assert.equal(recovered.scheduled.length, CLIENTS, 'one retry per client, none needed a second');
    assert.ok(recovered.scheduled.every((s) => s.attempt === 1));
    const delays = recovered.scheduled.map((s) => s.delayMs);
    assert.ok(delays.every((d) => d >= 0 && d < WINDOW_MS));
    const delayTenths = histogram(delays, WINDOW_MS / 10, 10);
    for (const count of delayTenths) assert.ok(count >= 60 && count <= 140, `scheduled delays per tenth ${delayTenths} are not flat`);

    // What gw-b saw: arrivals spread over the window, no stampede in any slice of it.
    const arrivals = b.arrivals.map((r) => r.at - killedAt).sort((x, y) => x - y);
    assert.equal(arrivals.length, CLIENTS, 'one socket per client on gw-b');
    const arrivalTenths = histogram(arrivals, WINDOW_MS / 10, 12);
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((q) => quantile(arrivals, q));
    if (stallMs <= STALL_MS) {
      // Uniform arrivals put 80% of them across 0.8 of the window; a stampede puts them in one slice.
      // Half the window leaves room for the burst in which one process notices 1000 dead sockets.
      assert.ok(p90 - p10 >= 0.5 * WINDOW_MS, `p10..p90 of arrivals span ${(p90 - p10).toFixed(0)} ms of a ${WINDOW_MS} ms window`);
      // A stampede fills the first slices; arrivals pushed past the window by a busy machine are lateness, not a stampede.
      const inWindow = arrivalTenths.slice(0, 10);
      assert.ok(Math.max(...inWindow) <= 250, `a tenth of the window took ${Math.max(...inWindow)} of ${CLIENTS} arrivals: ${arrivalTenths}`);
    } else {
      t.diagnostic(`an event loop stalled ${stallMs.toFixed(0)} ms (machine busy): wall-clock spread reported, not asserted`);
    }

    t.diagnostic(`phase 1: ${CLIENTS} map fetches and logins on gw-a in ${ready.ms.toFixed(0)} ms`);
    t.diagnostic(`gw-a killed → all ${CLIENTS} logged in again on gw-b after ${recovered.ms.toFixed(0)} ms (first window ${WINDOW_MS} ms)`);
    t.diagnostic(`arrivals at gw-b after the kill: first ${arrivals[0].toFixed(0)} ms, p10 ${p10.toFixed(0)}, p50 ${p50.toFixed(0)}, p90 ${p90.toFixed(0)}, last ${arrivals.at(-1).toFixed(0)} ms`);
    t.diagnostic(`arrivals per ${WINDOW_MS / 10} ms: ${arrivalTenths.join(' ')}`);
    t.diagnostic(`scheduled delays per ${WINDOW_MS / 10} ms: ${delayTenths.join(' ')}`);
    t.diagnostic(`longest event-loop stall during the failover: ${stallMs.toFixed(0)} ms`);
  } finally {
    if (child.connected) {
      child.send({ type: 'stop' });
      await once(child, 'exit');
    }
    await b.stop();
    await a.stop().catch(() => {});
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VertoClient } from '../src/index.js';
import { FakeGateway } from './support/fake-gateway.js';
import { FakeClock, until } from './support/fake-clock.js';
import { mapFetch, mapFor, socketRouter } from './support/harness.js';
import { seeded } from './support/random.js';

const CLIENTS = 1000;
const WINDOW_MS = 4000; // reconnect.baseMs default: the first window of a client without calls

/**
 * The same failover as reconnect-simulation.test.js, on a virtual clock and in-memory sockets:
 * arrival times at the surviving gateway are exact, so the spread is asserted tightly and the
 * result does not depend on how busy the machine is.
 */
test(`on a virtual clock, ${CLIENTS} clients losing their gateway arrive at the next one evenly over the window and all log in again`, { timeout: 120000 }, async (t) => {
  const a = new FakeGateway('wss://gw-a.test/verto');
  const b = new FakeGateway('wss://gw-b.test/verto');
  b.gatewayInfo = { id: 'gw-b', island: 'fs-01', mapVersion: 1 };
  for (let u = 1000; u < 1020; u++) a.users.set(`${u}@a.example`, '1234'), b.users.set(`${u}@a.example`, '1234');
  const clock = new FakeClock();
  let aUp = true;
  const map = mapFor([a, b]);
  const fetch = mapFetch({
    'https://gw-a.test/': () => (aUp ? map : new TypeError('fetch failed')),
    'https://gw-b.test/': map,
  });
  const arrivals = [];
  const route = socketRouter([a, b]);
  const createWebSocket = (url) => {
    if (url.startsWith(b.name)) arrivals.push(clock.now());
    return route(url);
  };
  const random = seeded(20260101);
  let jitter = false;
  const clients = Array.from(
    { length: CLIENTS },
    (_, i) =>
      new VertoClient({
        login: `${1000 + (i % 20)}@a.example`,
        passwd: '1234',
        mapUrl: 'https://gw-a.test/v1/partition-map',
        fetch,
        createWebSocket,
        clock,
        random: () => (jitter ? random() : 0),
      }),
  );
  const scheduled = [];
  clients.forEach((c) => c.on('reconnecting', (e) => scheduled.push(e)));

  await Promise.all(clients.map((c) => c.connect()));
  const sessids = clients.map((c) => c.sessid);
  assert.equal(new Set(sessids).size, CLIENTS);
  assert.equal(a.logins.length, CLIENTS);

  jitter = true;
  const killedAt = clock.now();
  aUp = false;
  a.refuseWith = 1006;
  for (const conn of a.open) conn.close(1006);
  await until(() => scheduled.length === CLIENTS, { rounds: 20000, what: 'every client scheduling its retry' });
  await clock.advance(WINDOW_MS);
  await until(() => clients.every((c) => c.state === 'ready'), { rounds: 20000, what: 'every client back' });

  assert.deepEqual(clients.map((c) => c.sessid), sessids, 'each client kept its own sessid');
  assert.deepEqual(b.logins.map((l) => l.sessid).sort(), [...sessids].sort(), 'gw-b saw each sessid log in exactly once');
  assert.ok(clients.every((c) => c.gateway.id === 'gw-b'));
  assert.equal(scheduled.length, CLIENTS, 'one retry each');

  const offsets = arrivals.map((at) => at - killedAt);
  assert.equal(offsets.length, CLIENTS);
  assert.ok(offsets.every((ms) => ms >= 0 && ms < WINDOW_MS), 'every arrival inside the first window');
  const tenths = new Array(10).fill(0);
  for (const ms of offsets) tenths[Math.floor(ms / (WINDOW_MS / 10))]++;
  for (const count of tenths) assert.ok(count >= 70 && count <= 130, `arrivals per tenth of the window ${tenths} are not flat`);
  const perMs = new Map();
  for (const ms of offsets) perMs.set(ms, (perMs.get(ms) ?? 0) + 1);
  const peak = Math.max(...perMs.values());
  assert.ok(peak <= 5, `${peak} clients arrived in the same millisecond`);
  t.diagnostic(`virtual time: arrivals per ${WINDOW_MS / 10} ms: ${tenths.join(' ')}; busiest millisecond ${peak}`);
});

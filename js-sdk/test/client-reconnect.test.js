import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, mapFetch, mapFor } from './support/harness.js';
import { FakeGateway } from './support/fake-gateway.js';
import { until } from './support/fake-clock.js';
import { ConnectionError, PuntError, RpcCode as ErrorCode, CloseCode } from '../src/index.js';

/** A `random` that returns the given values in turn, then the last one forever. */
function sequence(...values) {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
}

function twoGateways() {
  return [new FakeGateway('wss://gw-1.test/verto'), new FakeGateway('wss://gw-2.test/verto')];
}

test('an abrupt close (1006) waits a jittered backoff, rotates to the next gateway and logs in with the same sessid', async () => {
  const [gw1, gw2] = twoGateways();
  const { client, clock, events, states } = setup({ gateways: [gw1, gw2], clientOptions: { random: sequence(0, 0.5) } });
  await client.connect();
  assert.equal(gw1.open.length, 1);
  gw1.current.close(1006);
  await until(() => client.state === 'reconnecting');
  const reconnecting = events.find((e) => e.type === 'reconnecting').payload;
  assert.equal(reconnecting.attempt, 1);
  assert.equal(reconnecting.delayMs, 2000, 'half of the first 4 s window');
  assert.ok(reconnecting.error instanceof ConnectionError);
  assert.equal(reconnecting.error.closeCode, 1006);
  await clock.advance(1999);
  assert.equal(gw2.connections.length, 0, 'nothing before the delay is over');
  await clock.advance(1);
  await until(() => client.state === 'ready');
  assert.deepEqual(gw2.logins.map((l) => l.sessid), ['sess-0001']);
  assert.deepEqual(states(), ['connecting', 'loggingIn', 'ready', 'reconnecting', 'connecting', 'loggingIn', 'ready']);
});

test('a silent socket gets a verto.ping after the idle time and is dropped when nothing answers by the deadline', async () => {
  const [gw1, gw2] = twoGateways();
  const { client, clock, events } = setup({ gateways: [gw1, gw2], clientOptions: { keepalive: { idleMs: 20000, timeoutMs: 5000 } } });
  await client.connect();
  const conn = gw1.current;
  conn.silent = true;
  await clock.advance(19999);
  assert.equal(conn.requests('verto.ping').length, 0);
  await clock.advance(1);
  await until(() => conn.requests('verto.ping').length === 1);
  assert.deepEqual(conn.requests('verto.ping')[0].params, { sessid: 'sess-0001' });
  await clock.advance(4999);
  assert.equal(client.state, 'ready');
  await clock.advance(1);
  await until(() => events.some((e) => e.type === 'reconnecting'));
  assert.equal(conn.closeCode, CloseCode.KEEPALIVE_TIMEOUT);
  const { error } = events.find((e) => e.type === 'reconnecting').payload;
  assert.equal(error.closeCode, CloseCode.KEEPALIVE_TIMEOUT);
  assert.match(error.message, /within 5000 ms of a verto.ping/);
});

test('an answered keepalive ping keeps the socket', async () => {
  const { client, clock, gateway } = setup({ clientOptions: { keepalive: { idleMs: 20000, timeoutMs: 5000 } } });
  await client.connect();
  await clock.advance(20000 * 3 + 100);
  assert.equal(gateway.current.requests('verto.ping').length, 3);
  assert.equal(client.state, 'ready');
  assert.equal(gateway.connections.length, 1);
});

test('a socket with inbound traffic is never pinged', async () => {
  const { client, clock, gateway } = setup({ clientOptions: { keepalive: { idleMs: 20000, timeoutMs: 5000 } } });
  await client.connect();
  for (let i = 0; i < 6; i++) {
    await clock.advance(10000);
    gateway.current.request('verto.event', { eventChannel: 'x', data: {} });
  }
  await clock.advance(1000);
  assert.equal(gateway.current.requests('verto.ping').length, 0);
});

test('keepalive: false sends no ping', async () => {
  const { client, clock, gateway } = setup({ clientOptions: { keepalive: false } });
  await client.connect();
  await clock.advance(600000);
  assert.equal(gateway.current.requests('verto.ping').length, 0);
  assert.equal(client.state, 'ready');
});

test('a server verto.ping is answered with {method: "verto.ping"}', async () => {
  const { client, gateway } = setup();
  await client.connect();
  const id = gateway.current.request('verto.ping', { serno: 1767225600 });
  await until(() => gateway.current.answerTo(id));
  assert.deepEqual(gateway.current.answerTo(id), { jsonrpc: '2.0', id, result: { method: 'verto.ping' } });
});

test('-32010 Wrong island reconnects at once with ?island= of the island the gateway names', async () => {
  const gateway = new FakeGateway();
  // a.example computes to fs-02 in this map; the gateway says fs-01 serves it now.
  const map = mapFor([gateway], { islands: [{ id: 'fs-01' }, { id: 'fs-02' }] });
  gateway.handlers.login = (conn, params) =>
    conn.island === 'fs-01' ? gateway.login(conn, params) : { error: { code: ErrorCode.WRONG_ISLAND, message: 'Wrong island', data: { island: 'fs-01', mapVersion: 1 } } };
  const { client, states, clock } = setup({ gateways: [gateway], map });
  await client.connect();
  assert.deepEqual(gateway.connections.map((c) => c.island), ['fs-02', 'fs-01']);
  assert.equal(clock.now(), 0, 'no backoff wait for a redirect');
  assert.deepEqual(states(), ['connecting', 'loggingIn', 'connecting', 'loggingIn', 'ready']);
  assert.equal(gateway.logins.length, 1);
});

test('a Wrong island error with a newer map version refreshes the map before following it', async () => {
  const gateway = new FakeGateway();
  let version = 1;
  const fetch = mapFetch({ 'https://map.test/': () => mapFor([gateway], { version, islands: [{ id: 'fs-01' }, { id: 'fs-02' }] }) });
  gateway.handlers.login = (conn, params) => {
    if (conn.island === 'fs-01') return gateway.login(conn, params);
    version = 2;
    return { error: { code: ErrorCode.WRONG_ISLAND, message: 'Wrong island', data: { island: 'fs-01', mapVersion: 2 } } };
  };
  const { client } = setup({ gateways: [gateway], fetch });
  await client.connect();
  assert.equal(fetch.calls.length, 2);
  assert.equal(client.map.version, 2);
  assert.equal(gateway.current.island, 'fs-01');
});

test('redirects that go round in circles fall back to backoff after maxRedirects', async () => {
  const gateway = new FakeGateway();
  gateway.handlers.login = (conn) => ({ error: { code: ErrorCode.WRONG_ISLAND, message: 'Wrong island', data: { island: conn.island === 'fs-01' ? 'fs-02' : 'fs-01', mapVersion: 1 } } });
  const { client, events } = setup({ gateways: [gateway], map: mapFor([gateway], { islands: [{ id: 'fs-01' }, { id: 'fs-02' }] }) });
  void client.connect();
  await until(() => client.state === 'reconnecting');
  assert.equal(gateway.connections.length, 4, 'the first try and three redirects');
  assert.equal(events.find((e) => e.type === 'reconnecting').payload.error.code, 'wrong-island');
});

test('verto.punt stops the client for good and says why', async () => {
  const { client, gateway, clock, events } = setup();
  await client.connect();
  gateway.current.request('verto.punt', {});
  await until(() => client.state === 'closed');
  const punt = events.find((e) => e.type === 'punt');
  assert.ok(punt.payload.error instanceof PuntError);
  const closed = events.filter((e) => e.type === 'statechange').at(-1).payload;
  assert.equal(closed.reason, 'PUNTED');
  assert.ok(closed.error instanceof PuntError);
  assert.ok(client.lastError instanceof PuntError);
  await clock.advance(300000);
  assert.equal(gateway.connections.length, 1, 'no reconnect after a punt');
  assert.equal(gateway.connections[0].answers.length, 0, 'a punt gets no answer');
});

test('close 1008 (origin refused, too many connections) is fatal', async () => {
  const { client, gateway, clock } = setup();
  await client.connect();
  gateway.current.close(CloseCode.POLICY_VIOLATION, 'too many connections');
  await until(() => client.state === 'closed');
  assert.equal(client.lastError.closeCode, 1008);
  assert.equal(client.lastError.fatal, true);
  await clock.advance(300000);
  assert.equal(gateway.connections.length, 1);
});

test('a socket refused with 1008 before it opens is fatal too', async () => {
  const gateway = new FakeGateway();
  gateway.refuseWith = CloseCode.POLICY_VIOLATION;
  const { client } = setup({ gateways: [gateway] });
  await assert.rejects(client.connect(), (error) => error instanceof ConnectionError && error.closeCode === 1008 && error.fatal);
  assert.equal(client.state, 'closed');
});

test('close 1013 (gateway draining) rotates to the next gateway', async () => {
  const [gw1, gw2] = twoGateways();
  const { client, clock } = setup({ gateways: [gw1, gw2] });
  await client.connect();
  gw1.current.close(CloseCode.TRY_AGAIN_LATER, 'draining');
  await until(() => client.state === 'reconnecting');
  await clock.advance(4000);
  await until(() => client.state === 'ready');
  assert.equal(gw2.logins.length, 1);
  assert.equal(gw1.connections.length, 1);
});

test('a close 1013 with a retryAfterMs hint (an island lost) waits the hint, not the backoff window', async () => {
  const [gw1, gw2] = twoGateways();
  // random: 0.5 for the endpoint choice and the backoff draw, then 0.5 for the hint's jitter
  const { client, clock, events } = setup({ gateways: [gw1, gw2], clientOptions: { random: sequence(0, 0.5) } });
  await client.connect();
  gw1.current.close(CloseCode.TRY_AGAIN_LATER, 'island fs-01 lost; retryAfterMs=300');
  await until(() => client.state === 'reconnecting');
  const { delayMs } = events.find((e) => e.type === 'reconnecting').payload;
  assert.ok(delayMs >= 300 && delayMs < 400, `the hint plus at most 100 ms of jitter, got ${delayMs}`);
  await clock.advance(delayMs);
  await until(() => client.state === 'ready');
  assert.equal(gw1.logins.length, 2, 'again through the gateway that judged the island, not the next one');
  assert.equal(gw2.logins.length, 0);
});

test('a gateway refusing sockets with 1013 at connect time is skipped for the next one', async () => {
  const [gw1, gw2] = twoGateways();
  gw1.refuseWith = CloseCode.TRY_AGAIN_LATER;
  const { client, clock } = setup({ gateways: [gw1, gw2] });
  void client.connect();
  await until(() => client.state === 'reconnecting');
  await clock.advance(4000);
  await until(() => client.state === 'ready');
  assert.equal(gw2.logins.length, 1);
});

test('-32013 Rate limited waits at least retryAfterMs before the next attempt', async () => {
  const [gw1, gw2] = twoGateways();
  gw1.handlers.login = () => ({ error: { code: ErrorCode.RATE_LIMITED, message: 'Rate limited', data: { retryAfterMs: 7000 } } });
  const { client, clock, events } = setup({ gateways: [gw1, gw2], clientOptions: { random: sequence(0, 0.25) } });
  void client.connect();
  await until(() => client.state === 'reconnecting');
  assert.equal(events.find((e) => e.type === 'reconnecting').payload.delayMs, 7000 + 1000);
  await clock.advance(7999);
  assert.equal(gw2.connections.length, 0);
  await clock.advance(1);
  await until(() => client.state === 'ready');
});

for (const [code, message, data] of [
  [ErrorCode.NO_ISLAND_AVAILABLE, 'No island available', { mapVersion: 1 }],
  [ErrorCode.ISLAND_UNREACHABLE, 'Island unreachable', { island: 'fs-01' }],
]) {
  test(`${code} ${message} is retried within a second, with a fresh map`, async () => {
    const gateway = new FakeGateway();
    let failures = 2;
    gateway.handlers.login = (conn, params) => (params.login && failures-- > 0 ? { error: { code, message, data } } : gateway.login(conn, params));
    const fetch = mapFetch({ 'https://map.test/': mapFor([gateway]) });
    const { client, clock, events } = setup({ gateways: [gateway], fetch, clientOptions: { random: sequence(0, 0.5) } });
    void client.connect();
    await until(() => client.state === 'reconnecting');
    await clock.advance(600);
    await until(() => client.state === 'reconnecting' && events.filter((e) => e.type === 'reconnecting').length === 2);
    await clock.advance(600);
    await until(() => client.state === 'ready');
    const waits = events.filter((e) => e.type === 'reconnecting').map((e) => e.payload);
    assert.deepEqual(waits.map((w) => w.error.rpcCode), [code, code]);
    // the gateway is up and the island on its way (a failover): not the 4 s backoff of a session without calls
    assert.deepEqual(waits.map((w) => w.delayMs), [500, 500]);
    assert.equal(fetch.calls.length, 3, 'the map is fetched again before each retry');
  });
}

test('backoff windows double per failed attempt up to the cap and start over after a login', async () => {
  const gateway = new FakeGateway();
  gateway.refuseWith = 1006;
  const { client, clock, events } = setup({ gateways: [gateway], clientOptions: { random: () => 0.999999, reconnect: { baseMs: 1000, capMs: 8000, shouldRetry: () => true } } });
  void client.connect();
  for (let i = 0; i < 5; i++) {
    await until(() => client.state === 'reconnecting');
    await clock.advance(8000);
  }
  const delays = events.filter((e) => e.type === 'reconnecting').map((e) => e.payload.delayMs);
  assert.deepEqual(delays.slice(0, 5), [999, 1999, 3999, 7999, 7999]);
  gateway.refuseWith = null;
  await clock.advance(8000);
  await until(() => client.state === 'ready');
  gateway.current.close(1006);
  await until(() => client.state === 'reconnecting');
  assert.equal(events.filter((e) => e.type === 'reconnecting').at(-1).payload.delayMs, 999, 'window back to base after a login');
});

test('a login that gets no answer times out and is retried', async () => {
  const [gw1, gw2] = twoGateways();
  const { client, clock, events } = setup({ gateways: [gw1, gw2], clientOptions: { requestTimeoutMs: 3000 } });
  const connected = client.connect();
  await until(() => gw1.connections.length === 1);
  gw1.current.silent = true;
  await until(() => gw1.current.received.length === 1);
  await clock.advance(3000);
  await connected;
  assert.equal(events.find((e) => e.type === 'reconnecting').payload.error.name, 'TimeoutError');
  assert.equal(gw2.logins.length, 1);
});

test('when the map URL is down the map is fetched from a known gateway endpoint', async () => {
  const [gw1, gw2] = twoGateways();
  let mapUp = true;
  const fetch = mapFetch({
    'https://map.test/': () => (mapUp ? mapFor([gw1, gw2], { version: 1 }) : new TypeError('fetch failed')),
    'https://gw-2.test/v1/partition-map': mapFor([gw1, gw2], { version: 5 }),
  });
  const { client, clock } = setup({ gateways: [gw1, gw2], fetch });
  await client.connect();
  mapUp = false;
  gw1.current.close(1006);
  await until(() => client.state === 'reconnecting');
  await clock.advance(4000);
  await until(() => client.state === 'ready');
  assert.deepEqual(fetch.calls.slice(1, 3), ['https://map.test/v1/partition-map?domain=a.example', 'https://gw-2.test/v1/partition-map?domain=a.example']);
  assert.equal(client.map.version, 5);
});

test('when no map can be fetched the client keeps the one it has and still reconnects', async () => {
  const [gw1, gw2] = twoGateways();
  let mapUp = true;
  const fetch = mapFetch({ 'https://map.test/': () => (mapUp ? mapFor([gw1, gw2]) : new TypeError('fetch failed')) });
  const { client, clock } = setup({ gateways: [gw1, gw2], fetch });
  await client.connect();
  mapUp = false;
  gw1.current.close(1006);
  await until(() => client.state === 'reconnecting');
  await clock.advance(4000);
  await until(() => client.state === 'ready');
  assert.equal(gw2.logins.length, 1);
  assert.equal(client.map.version, 1);
});

test('an island with its own gateway list is reached through that list', async () => {
  const [gw1, gw2] = twoGateways();
  const map = mapFor([gw1], { islands: [{ id: 'fs-02', gateways: [gw2.name] }, { id: 'fs-01' }] });
  const { client } = setup({ gateways: [gw1, gw2], map });
  await client.connect();
  assert.equal(gw1.connections.length, 0);
  assert.equal(gw2.current.url, 'wss://gw-2.test/verto?island=fs-02');
});

test('a down home island is served by the spare the map computes', async () => {
  const gateway = new FakeGateway();
  const map = mapFor([gateway], { islands: [{ id: 'fs-01' }, { id: 'fs-02', state: 'down' }, { id: 'spare', role: 'spare' }] });
  const { client } = setup({ gateways: [gateway], map });
  await client.connect();
  assert.equal(gateway.current.island, 'spare');
});

test('with every island down the client lets the gateway route (no ?island=)', async () => {
  const gateway = new FakeGateway();
  const map = mapFor([gateway], { islands: [{ id: 'fs-01', state: 'down' }] });
  const { client } = setup({ gateways: [gateway], map });
  await client.connect();
  assert.equal(gateway.current.url, 'wss://gw-1.test/verto');
});

test('a static partitionMap and gateways option need no fetch', async () => {
  const gateway = new FakeGateway();
  const fetch = mapFetch({});
  const { client } = setup({
    gateways: [gateway],
    fetch,
    clientOptions: { partitionMap: { version: 3, islands: [{ id: 'fs-01' }] }, gateways: [gateway.name] },
  });
  await client.connect();
  assert.equal(fetch.calls.length, 0);
  assert.equal(gateway.current.island, 'fs-01');
});

test('disconnect during the backoff wait stops reconnecting', async () => {
  const { client, gateway, clock } = setup();
  await client.connect();
  gateway.current.close(1006);
  await until(() => client.state === 'reconnecting');
  await client.disconnect();
  assert.equal(client.state, 'closed');
  await clock.advance(60000);
  assert.equal(gateway.connections.length, 1);
});

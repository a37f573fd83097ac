/**
 * Against the real gateway (the demo jar): setup mistakes and refusals make `connect()` settle
 * at once with a typed error, and the gateway's own errors (wrong island, rate limited, session
 * in use) reach the application as VertoErrors with stable codes.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import {
  VertoClient,
  PartitionMap,
  resolveIsland,
  AuthenticationError,
  SessionInUseError,
  WrongIslandError,
  RateLimitedError,
  MapFetchError,
  ConnectionError,
} from '../../src/index.js';
import { startDemoJar, skipWithoutJar, insecureFetch, recordingSockets } from '../support/demo-jar.js';
import { fakeMedia } from '../support/fake-webrtc.js';

/** A loopback port with nothing listening on it. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('typed errors and fail-fast against the demo gateway jar', { skip: skipWithoutJar, timeout: 180000 }, () => {
  let gateway;
  let demo;
  let users;
  const clients = [];

  before(async () => {
    gateway = await startDemoJar();
    demo = await (await insecureFetch(`${gateway.base}/v1/demo`)).json();
    users = demo.users.filter((u) => u.endsWith('@a.example'));
  });

  after(async () => {
    await Promise.allSettled(clients.map((c) => c.disconnect()));
    await gateway?.stop();
  });

  function client(login, options = {}) {
    const c = new VertoClient({
      login,
      passwd: demo.password,
      mapUrl: `${gateway.base}/v1/partition-map`,
      fetch: insecureFetch,
      createWebSocket: recordingSockets().createWebSocket,
      media: fakeMedia(),
      reconnect: { baseMs: 100, callBaseMs: 100 },
      ...options,
    });
    clients.push(c);
    return c;
  }

  it('a map URL the gateway answers 404 makes connect reject at once with map-unavailable', async () => {
    const started = Date.now();
    const c = client(users[0], { mapUrl: `${gateway.base}/v1/no-such-map` });
    await assert.rejects(c.connect(), (e) => e instanceof MapFetchError && e.code === 'map-unavailable' && e.status === 404);
    assert.equal(c.state, 'closed');
    assert.ok(Date.now() - started < 5000, 'no retries');
  });

  it('an unreachable endpoint makes connect reject with a network error after three attempts', async () => {
    const port = await closedPort();
    const c = client(users[0], { mapUrl: undefined, gateways: [`wss://127.0.0.1:${port}/verto`] });
    const attempts = [];
    c.on('connecting', (e) => attempts.push(e.endpoint));
    await assert.rejects(c.connect(), (e) => e instanceof ConnectionError && e.code === 'network');
    assert.equal(attempts.length, 3);
    assert.equal(c.state, 'closed');
  });

  it('a wrong password and an unknown user are authentication errors with the reason invalid-credentials', async () => {
    await assert.rejects(client(users[0], { passwd: 'not-it' }).connect(), (e) => e instanceof AuthenticationError && e.reason === 'invalid-credentials');
    await assert.rejects(client('9999@a.example').connect(), (e) => e instanceof AuthenticationError && e.code === 'authentication' && e.reason === 'invalid-credentials');
  });

  it('a sessid bound to another user is refused with session-in-use and the client stops', async () => {
    const owner = client(users[0], { sessid: crypto.randomUUID() });
    await owner.connect();
    const intruder = client(users[1], { sessid: owner.sessid });
    await assert.rejects(intruder.connect(), (e) => e instanceof SessionInUseError && e.code === 'session-in-use');
    assert.equal(intruder.state, 'closed');
    assert.equal(owner.state, 'ready', 'the owner keeps its session');
  });

  it('a stale map that sends the client to the wrong island: -32010 arrives as a WrongIslandError, and the client lands right', async (t) => {
    const raw = await (await insecureFetch(`${gateway.base}/v1/partition-map?domain=a.example`)).json();
    const map = new PartitionMap(raw);
    const right = resolveIsland(map, users[0].split('@')[0], 'a.example').serving;
    const wrong = map.islands.find((i) => i.id !== right && i.role === 'active' && i.state !== 'down');
    if (!wrong) return t.skip('the demo map has a single active island');
    const stale = { ...raw, pins: { ...(raw.pins ?? {}), 'a.example': wrong.id } };
    const c = client(users[0], { mapUrl: undefined, partitionMap: stale });
    const redirects = [];
    c.on('statechange', (e) => e.reason === 'wrong island' && redirects.push(e));
    await c.connect();
    assert.equal(redirects.length, 1);
    assert.ok(redirects[0].error instanceof WrongIslandError);
    assert.equal(redirects[0].error.code, 'wrong-island');
    assert.equal(redirects[0].error.island, right);
    assert.equal(c.island, right);
  });

  it('a burst over the gateway rate gets rate-limited errors with a retryAfterMs', async () => {
    const c = client(users[2]);
    await c.connect();
    const outcomes = await Promise.allSettled(Array.from({ length: 150 }, () => c.request('verto.ping')));
    const limited = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
    assert.ok(limited.length > 0, 'some pings were over the burst');
    for (const error of limited) {
      assert.ok(error instanceof RateLimitedError, `${error}`);
      assert.equal(error.code, 'rate-limited');
      assert.ok(error.retryAfterMs > 0);
    }
    assert.equal(c.state, 'ready', 'the session goes on');
  });
});

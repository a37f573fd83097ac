import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, mapFor, mapFetch, socketRouter } from './support/harness.js';
import { FakeGateway } from './support/fake-gateway.js';
import { FakeClock, until } from './support/fake-clock.js';
import { fakeMedia } from './support/fake-webrtc.js';
import { VertoClient, SetupError, MapFetchError, ConnectionError, PartitionMapError } from '../src/index.js';

/** A fetch answering every URL with one HTTP status and body. */
function answering(status, body = {}) {
  const calls = [];
  const fetch = async (url) => {
    calls.push(url);
    return { ok: status >= 200 && status < 300, status, json: async () => (typeof body === 'function' ? body() : body) };
  };
  fetch.calls = calls;
  return fetch;
}

test('connect without a map URL, a map or gateways rejects at once with a setup error instead of retrying', async () => {
  const gateway = new FakeGateway();
  const client = new VertoClient({ login: '1000@a.example', passwd: '1234', createWebSocket: gateway.createWebSocket, fetch: answering(200) });
  const errors = [];
  client.on('error', (e) => errors.push(e));
  await assert.rejects(client.connect(), (e) => e instanceof SetupError && e.code === 'setup' && e.option === 'mapUrl' && /options\.mapUrl, options\.partitionMap or options\.gateways/.test(e.message));
  assert.equal(client.state, 'closed');
  assert.equal(errors.length, 1, 'the error event fires for the setup mistake');
  assert.equal(gateway.connections.length, 0);
});

test('connect without a WebSocket implementation rejects with a setup error naming the option', async () => {
  const client = new VertoClient({ login: '1000@a.example', gateways: ['wss://gw.test/verto'] });
  await assert.rejects(client.connect(), (e) => e instanceof SetupError && e.option === 'WebSocket' && /the `ws` package/.test(e.message));
});

for (const status of [404, 401, 403]) {
  test(`a map URL answering ${status} makes connect reject with map-unavailable and the status, after one try`, async () => {
    const gateway = new FakeGateway();
    const fetch = answering(status);
    const { client, clock } = setup({ gateways: [gateway], fetch });
    await assert.rejects(client.connect(), (e) => e instanceof MapFetchError && e.code === 'map-unavailable' && e.status === status && e.url.startsWith('https://map.test/'));
    assert.equal(client.state, 'closed');
    await clock.advance(60000);
    assert.equal(fetch.calls.length, 1, 'no retry of a setup mistake');
    assert.equal(gateway.connections.length, 0);
  });
}

test('a map URL answering something that is not JSON (a page instead of the API) is a setup mistake too', async () => {
  const { client } = setup({ fetch: answering(200, () => JSON.parse('<!doctype html>')) });
  await assert.rejects(client.connect(), (e) => e instanceof MapFetchError && e.code === 'map-unavailable' && /not JSON/.test(e.message));
});

test('a map URL answering an invalid map rejects with the field at fault', async () => {
  const { client } = setup({ fetch: answering(200, { islands: [] }) });
  await assert.rejects(client.connect(), (e) => e instanceof PartitionMapError && e.code === 'partition-map' && e.field === 'islands');
});

test('a map URL answering 503 is an outage, not a mistake: the client retries and logs in once it answers', async () => {
  const gateway = new FakeGateway();
  let status = 503;
  const map = mapFor([gateway]);
  const fetch = async () => ({ ok: status === 200, status, json: async () => structuredClone(map) });
  const { client, clock } = setup({ gateways: [gateway], fetch, clientOptions: { reconnect: { baseMs: 1000 } } });
  const connected = client.connect();
  await until(() => client.state === 'reconnecting');
  status = 200;
  await clock.advance(1000);
  await connected;
  assert.equal(client.state, 'ready');
});

test('an unreachable endpoint makes connect reject after three attempts with a network error', async () => {
  const gateway = new FakeGateway();
  gateway.refuseWith = 1006;
  const { client, clock, events } = setup({ gateways: [gateway], clientOptions: { reconnect: { baseMs: 1000 } } });
  const connected = client.connect();
  const outcome = assert.rejects(connected, (e) => e instanceof ConnectionError && e.code === 'network' && e.closeCode === 1006);
  for (let i = 0; i < 3; i++) {
    await until(() => client.state === 'reconnecting' || client.state === 'closed');
    await clock.advance(4000);
  }
  await outcome;
  assert.equal(client.state, 'closed');
  assert.equal(events.filter((e) => e.type === 'reconnecting').length, 2, 'two waits between three attempts');
  assert.equal(events.filter((e) => e.type === 'connecting').length, 3);
  assert.equal(events.filter((e) => e.type === 'statechange').at(-1).payload.reason, 'gave up');
  assert.ok(events.some((e) => e.type === 'error' && e.payload.code === 'network'));
});

test('a gateway that answers "no island available" is waited for: that is an outage, not a mistake', async () => {
  const gateway = new FakeGateway();
  let down = true;
  gateway.handlers.login = (conn, params) => (down && params.login ? { error: { code: -32011, message: 'No island available', data: { mapVersion: 1 } } } : gateway.login(conn, params));
  const { client, clock, events } = setup({ gateways: [gateway], clientOptions: { random: () => 0.5, reconnect: { baseMs: 1000, capMs: 1000 } } });
  const connected = client.connect();
  for (let i = 0; i < 5; i++) {
    await until(() => client.state === 'reconnecting');
    await clock.advance(500);
  }
  await until(() => client.state === 'reconnecting');
  down = false;
  await clock.advance(500);
  await connected;
  assert.equal(events.filter((e) => e.type === 'reconnecting').length, 6);
  assert.ok(events.filter((e) => e.type === 'reconnecting').every((e) => e.payload.error.code === 'no-island'));
});

test('reconnect.maxAttempts bounds the attempts of a logged-in client too', async () => {
  const gateway = new FakeGateway();
  const { client, clock } = setup({ gateways: [gateway], clientOptions: { random: () => 0.5, reconnect: { baseMs: 1000, maxAttempts: 2 } } });
  await client.connect();
  gateway.refuseWith = 1006;
  gateway.current.close(1006);
  await until(() => client.state === 'reconnecting');
  await clock.advance(2000);
  await until(() => client.state === 'closed');
  assert.equal(client.lastError.code, 'network');
});

test('reconnect.shouldRetry sees each failure and can stop the client', async () => {
  const gateway = new FakeGateway();
  const seen = [];
  const shouldRetry = (info) => {
    seen.push({ attempt: info.attempt, code: info.error.code, loggedIn: info.loggedIn, delayMs: info.delayMs });
    return info.attempt < 2;
  };
  const { client, clock } = setup({ gateways: [gateway], clientOptions: { random: () => 0.5, reconnect: { baseMs: 1000, shouldRetry } } });
  await client.connect();
  gateway.refuseWith = 1013;
  gateway.current.close(1006);
  await until(() => client.state === 'reconnecting');
  await clock.advance(2000);
  await until(() => client.state === 'closed');
  assert.deepEqual(seen, [
    { attempt: 1, code: 'network', loggedIn: true, delayMs: 500 },
    { attempt: 2, code: 'network', loggedIn: true, delayMs: 1000 },
  ]);
});

test('a shouldRetry callback that throws stops the client and the throw is reported', async () => {
  const gateway = new FakeGateway();
  const { client, events } = setup({ gateways: [gateway], clientOptions: { reconnect: { shouldRetry: () => { throw new Error('policy bug'); } } } });
  await client.connect();
  gateway.current.close(1006);
  await until(() => client.state === 'closed');
  const reported = events.filter((e) => e.type === 'error').map((e) => e.payload);
  assert.ok(reported.some((e) => e.code === 'listener' && e.event === 'reconnect.shouldRetry' && e.cause.message === 'policy bug'));
});

test('in a page, with neither a map nor gateways, a map URL answering 404 falls back to /verto of the page origin', async () => {
  const gateway = new FakeGateway('wss://phone.example');
  const sockets = [];
  globalThis.location = new URL('https://phone.example/softphone/');
  try {
    const fetch = answering(404);
    const client = new VertoClient({
      login: '1000@a.example',
      passwd: '1234',
      fetch,
      createWebSocket: (url) => {
        sockets.push(url);
        return gateway.createWebSocket(url);
      },
      sessid: 's-1',
      clock: new FakeClock(),
      media: fakeMedia(),
    });
    await client.connect();
    assert.deepEqual(fetch.calls, ['https://phone.example/v1/partition-map?domain=a.example']);
    assert.deepEqual(sockets, ['wss://phone.example/verto'], 'no ?island=: the gateway routes');
    assert.equal(client.state, 'ready');
    await client.disconnect();
  } finally {
    delete globalThis.location;
  }
});

test('in a page, a relative mapUrl is resolved against it', async () => {
  globalThis.location = new URL('https://phone.example/app/');
  try {
    const gateway = new FakeGateway();
    const fetch = mapFetch({ 'https://phone.example/maps/': mapFor([gateway]) });
    const client = new VertoClient({ login: '1000@a.example', passwd: '1234', mapUrl: '../maps/current.json', fetch, createWebSocket: socketRouter([gateway]), clock: new FakeClock(), media: fakeMedia() });
    await client.connect();
    assert.deepEqual(fetch.calls, ['https://phone.example/maps/current.json?domain=a.example']);
    await client.disconnect();
  } finally {
    delete globalThis.location;
  }
});

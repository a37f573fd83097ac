import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, mapFetch, mapFor } from './support/harness.js';
import { FakeGateway } from './support/fake-gateway.js';
import { until } from './support/fake-clock.js';
import { VertoClient, AuthenticationError, ConnectionError, DisconnectedError, SetupError, PartitionMapError } from '../src/index.js';

test('connect logs in with the Verto dance: credential-less login, -32000, then credentials with the same sessid', async () => {
  const { client, gateway, states } = setup();
  await client.connect();
  const logins = gateway.current.requests('login');
  assert.equal(logins.length, 2);
  assert.deepEqual(logins[0].params, { sessid: 'sess-0001' });
  assert.deepEqual(logins[1].params, { login: '1000@a.example', passwd: '1234', loginParams: {}, userVariables: {}, sessid: 'sess-0001' });
  assert.deepEqual(states(), ['connecting', 'loggingIn', 'ready']);
  assert.equal(client.state, 'ready');
});

test('the login event tells which gateway and island the client landed on', async () => {
  const { client, events } = setup();
  await client.connect();
  const login = events.find((e) => e.type === 'login').payload;
  assert.deepEqual(login.gateway, { id: 'gw-1', island: 'fs-01', mapVersion: 1 });
  assert.equal(login.island, 'fs-01');
  assert.equal(login.sessid, 'sess-0001');
  assert.equal(login.endpoint, 'wss://gw-1.test/verto');
  assert.equal(client.island, 'fs-01');
  assert.deepEqual(client.gateway, { id: 'gw-1', island: 'fs-01', mapVersion: 1 });
});

test('the socket URL names the island the client computed from the map', async () => {
  const { client, gateway } = setup();
  await client.connect();
  assert.equal(gateway.current.url, 'wss://gw-1.test/verto?island=fs-01');
  assert.equal(gateway.current.island, 'fs-01');
});

test('the map is fetched with the user domain as a query parameter', async () => {
  const gateway = new FakeGateway();
  const fetch = mapFetch({ 'https://map.test/': mapFor([gateway]) });
  const { client } = setup({ gateways: [gateway], fetch });
  await client.connect();
  assert.deepEqual(fetch.calls, ['https://map.test/v1/partition-map?domain=a.example']);
  assert.equal(client.map.version, 1);
});

test('a wrong password ends the session with an AuthenticationError and no reconnect', async () => {
  const { client, gateway, states, events, clock } = setup({ clientOptions: { passwd: 'wrong' } });
  await assert.rejects(client.connect(), (error) => {
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.code, 'authentication');
    assert.equal(error.reason, 'invalid-credentials');
    assert.equal(error.rpcCode, -32001);
    assert.equal(error.rpcMessage, 'Authentication Failure');
    return true;
  });
  assert.equal(client.state, 'closed');
  assert.deepEqual(states(), ['connecting', 'loggingIn', 'closed']);
  assert.ok(events.some((e) => e.type === 'error' && e.payload instanceof AuthenticationError));
  assert.equal(client.lastError.rpcMessage, 'Authentication Failure');
  await clock.advance(120000);
  assert.equal(gateway.connections.length, 1, 'no second socket after refused credentials');
});

test('an unknown user is refused with "Login Incorrect"', async () => {
  const { client } = setup({ clientOptions: { login: '9999@a.example' } });
  await assert.rejects(client.connect(), (error) => error instanceof AuthenticationError && error.rpcMessage === 'Login Incorrect');
});

test('a server that accepts the credential-less login is taken at its word', async () => {
  const gateway = new FakeGateway();
  gateway.handlers.login = () => ({ message: 'logged in' });
  const { client } = setup({ gateways: [gateway] });
  await client.connect();
  assert.equal(gateway.current.requests('login').length, 1);
  assert.equal(client.state, 'ready');
});

test('the sessid is kept per tab in sessionStorage by default and shared in localStorage on request', () => {
  const session = new Map();
  const local = new Map();
  const storage = (map) => ({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) });
  globalThis.sessionStorage = storage(session);
  globalThis.localStorage = storage(local);
  try {
    const options = { login: '1000@a.example', createWebSocket: () => {}, fetch: async () => {} };
    const tab1 = new VertoClient(options);
    const sameTab = new VertoClient(options);
    assert.match(tab1.sessid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(sameTab.sessid, tab1.sessid, 'a reload of the tab keeps the sessid');
    assert.equal(session.get('verto_session_uuid'), tab1.sessid);
    assert.equal(local.size, 0);
    const shared = new VertoClient({ ...options, sessidScope: 'shared' });
    assert.equal(local.get('verto_session_uuid'), shared.sessid);
    assert.notEqual(shared.sessid, tab1.sessid);
  } finally {
    delete globalThis.sessionStorage;
    delete globalThis.localStorage;
  }
});

test('without storage every client makes its own sessid', () => {
  const options = { login: '1000@a.example', createWebSocket: () => {}, fetch: async () => {} };
  assert.notEqual(new VertoClient(options).sessid, new VertoClient(options).sessid);
});

test('bad options are refused at construction with a SetupError that names the option', () => {
  const setupError = (option, pattern) => (e) => e instanceof SetupError && e.code === 'setup' && e.option === option && pattern.test(e.message);
  assert.throws(() => new VertoClient({ login: 'no-domain', createWebSocket: () => {} }), setupError('login', /user@domain/));
  assert.throws(() => new VertoClient({ login: '@a.example', createWebSocket: () => {} }), setupError('login', /user@domain/));
  assert.throws(() => new VertoClient(undefined), setupError('options', /options object/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', createWebSocket: () => {}, sessidScope: 'window' }), setupError('sessidScope', /"tab" or "shared"/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', gateways: 'wss://gw/verto' }), setupError('gateways', /array/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', gateways: ['https://gw/verto'] }), setupError('gateways', /ws:\/\/ or wss:\/\//));
  assert.throws(() => new VertoClient({ login: '1000@a.example', mapUrl: '/v1/partition-map' }), setupError('mapUrl', /no page to resolve/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', WebSocket: 'ws' }), setupError('WebSocket', /function/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', reconnect: { maxAttempts: 0 } }), setupError('reconnect.maxAttempts', />= 1/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', requestTimeoutMs: -1 }), setupError('requestTimeoutMs', /> 0/));
  assert.throws(() => new VertoClient({ login: '1000@a.example', ringtone: { start() {} } }), setupError('ringtone', /stop/));
  assert.throws(
    () => new VertoClient({ login: '1000@a.example', createWebSocket: () => {}, partitionMap: { islands: [{ id: 'x', weight: 0 }] } }),
    (e) => e instanceof PartitionMapError && e.code === 'partition-map' && /islands\[0\]\.weight/.test(e.message),
  );
});

test('calling before the login is refused with a ConnectionError', () => {
  const { client } = setup();
  assert.throws(() => client.call('9196'), ConnectionError);
});

test('disconnect before the login rejects connect and closes the client', async () => {
  const { client, gateway } = setup();
  const connecting = client.connect();
  await until(() => gateway.connections.length === 1);
  await client.disconnect();
  await assert.rejects(connecting, (e) => e instanceof DisconnectedError && e.code === 'disconnected');
  assert.equal(client.state, 'closed');
  assert.ok(gateway.connections.every((c) => c.closed));
});

test('disconnect while the map is being fetched aborts the fetch, resolves at once and opens no socket', async () => {
  const gateway = new FakeGateway();
  const fetches = [];
  const sockets = [];
  const { client } = setup({
    gateways: [gateway],
    fetch: (url, init) => {
      fetches.push(init.signal);
      return new Promise(() => {}); // a map server that never answers
    },
    clientOptions: { createWebSocket: (url) => sockets.push(url) && gateway.createWebSocket(url) },
  });
  const connecting = client.connect();
  await until(() => fetches.length === 1);
  await client.disconnect(); // before the map timeout: the clock does not move
  await assert.rejects(connecting, DisconnectedError);
  assert.equal(fetches[0].aborted, true, 'the fetch was aborted');
  assert.equal(client.state, 'closed');
  assert.deepEqual(sockets, []);
  assert.deepEqual(fetches.length, 1, 'no other map URL was tried');
});

test('disconnect while the socket is opening: the socket is closed as it opens and no login is sent', async () => {
  const gateway = new FakeGateway();
  let client;
  ({ client } = setup({
    gateways: [gateway],
    clientOptions: {
      createWebSocket: (url) => {
        queueMicrotask(() => void client.disconnect()); // before the socket opens (setImmediate)
        return gateway.createWebSocket(url);
      },
    },
  }));
  await assert.rejects(client.connect(), DisconnectedError);
  await until(() => gateway.connections.length === 1 && gateway.connections[0].closed);
  assert.deepEqual(gateway.logins, []);
  assert.equal(client.state, 'closed');
});

test('connect after disconnect starts a new session with the same sessid', async () => {
  const { client, gateway } = setup();
  await client.connect();
  await client.disconnect();
  await client.connect();
  assert.equal(client.state, 'ready');
  assert.deepEqual(
    gateway.logins.map((l) => l.sessid),
    ['sess-0001', 'sess-0001'],
  );
});

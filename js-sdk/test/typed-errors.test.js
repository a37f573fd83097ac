import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, mapFor } from './support/harness.js';
import { FakeGateway } from './support/fake-gateway.js';
import { until } from './support/fake-clock.js';
import { AUDIO_OFFER } from './support/sdp.js';
import {
  VertoError,
  AuthenticationError,
  SessionInUseError,
  WrongIslandError,
  RateLimitedError,
  CallError,
  ConnectionError,
  ListenerError,
  MediaError,
  ArgumentError,
  rpcErrorForTest,
} from './support/errors.js';

test('every wire failure of a login maps to a VertoError with a stable code and a reason', () => {
  const cases = [
    [{ code: -32001, message: 'Login Incorrect' }, AuthenticationError, 'authentication', 'invalid-credentials'],
    [{ code: -32001, message: 'Authentication Failure' }, AuthenticationError, 'authentication', 'invalid-credentials'],
    [{ code: '-32001', message: 'Missing passwd' }, AuthenticationError, 'authentication', 'missing-password'],
    [{ code: -32001, message: 'Missing or improper credentials' }, AuthenticationError, 'authentication', 'missing-credentials'],
    [{ code: -32001, message: 'Something new' }, AuthenticationError, 'authentication', 'refused'],
    [{ code: -32000, message: 'Authentication Required' }, AuthenticationError, 'authentication', 'required'],
    [{ code: -32001, message: 'Session in use' }, SessionInUseError, 'session-in-use', undefined],
  ];
  for (const [wire, type, code, reason] of cases) {
    const error = rpcErrorForTest('login', wire);
    assert.ok(error instanceof type && error instanceof VertoError, `${wire.message} → ${type.name}`);
    assert.equal(error.code, code);
    assert.equal(error.reason, reason);
    assert.equal(error.rpcCode, Number(wire.code));
  }
});

test('gateway errors carry their data as typed members', () => {
  const wrong = rpcErrorForTest('login', { code: -32010, message: 'Wrong island', data: { island: 'fs-02', mapVersion: 7 } });
  assert.ok(wrong instanceof WrongIslandError);
  assert.deepEqual([wrong.code, wrong.island, wrong.mapVersion], ['wrong-island', 'fs-02', 7]);
  const limited = rpcErrorForTest('verto.ping', { code: -32013, message: 'Rate limited', data: { retryAfterMs: 250 } });
  assert.ok(limited instanceof RateLimitedError);
  assert.deepEqual([limited.code, limited.retryAfterMs], ['rate-limited', 250]);
  assert.equal(rpcErrorForTest('login', { code: -32011, message: 'No island available' }).code, 'no-island');
  assert.equal(rpcErrorForTest('login', { code: -32012, message: 'Island unreachable' }).code, 'island-unreachable');
  const notBridged = rpcErrorForTest('verto.modify', { code: -32002, message: 'call is not bridged' });
  assert.ok(notBridged instanceof CallError);
  assert.deepEqual([notBridged.code, notBridged.reason], ['call-error', 'not-bridged']);
  const codeless = rpcErrorForTest('verto.info', { message: 'INVALID MESSAGE to and body params required' });
  assert.deepEqual([codeless.code, codeless.rpcCode], ['rpc', undefined]);
});

test('browser media errors keep their meaning as a reason', () => {
  for (const [name, reason] of [['NotAllowedError', 'permission-denied'], ['SecurityError', 'permission-denied'], ['NotFoundError', 'no-device'], ['OverconstrainedError', 'no-device'], ['NotReadableError', 'device-busy'], ['WeirdError', 'unknown']]) {
    assert.equal(MediaError.reasonOf(Object.assign(new Error('x'), { name })), reason, name);
  }
});

test('a sessid bound to another user is refused with session-in-use and the client stops', async () => {
  const gateway = new FakeGateway();
  gateway.handlers.login = (conn, params) => {
    if (!params.login) return gateway.login(conn, params);
    setImmediate(() => conn.close(1008, 'session in use'));
    return { error: { code: -32001, message: 'Session in use' } };
  };
  const { client, clock } = setup({ gateways: [gateway] });
  await assert.rejects(client.connect(), (e) => e instanceof SessionInUseError && e.code === 'session-in-use');
  await clock.advance(60000);
  assert.equal(gateway.connections.length, 1);
  assert.equal(client.state, 'closed');
});

test('close 1008 is refused: fatal, with code refused', async () => {
  const gateway = new FakeGateway();
  gateway.refuseWith = 1008;
  const { client } = setup({ gateways: [gateway] });
  await assert.rejects(client.connect(), (e) => e instanceof ConnectionError && e.code === 'refused' && e.closeCode === 1008 && e.fatal);
});

test('a rate-limited request rejects with its retryAfterMs', async () => {
  const gateway = new FakeGateway();
  gateway.handlers['verto.subscribe'] = () => ({ error: { code: -32013, message: 'Rate limited', data: { retryAfterMs: 900 } } });
  const { client } = setup({ gateways: [gateway] });
  await client.connect();
  await assert.rejects(client.request('verto.subscribe', { eventChannel: ['x'] }), (e) => e instanceof RateLimitedError && e.retryAfterMs === 900);
});

test('the wrong-island redirect is seen as a typed error on the way', async () => {
  const gateway = new FakeGateway();
  gateway.handlers.login = (conn, params) =>
    conn.island === 'fs-02' || !params.login ? gateway.login(conn, params) : { error: { code: -32010, message: 'Wrong island', data: { island: 'fs-02', mapVersion: 1 } } };
  const map = mapFor([gateway], { islands: [{ id: 'fs-01', state: 'up' }, { id: 'fs-02', state: 'up', role: 'spare' }] });
  const { client, events } = setup({ gateways: [gateway], map });
  await client.connect();
  const redirect = events.find((e) => e.type === 'statechange' && e.payload.reason === 'wrong island').payload;
  assert.ok(redirect.error instanceof WrongIslandError);
  assert.equal(redirect.island, 'fs-02');
  assert.equal(gateway.current.island, 'fs-02');
});

test('a listener whose promise rejects is reported through the error event, not lost', async () => {
  const { client, gateway } = setup({ clientOptions: { media: { RTCPeerConnection: class {}, getUserMedia: async () => Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })) } } });
  const errors = [];
  client.on('error', (e) => errors.push(e));
  client.on('incomingcall', (call) => call.answer());
  await client.connect();
  gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_number: '1001' });
  await until(() => errors.length === 1);
  assert.ok(errors[0] instanceof MediaError);
  assert.equal(errors[0].reason, 'permission-denied');
});

test('a listener that throws a plain error is reported as a ListenerError naming the event', async () => {
  const { client } = setup();
  const errors = [];
  client.on('error', (e) => errors.push(e));
  client.on('login', () => {
    throw new TypeError('oops');
  });
  client.on('login', async () => Promise.reject(new RangeError('async oops')));
  await client.connect();
  await until(() => errors.length === 2);
  assert.ok(errors.every((e) => e instanceof ListenerError && e.code === 'listener' && e.event === 'login'));
  assert.deepEqual(errors.map((e) => e.cause.message).sort(), ['async oops', 'oops']);
  assert.equal(client.state, 'ready', 'a failing listener does not disturb the session');
});

test('a listener that is not a function is refused with an ArgumentError when it is registered, not when the event fires', async () => {
  const { client, gateway } = setup();
  const errors = [];
  client.on('error', (e) => errors.push(e));
  const before = client.listenerCount('login');
  for (const register of ['on', 'once', 'off']) {
    for (const listener of [undefined, null, 'login', { handleEvent() {} }]) {
      assert.throws(
        () => client[register]('login', listener),
        (e) => e instanceof ArgumentError && e instanceof VertoError && e.code === 'invalid-argument' && e.argument === 'listener' && /"login"/.test(e.message),
        `${register}(login, ${String(listener)})`,
      );
    }
  }
  assert.equal(client.listenerCount('login'), before, 'nothing was registered');
  await client.connect();
  gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_number: '1001' });
  await until(() => client.calls.length === 1);
  assert.throws(() => client.calls[0].on('ended', 42), (e) => e instanceof ArgumentError && e.argument === 'listener');
  assert.deepEqual(errors, [], 'nothing failed later');
});

test('listening for an event the client or the call does not have (a typo) is refused with an ArgumentError naming the events', async () => {
  const { client, gateway } = setup();
  assert.throws(
    () => client.on('incomingCall', () => {}),
    (e) => e instanceof ArgumentError && e.argument === 'type' && /"incomingCall"/.test(e.message) && /incomingcall/.test(e.message),
  );
  assert.throws(() => client.once('ended', () => {}), (e) => e instanceof ArgumentError && e.argument === 'type');
  await client.connect();
  gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_number: '1001' });
  await until(() => client.calls.length === 1);
  const call = client.calls[0];
  assert.throws(() => call.on('hangup', () => {}), (e) => e instanceof ArgumentError && e.argument === 'type' && /ended/.test(e.message));
  assert.doesNotThrow(() => call.on('ended', () => {}));
});

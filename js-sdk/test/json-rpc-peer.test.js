import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcPeer } from '../src/rpc/json-rpc-peer.js';
import { FakeClock } from './support/fake-clock.js';
import { RpcError, AuthenticationError, TimeoutError, ConnectionError } from '../src/index.js';

function peer(onRequest = () => undefined) {
  const sent = [];
  const clock = new FakeClock();
  const warnings = [];
  const p = new JsonRpcPeer({ send: (t) => sent.push(JSON.parse(t)), onRequest, clock, requestTimeoutMs: 1000, logger: { warn: (m) => warnings.push(m) } });
  return { p, sent, clock, warnings };
}

test('requests carry jsonrpc 2.0, the method, params and increasing integer ids', () => {
  const { p, sent } = peer();
  void p.request('login', { sessid: 's' });
  void p.request('verto.ping', {});
  assert.deepEqual(sent, [
    { jsonrpc: '2.0', method: 'login', params: { sessid: 's' }, id: 1 },
    { jsonrpc: '2.0', method: 'verto.ping', params: {}, id: 2 },
  ]);
});

test('an answer settles the request with the same id, matched as a string as verto.js does', async () => {
  const { p } = peer();
  const first = p.request('a', {});
  const second = p.request('b', {});
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: '2', result: { two: true } }));
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { one: true } }));
  assert.deepEqual(await first, { one: true });
  assert.deepEqual(await second, { two: true });
  assert.equal(p.pendingCount, 0);
});

test('an error answer rejects with an RpcError that keeps code, message, data and extra members', async () => {
  const { p } = peer();
  const call = p.request('verto.invite', {});
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32002, message: 'CALL ERROR', cause: 'USER_BUSY', data: { x: 1 } } }));
  await assert.rejects(call, (e) => e instanceof RpcError && e.rpcCode === -32002 && e.code === 'call-error' && e.rpcMessage === 'CALL ERROR' && e.details.cause === 'USER_BUSY' && e.data.x === 1 && e.method === 'verto.invite');
});

test('-32001 becomes an AuthenticationError, and a numeric-string code is read as a number', async () => {
  const { p } = peer();
  const login = p.request('login', {});
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: '-32001', message: 'Login Incorrect' } }));
  await assert.rejects(login, (e) => e instanceof AuthenticationError && e.rpcCode === -32001 && e.code === 'authentication');
});

test('a request without an answer rejects with a TimeoutError at its deadline', async () => {
  const { p, clock } = peer();
  const request = assert.rejects(p.request('login', {}), (e) => e instanceof TimeoutError && e.timeoutMs === 1000);
  await clock.advance(1000);
  await request;
  assert.equal(p.pendingCount, 0);
});

test('close rejects every pending request and refuses new ones', async () => {
  const { p } = peer();
  const pending = p.request('a', {});
  p.close(new ConnectionError('gone'));
  await assert.rejects(pending, /gone/);
  await assert.rejects(p.request('b', {}), /gone/);
});

test('a send that throws rejects the request with a ConnectionError', async () => {
  const p = new JsonRpcPeer({ send: () => { throw new Error('socket is not open'); }, onRequest: () => undefined, clock: new FakeClock() });
  await assert.rejects(p.request('a', {}), (e) => e instanceof ConnectionError && /socket is not open/.test(e.message));
  assert.equal(p.pendingCount, 0);
});

test('server requests get the handler result as their answer, with the same id', () => {
  const { p, sent } = peer((method, params) => ({ method, echo: params.x }));
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 9117, method: 'verto.ping', params: { x: 5 } }));
  assert.deepEqual(sent, [{ jsonrpc: '2.0', id: 9117, result: { method: 'verto.ping', echo: 5 } }]);
});

test('a server request without params reaches the handler with an empty object', () => {
  const seen = [];
  const { p } = peer((method, params) => {
    seen.push(params);
    return undefined;
  });
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'verto.clientReady' }));
  assert.deepEqual(seen, [{}]);
});

test('a handler that throws does not break the peer; a callID request is still answered {method}', () => {
  const { p, sent, warnings } = peer(() => {
    throw new Error('boom');
  });
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'verto.bye', params: { callID: 'c' } }));
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'verto.event', params: {} }));
  assert.deepEqual(sent, [{ jsonrpc: '2.0', id: 7, result: { method: 'verto.bye' } }]);
  assert.equal(warnings.length, 2);
});

test('batches are handled element by element', async () => {
  const { p } = peer();
  const a = p.request('a', {});
  const b = p.request('b', {});
  p.receive(JSON.stringify([{ jsonrpc: '2.0', id: 1, result: 1 }, { jsonrpc: '2.0', id: 2, result: 2 }]));
  assert.deepEqual(await Promise.all([a, b]), [1, 2]);
});

test('malformed frames are dropped with a warning and lose nothing', async () => {
  const { p, warnings } = peer();
  const pending = p.request('a', {});
  for (const bad of ['{', 'null', '"text"', '{"jsonrpc":"2.0"}', '#SPU 1000']) p.receive(bad);
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 99, result: {} }));
  assert.equal(warnings.length, 5);
  assert.equal(p.pendingCount, 1);
  p.receive(JSON.stringify({ jsonrpc: '2.0', id: 1, result: 'ok' }));
  assert.equal(await pending, 'ok');
});

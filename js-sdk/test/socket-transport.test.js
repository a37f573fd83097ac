import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SocketTransport, webSocketFactory } from '../src/transport/socket-transport.js';
import { FakeClock, settle } from './support/fake-clock.js';
import { ConnectionError } from '../src/index.js';

class HangingSocket {
  readyState = 0;
  closed = null;
  close(code, reason) {
    this.closed = { code, reason };
  }
}

test('a socket that never opens is abandoned at the connect deadline', async () => {
  const clock = new FakeClock();
  const socket = new HangingSocket();
  const opening = assert.rejects(
    SocketTransport.open('wss://gw/verto', { createWebSocket: () => socket, connectTimeoutMs: 2000, clock }),
    (e) => e instanceof ConnectionError && /timed out after 2000 ms/.test(e.message),
  );
  await clock.advance(2000);
  await opening;
  assert.equal(socket.closed.code, 1000);
});

test('a factory that throws (bad URL) rejects with a ConnectionError', async () => {
  await assert.rejects(
    SocketTransport.open('nope', { createWebSocket: () => { throw new SyntaxError('invalid URL'); }, clock: new FakeClock() }),
    (e) => e instanceof ConnectionError && /invalid URL/.test(e.message),
  );
});

test('binary frames are ignored and close is reported once', async () => {
  const socket = { readyState: 1, close() {}, send() {} };
  const transport = new SocketTransport(socket);
  const texts = [];
  const closes = [];
  transport.onmessage = (t) => texts.push(t);
  transport.onclose = (e) => closes.push(e);
  socket.onmessage({ data: new ArrayBuffer(4) });
  socket.onmessage({ data: '{"a":1}' });
  socket.onclose({ code: 1011, reason: 'internal' });
  socket.onclose?.({ code: 1006 });
  transport.close();
  await settle();
  assert.deepEqual(texts, ['{"a":1}']);
  assert.deepEqual(closes, [{ code: 1011, reason: 'internal', local: false }]);
  assert.throws(() => transport.send('x'), ConnectionError);
});

test('codes an endpoint may not send itself are replaced by 1000 (RFC 6455 §7.4.2)', () => {
  const sent = [];
  const transport = new SocketTransport({ readyState: 1, close: (code) => sent.push(code) });
  transport.close(1006);
  assert.deepEqual(sent, [1000]);
});

test('the platform WebSocket is used when none is injected, and its absence is explained', () => {
  class Impl {
    constructor(url) {
      this.url = url;
    }
  }
  assert.equal(webSocketFactory({ WebSocket: Impl })('wss://x/verto').url, 'wss://x/verto');
  const saved = globalThis.WebSocket;
  delete globalThis.WebSocket;
  try {
    assert.throws(() => webSocketFactory({}), /Node 20 has no global WebSocket/);
  } finally {
    if (saved) globalThis.WebSocket = saved;
  }
});

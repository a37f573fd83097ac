import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/harness.js';
import { until } from './support/fake-clock.js';
import { AUDIO_ANSWER } from './support/sdp.js';
import { HangupError } from '../src/index.js';

async function ready(options) {
  const ctx = setup(options);
  await ctx.client.connect();
  return ctx;
}

async function outboundActive(ctx, destination = '9196') {
  const call = ctx.client.call(destination);
  await call.waitFor('trying');
  ctx.gateway.current.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  return call;
}

test('waitFor rejects when the call ends first and times out on the client clock', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  const never = assert.rejects(call.waitFor('early', { timeoutMs: 1000 }), { name: 'TimeoutError' });
  await ctx.clock.advance(1000);
  await never;
  const held = assert.rejects(call.waitFor('held'), (e) => e instanceof HangupError && e.code === 'hangup' && e.cause === 'NORMAL_CLEARING' && e.reason === 'normal');
  ctx.gateway.current.request('verto.bye', { callID: call.id, cause: 'NORMAL_CLEARING' });
  await held;
});

test('a call whose invite times out ends with REQUEST_TIMEOUT, not a media cause', async () => {
  const ctx = await ready({ clientOptions: { requestTimeoutMs: 2000 } });
  ctx.gateway.handlers['verto.invite'] = () => undefined;
  const call = ctx.client.call('9196');
  await call.waitFor('requesting');
  await until(() => ctx.gateway.current.requests('verto.invite').length === 1);
  await ctx.clock.advance(2000);
  const ended = await call.ended;
  assert.equal(ended.cause, 'REQUEST_TIMEOUT');
  assert.equal(ended.error.name, 'TimeoutError');
});

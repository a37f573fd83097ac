import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/harness.js';
import { until } from './support/fake-clock.js';
import { FakePeerConnection, fakeMedia } from './support/fake-webrtc.js';
import { AUDIO_ANSWER } from './support/sdp.js';
import { MediaError } from '../src/index.js';

async function activeCall(options) {
  const ctx = setup(options);
  await ctx.client.connect();
  const call = ctx.client.call('9196');
  await call.waitFor('trying');
  ctx.gateway.current.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  return { ...ctx, call, pc: FakePeerConnection.instances.at(-1) };
}

test('mediastatechange follows the peer connection, and mediaState reads it', async () => {
  const { call, pc } = await activeCall();
  const changes = [];
  call.on('mediastatechange', (change) => changes.push(change));
  pc.setConnectionState('connecting');
  pc.setConnectionState('connected');
  pc.setConnectionState('disconnected');
  pc.setConnectionState('connected');
  assert.deepEqual(changes, [
    { state: 'connecting', previous: 'new' },
    { state: 'connected', previous: 'connecting' },
    { state: 'disconnected', previous: 'connected' },
    { state: 'connected', previous: 'disconnected' },
  ]);
  assert.equal(call.mediaState, 'connected');
  assert.equal(call.state, 'active', 'a passing disconnect does not end the call');
});

test('without connectionState the ICE state is followed instead', async () => {
  const { call, pc } = await activeCall();
  const states = [];
  call.on('mediastatechange', ({ state }) => states.push(state));
  pc.connectionState = undefined;
  for (const ice of ['checking', 'completed']) {
    pc.iceConnectionState = ice;
    pc.dispatchEvent(new Event('iceconnectionstatechange'));
  }
  assert.deepEqual(states, ['connecting', 'connected']);
});

test('a call whose ICE fails ends with a media cause and tells the island', async () => {
  const { call, pc, gateway } = await activeCall();
  pc.setConnectionState('connected');
  pc.setConnectionState('failed');
  const end = await call.ended;
  assert.equal(end.cause, 'MEDIA_TIMEOUT');
  assert.equal(end.reason, 'media');
  assert.ok(end.error instanceof MediaError);
  assert.equal(end.error.reason, 'connection-failed');
  await until(() => gateway.current.requests('verto.bye').length === 1);
  assert.equal(gateway.current.requests('verto.bye')[0].params.cause, 'MEDIA_TIMEOUT');
});

test('a failed peer connection of a call waiting for its re-attach does not end it', async () => {
  const { call, pc, gateway } = await activeCall();
  gateway.current.close(1006);
  await call.waitFor('recovering');
  pc.setConnectionState('failed');
  assert.equal(call.state, 'recovering');
  assert.equal(call.isEnded, false);
});

test('quality events report loss over the interval, jitter, round-trip time and level with a rating', async () => {
  const { call, pc, clock } = await activeCall();
  const samples = [];
  call.on('quality', (q) => samples.push(q));
  pc.statsList = [
    { id: 'in', type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, bytesReceived: 8000, packetsLost: 0, jitter: 0.004, audioLevel: 0.3 },
    { id: 'out', type: 'outbound-rtp', kind: 'audio', packetsSent: 100, bytesSent: 8000 },
    { id: 'rin', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.02 },
  ];
  await clock.advance(2000);
  pc.statsList = [
    { id: 'in', type: 'inbound-rtp', kind: 'audio', packetsReceived: 190, bytesReceived: 15200, packetsLost: 10, jitter: 0.06, audioLevel: 0.1 },
    { id: 'out', type: 'outbound-rtp', kind: 'audio', packetsSent: 200, bytesSent: 16000 },
    { id: 'rin', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.03 },
  ];
  await clock.advance(2000);
  assert.equal(samples.length, 2);
  assert.deepEqual(
    { loss: samples[0].loss, jitterMs: samples[0].jitterMs, roundTripTimeMs: samples[0].roundTripTimeMs, audioLevel: samples[0].audioLevel, rating: samples[0].rating },
    { loss: 0, jitterMs: 4, roundTripTimeMs: 20, audioLevel: 0.3, rating: 'good' },
  );
  assert.equal(samples[1].loss, 0.1, '10 lost of 100 in the second interval');
  assert.equal(samples[1].rating, 'poor');
  assert.equal(samples[1].packetsReceived, 190);
  assert.equal(samples[1].at, 4000);
});

test('quality sampling stops when the call ends and can be turned off', async () => {
  const { call, clock } = await activeCall();
  let count = 0;
  call.on('quality', () => count++);
  await clock.advance(2000);
  assert.equal(count, 1);
  await call.hangup();
  await clock.advance(10000);
  assert.equal(count, 1);
  const off = await activeCall({ clientOptions: { media: fakeMedia({ qualityIntervalMs: false }) } });
  let offCount = 0;
  off.call.on('quality', () => offCount++);
  await off.clock.advance(10000);
  assert.equal(offCount, 0);
});

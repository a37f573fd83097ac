import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, mapFetch, mapFor } from './support/harness.js';
import { FakeGateway } from './support/fake-gateway.js';
import { until } from './support/fake-clock.js';
import { FakePeerConnection } from './support/fake-webrtc.js';
import { AUDIO_OFFER, AUDIO_ANSWER } from './support/sdp.js';

function twoGateways() {
  return [new FakeGateway('wss://gw-1.test/verto'), new FakeGateway('wss://gw-2.test/verto')];
}

/** A `random` that picks the first endpoint, then returns `value` (the backoff's jitter). */
function firstPickThen(value) {
  let picks = 0;
  return () => (picks++ === 0 ? 0 : value);
}

async function activeCall(ctx) {
  const call = ctx.client.call('1001');
  await call.waitFor('trying');
  ctx.gateway.current.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  return call;
}

/** Kills gw1's socket and lets the client log in again on gw2 (random 0: no jitter). */
async function failOver(ctx, [gw1, gw2]) {
  gw1.current.close(1006);
  await until(() => ctx.client.state === 'reconnecting');
  await ctx.clock.advance(0);
  await until(() => gw2.logins.length === 1);
  await until(() => ctx.client.state === 'ready');
  return gw2.current;
}

test('an answered call survives a dead gateway: recovering, then re-attached on a new peer connection', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways });
  await ctx.client.connect();
  const call = await activeCall(ctx);
  const oldPc = call.peerConnection;
  const log = [];
  call.on('statechange', ({ state }) => log.push(state));
  const conn = await failOver(ctx, gateways);
  assert.equal(call.state, 'recovering');
  assert.deepEqual(gateways[1].logins.map((l) => l.sessid), ['sess-0001'], 'same sessid on the new gateway');

  const attachId = conn.request('verto.attach', { callID: call.id, sdp: AUDIO_OFFER, callee_id_name: 'Bob', callee_id_number: '1001', display_direction: 'inbound' });
  conn.request('verto.clientReady', { reattached_sessions: [call.id] });
  await call.waitFor('active');
  assert.deepEqual(log, ['recovering', 'answering', 'active']);
  assert.deepEqual(conn.answerTo(attachId).result, { method: 'verto.attach' });
  const [attach] = conn.requests('verto.attach');
  assert.equal(attach.params.sdp, AUDIO_ANSWER, 'the new answer to the island offer');
  assert.equal(attach.params.dialogParams.callID, call.id);
  assert.equal(attach.params.dialogParams.attach, true);
  assert.equal(attach.params.sessid, 'sess-0001');
  assert.notEqual(call.peerConnection, oldPc);
  assert.ok(oldPc.closed);
  assert.equal(call.peerConnection.remoteDescription.sdp, AUDIO_OFFER);
  assert.equal(call.peerConnection.config.bundlePolicy, 'max-compat');
  assert.ok(call.localStream.getTracks().every((t) => !t.stopped), 'the microphone stays open across the re-attach');
  assert.equal(ctx.client.calls.length, 1);
  assert.equal(ctx.events.find((e) => e.type === 'clientready').payload.reattachedSessions[0], call.id);
});

test('a held, muted call comes back held and muted', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways });
  await ctx.client.connect();
  const call = await activeCall(ctx);
  await call.hold();
  call.mute();
  const conn = await failOver(ctx, gateways);
  conn.request('verto.attach', { callID: call.id, sdp: AUDIO_OFFER });
  await call.waitFor('held');
  assert.equal(call.held, true);
  assert.equal(call.muted, true);
  assert.ok(call.localStream.getAudioTracks().every((t) => !t.enabled));
});

test('calls not yet answered end when the socket dies, as the island hangs them up', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways });
  await ctx.client.connect();
  const trying = ctx.client.call('1001');
  await trying.waitFor('trying');
  gateways[0].current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER });
  await until(() => ctx.client.calls.length === 2);
  const ringing = ctx.client.calls.find((c) => c.id === 'in-1');
  await failOver(ctx, gateways);
  assert.equal((await trying.ended).cause, 'DESTINATION_OUT_OF_ORDER');
  assert.equal((await ringing.ended).cause, 'DESTINATION_OUT_OF_ORDER');
  assert.equal(ctx.client.calls.length, 0);
});

test('a recovering call that verto.clientReady does not list is ended as not re-attached', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways });
  await ctx.client.connect();
  const call = await activeCall(ctx);
  const conn = await failOver(ctx, gateways);
  conn.request('verto.clientReady', { reattached_sessions: [] });
  const ended = await call.ended;
  assert.equal(ended.cause, 'NOT_REATTACHED');
  assert.equal(conn.requests('verto.bye').length, 0);
});

test('without verto.clientReady the recovering calls are given up after clientReadyTimeoutMs', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways, clientOptions: { clientReadyTimeoutMs: 8000 } });
  await ctx.client.connect();
  const call = await activeCall(ctx);
  await failOver(ctx, gateways);
  await ctx.clock.advance(7999);
  assert.equal(call.state, 'recovering');
  await ctx.clock.advance(1);
  assert.equal((await call.ended).cause, 'NOT_REATTACHED');
});

test('a verto.attach for a call this page does not know (reload) creates a recovered call and answers it', async () => {
  const ctx = setup();
  const recovered = [];
  ctx.client.on('recoveredcall', (call) => recovered.push(call));
  await ctx.client.connect();
  const conn = ctx.gateway.current;
  conn.request('verto.attach', {
    callID: 'a3e4f5d6-7b8c-49d0-8e1f-2a3b4c5d6e7f',
    sdp: AUDIO_OFFER,
    caller_id_name: 'Bob',
    caller_id_number: '1001',
    callee_id_name: 'Alice',
    callee_id_number: '1000',
    display_direction: 'outbound',
  });
  conn.request('verto.clientReady', { reattached_sessions: ['a3e4f5d6-7b8c-49d0-8e1f-2a3b4c5d6e7f'] });
  await until(() => recovered.length === 1);
  const call = recovered[0];
  assert.equal(call.recovered, true);
  assert.equal(call.direction, 'inbound');
  assert.deepEqual(call.remote, { name: 'Bob', number: '1001' });
  await call.waitFor('active');
  assert.equal(conn.requests('verto.attach')[0].params.sdp, AUDIO_ANSWER);
});

test('a verto.attach on a connected call renegotiates media without leaving active', async () => {
  const ctx = setup();
  await ctx.client.connect();
  const call = await activeCall(ctx);
  const log = [];
  call.on('statechange', ({ state }) => log.push(state));
  ctx.gateway.current.request('verto.attach', { callID: call.id, sdp: AUDIO_OFFER });
  await until(() => ctx.gateway.current.requests('verto.attach').length === 1);
  await until(() => log.length === 2);
  assert.deepEqual(log, ['answering', 'active']);
  assert.equal(FakePeerConnection.instances.length, 2);
});

/** Two gateways in a fetched map, a client on the first, and an active call through it. */
async function callThroughFirstOfTwo() {
  const gateways = twoGateways();
  const fetch = mapFetch({ 'https://map.test/': mapFor(gateways) });
  const ctx = setup({ gateways, fetch, clientOptions: { random: firstPickThen(0.999) } });
  await ctx.client.connect();
  await activeCall(ctx);
  return { gateways, fetch, ctx };
}

test('the first loss of a socket under a call is retried at once on the next gateway, with the map the client has and credentials at once', async () => {
  const { gateways, fetch, ctx } = await callThroughFirstOfTwo();
  const fetches = fetch.calls.length;
  gateways[0].current.close(1006);
  await until(() => ctx.events.some((e) => e.type === 'reconnecting'));
  assert.equal(ctx.events.find((e) => e.type === 'reconnecting').payload.delayMs, 0, 'no backoff before the first retry');
  await ctx.clock.advance(0);
  await until(() => gateways[1].logins.length === 1);
  assert.equal(fetch.calls.length, fetches, 'no map fetch before the retry');
  const logins = gateways[1].current.requests('login');
  assert.equal(logins.length, 1, 'no credential-less login first');
  assert.equal(logins[0].params.login, '1000@a.example');
  assert.equal(logins[0].params.sessid, 'sess-0001');
});

test('a retry that fails again waits within the short call window, and fetches the map first', async () => {
  const { gateways, fetch, ctx } = await callThroughFirstOfTwo();
  gateways[1].refuseWith = 1011;
  const fetches = fetch.calls.length;
  gateways[0].current.close(1006);
  await until(() => ctx.events.some((e) => e.type === 'reconnecting'));
  await ctx.clock.advance(0);
  await until(() => ctx.events.filter((e) => e.type === 'reconnecting').length === 2);
  const [first, second] = ctx.events.filter((e) => e.type === 'reconnecting').map((e) => e.payload);
  assert.equal(first.delayMs, 0);
  assert.equal(second.attempt, 2);
  assert.equal(second.delayMs, 999, 'within the doubled 0.5 s call window, not the 4 s idle one');
  assert.equal(fetch.calls.length, fetches, 'no fetch yet');
  await ctx.clock.advance(999);
  await until(() => fetch.calls.length === fetches + 1);
});

test('a session without calls keeps its backoff after a lost socket', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways, clientOptions: { random: firstPickThen(0.5) } });
  await ctx.client.connect();
  gateways[0].current.close(1006);
  await until(() => ctx.events.some((e) => e.type === 'reconnecting'));
  assert.equal(ctx.events.find((e) => e.type === 'reconnecting').payload.delayMs, 2000);
});

test('a second socket loss during the re-attach puts the call back to recovering', async () => {
  const gateways = twoGateways();
  const ctx = setup({ gateways });
  await ctx.client.connect();
  const call = await activeCall(ctx);
  const conn = await failOver(ctx, gateways);
  gateways[1].handlers['verto.attach'] = () => undefined; // the answer never comes
  conn.request('verto.attach', { callID: call.id, sdp: AUDIO_OFFER });
  await call.waitFor('answering');
  conn.close(1006);
  await until(() => call.state === 'recovering' || call.isEnded);
  assert.equal(call.state, 'recovering');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/harness.js';
import { until } from './support/fake-clock.js';
import { FakePeerConnection } from './support/fake-webrtc.js';
import { AUDIO_OFFER, AUDIO_ANSWER } from './support/sdp.js';
import { CallStateError, MediaError, RpcError } from '../src/index.js';

async function ready(options) {
  const ctx = setup(options);
  await ctx.client.connect();
  return ctx;
}

function stateLog(call) {
  const log = [];
  call.on('statechange', ({ state }) => log.push(state));
  return log;
}

async function outboundActive(ctx, destination = '9196') {
  const call = ctx.client.call(destination);
  await call.waitFor('trying');
  const conn = ctx.gateway.current;
  conn.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  return call;
}

test('an outbound call sends a complete non-trickle offer from a max-compat peer connection in verto.invite', async () => {
  const ctx = await ready();
  const call = ctx.client.call('9196');
  const log = stateLog(call);
  assert.equal(call.state, 'new');
  assert.equal(call.direction, 'outbound');
  await call.waitFor('trying');
  const [invite] = ctx.gateway.current.requests('verto.invite');
  assert.equal(FakePeerConnection.instances[0].config.bundlePolicy, 'max-compat');
  assert.equal(invite.params.sdp, AUDIO_OFFER, 'the SDP after gathering, with its candidate');
  assert.match(invite.params.sdp, /a=candidate:/);
  assert.equal(invite.params.sessid, 'sess-0001');
  assert.deepEqual(invite.params.dialogParams, {
    callID: call.id,
    destination_number: '9196',
    caller_id_name: '1000',
    caller_id_number: '1000',
    remote_caller_id_name: 'Outbound Call',
    remote_caller_id_number: '9196',
    useVideo: false,
    useStereo: false,
    screenShare: false,
    login: '1000@a.example',
  });
  assert.match(call.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(log, ['requesting', 'trying']);
});

test('every outbound call gets a fresh callID', async () => {
  const ctx = await ready();
  const a = ctx.client.call('9196');
  const b = ctx.client.call('1001');
  assert.notEqual(a.id, b.id);
  assert.deepEqual(ctx.client.calls.map((c) => c.id).sort(), [a.id, b.id].sort());
});

test('early media applies the island answer, then verto.answer without SDP makes the call active', async () => {
  const ctx = await ready();
  const call = ctx.client.call('9196');
  const log = stateLog(call);
  await call.waitFor('trying');
  const conn = ctx.gateway.current;
  const mediaId = conn.request('verto.media', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('early');
  assert.equal(call.peerConnection.remoteDescription.sdp, AUDIO_ANSWER);
  assert.ok(call.remoteStream, 'the remote stream is there with early media');
  const answerId = conn.request('verto.answer', { callID: call.id });
  await call.waitFor('active');
  assert.deepEqual(log, ['requesting', 'trying', 'early', 'active']);
  await until(() => conn.answerTo(answerId));
  assert.deepEqual(conn.answerTo(mediaId).result, { method: 'verto.media' });
  assert.deepEqual(conn.answerTo(answerId).result, { method: 'verto.answer' });
});

test('verto.media and verto.answer racing ahead of the invite result still end active', async () => {
  const ctx = await ready();
  ctx.gateway.handlers['verto.invite'] = (conn, params, message) => {
    conn.request('verto.media', { callID: params.dialogParams.callID, sdp: AUDIO_ANSWER });
    conn.request('verto.answer', { callID: params.dialogParams.callID });
    setImmediate(() => conn.send({ jsonrpc: '2.0', id: message.id, result: { message: 'CALL CREATED' } }));
    return undefined;
  };
  const call = ctx.client.call('9196');
  await call.waitFor('active');
  assert.equal(call.state, 'active');
});

test('a failed invite ends the call with the island cause and no bye', async () => {
  const ctx = await ready();
  ctx.gateway.handlers['verto.invite'] = () => ({ error: { code: -32002, message: 'CALL ERROR', cause: 'NO_ROUTE_DESTINATION', causeCode: 3 } });
  const call = ctx.client.call('5555');
  const ended = await call.ended;
  assert.equal(ended.cause, 'NO_ROUTE_DESTINATION');
  assert.equal(ended.causeCode, 3);
  assert.ok(ended.error instanceof RpcError);
  assert.equal(call.state, 'destroy');
  assert.equal(ctx.gateway.current.requests('verto.bye').length, 0);
  assert.equal(ctx.client.calls.length, 0);
  assert.ok(FakePeerConnection.instances[0].closed);
});

test('a microphone refusal ends the call with a MediaError before anything is sent', async () => {
  const ctx = await ready({ clientOptions: { media: { RTCPeerConnection: FakePeerConnection, getUserMedia: async () => Promise.reject(new Error('Permission denied')) } } });
  const call = ctx.client.call('9196');
  const ended = await call.ended;
  assert.ok(ended.error instanceof MediaError);
  assert.match(ended.error.message, /microphone unavailable: Permission denied/);
  assert.equal(ended.cause, 'MEDIA_ERROR');
  assert.equal(ctx.gateway.current.requests('verto.invite').length, 0);
});

test('ICE gathering that yields no candidate ends the call with a MediaError', async () => {
  const ctx = await ready();
  FakePeerConnection.gather = false;
  const call = ctx.client.call('9196');
  await until(() => FakePeerConnection.instances.length === 1);
  await ctx.clock.advance(5000);
  const ended = await call.ended;
  assert.ok(ended.error instanceof MediaError);
  assert.match(ended.error.message, /no candidate/);
});

test('ICE gathering waits at most the grace time after the first candidate', async () => {
  const ctx = await ready({ clientOptions: { media: { RTCPeerConnection: FakePeerConnection, getUserMedia: async () => ({ getAudioTracks: () => [], getTracks: () => [] }), candidateGraceMs: 300 } } });
  FakePeerConnection.gather = false;
  const call = ctx.client.call('9196');
  await until(() => FakePeerConnection.instances[0]?.localDescription);
  const pc = FakePeerConnection.instances[0];
  pc.localDescription = { type: 'offer', sdp: AUDIO_OFFER };
  pc.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { candidate: 'x' } }));
  await ctx.clock.advance(299);
  assert.equal(call.state, 'new');
  await ctx.clock.advance(1);
  await call.waitFor('trying');
});

test('hangup of an active call sends verto.bye with the cause and ends the call', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  const log = stateLog(call);
  const ended = await call.hangup();
  const [bye] = ctx.gateway.current.requests('verto.bye');
  assert.equal(bye.params.cause, 'NORMAL_CLEARING');
  assert.equal(bye.params.dialogParams.callID, call.id);
  assert.deepEqual(log, ['hangup', 'destroy']);
  assert.equal(ended.cause, 'NORMAL_CLEARING');
  assert.ok(call.peerConnection.closed);
  assert.ok(call.localStream.getTracks().every((t) => t.stopped), 'the microphone is released');
});

test('hangup while the invite is in flight sends the bye once the island made the call', async () => {
  const ctx = await ready();
  let answerInvite;
  ctx.gateway.handlers['verto.invite'] = (conn, params, message) => {
    answerInvite = () => conn.send({ jsonrpc: '2.0', id: message.id, result: { message: 'CALL CREATED' } });
    return undefined;
  };
  const call = ctx.client.call('9196');
  await call.waitFor('requesting');
  await until(() => answerInvite);
  const ending = call.hangup({ cause: 'ORIGINATOR_CANCEL' });
  assert.equal(call.state, 'hangup');
  assert.equal(ctx.gateway.current.requests('verto.bye').length, 0);
  answerInvite();
  const ended = await ending;
  assert.equal(ended.cause, 'ORIGINATOR_CANCEL');
  assert.equal(ctx.gateway.current.requests('verto.bye')[0].params.cause, 'ORIGINATOR_CANCEL');
});

test('hangup before the invite was sent ends the call silently', async () => {
  const ctx = await ready();
  const call = ctx.client.call('9196');
  await call.hangup();
  assert.equal(call.state, 'destroy');
  await until(() => true);
  assert.equal(ctx.gateway.current.requests('verto.invite').length, 0);
  assert.equal(ctx.gateway.current.requests('verto.bye').length, 0);
});

test('a verto.bye from the island ends the call with its cause, answered {method} and no bye back', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  const conn = ctx.gateway.current;
  const id = conn.request('verto.bye', { callID: call.id, cause: 'USER_BUSY', causeCode: 17 });
  const ended = await call.ended;
  assert.deepEqual([ended.cause, ended.causeCode], ['USER_BUSY', 17]);
  await until(() => conn.answerTo(id));
  assert.deepEqual(conn.answerTo(id).result, { method: 'verto.bye' });
  assert.equal(conn.requests('verto.bye').length, 0);
});

test('an incoming call rings, is answered {method} at once, and answer() sends a complete answer', async () => {
  const ctx = await ready();
  const conn = ctx.gateway.current;
  const inviteId = conn.request('verto.invite', {
    callID: 'a3e4f5d6-7b8c-49d0-8e1f-2a3b4c5d6e7f',
    sdp: AUDIO_OFFER,
    caller_id_name: 'Bob',
    caller_id_number: '1001',
    callee_id_name: 'Alice',
    callee_id_number: '1000',
    display_direction: 'outbound',
  });
  await until(() => ctx.client.calls.length === 1);
  const call = ctx.events.find((e) => e.type === 'incomingcall').payload;
  assert.equal(call.state, 'ringing');
  assert.equal(call.direction, 'inbound');
  assert.deepEqual(call.remote, { name: 'Bob', number: '1001' });
  await until(() => conn.answerTo(inviteId));
  assert.deepEqual(conn.answerTo(inviteId).result, { method: 'verto.invite' });
  const log = stateLog(call);
  await call.answer();
  const [answer] = conn.requests('verto.answer');
  assert.equal(answer.params.sdp, AUDIO_ANSWER);
  assert.equal(answer.params.dialogParams.callID, call.id);
  assert.equal(FakePeerConnection.instances[0].remoteDescription.sdp, AUDIO_OFFER);
  assert.equal(FakePeerConnection.instances[0].config.bundlePolicy, 'max-compat');
  assert.deepEqual(log, ['answering', 'active']);
});

test('an incoming call rejected with hangup sends verto.bye with the given cause', async () => {
  const ctx = await ready();
  const conn = ctx.gateway.current;
  conn.request('verto.invite', { callID: 'c-1', sdp: AUDIO_OFFER, caller_id_name: 'Bob', caller_id_number: '1001' });
  await until(() => ctx.client.calls.length === 1);
  await ctx.client.calls[0].hangup({ cause: 'CALL_REJECTED' });
  assert.equal(conn.requests('verto.bye')[0].params.cause, 'CALL_REJECTED');
});

test('answering a call that is not ringing is refused with a CallStateError', async () => {
  const ctx = await ready();
  const call = ctx.client.call('9196');
  await assert.rejects(call.answer(), CallStateError);
});

test('a remote offer the peer connection rejects fails the answer and hangs up', async () => {
  const ctx = await ready();
  const conn = ctx.gateway.current;
  conn.request('verto.invite', { callID: 'c-2', sdp: AUDIO_OFFER });
  await until(() => ctx.client.calls.length === 1);
  FakePeerConnection.failRemote = true;
  const call = ctx.client.calls[0];
  await assert.rejects(call.answer(), MediaError);
  const ended = await call.ended;
  assert.equal(ended.cause, 'MEDIA_ERROR');
  assert.equal(conn.requests('verto.bye').length, 1, 'the island knows the call, so it is told');
});

test('an incoming invite without SDP cannot be answered and says so', async () => {
  const ctx = await ready();
  ctx.gateway.current.request('verto.invite', { callID: 'c-3' });
  await until(() => ctx.client.calls.length === 1);
  await assert.rejects(ctx.client.calls[0].answer(), /no usable SDP offer/);
});

test('DTMF goes out as verto.info with the digits and the callID', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  await call.dtmf('1');
  await call.dtmf('12#*@200+a');
  const infos = ctx.gateway.current.requests('verto.info');
  assert.deepEqual(infos.map((i) => i.params.dtmf), ['1', '12#*@200+A']);
  assert.equal(infos[0].params.dialogParams.callID, call.id);
});

test('invalid DTMF is refused before anything is sent', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  for (const bad of ['', 'E', '12 3', '@100', '1@', '1++2', '1@abc', null, {}]) {
    await assert.rejects(call.dtmf(bad), /DTMF/, JSON.stringify(bad));
  }
  assert.equal(ctx.gateway.current.requests('verto.info').length, 0);
});

test('DTMF on a call that is not connected is refused with a CallStateError', async () => {
  const ctx = await ready();
  const call = ctx.client.call('9196');
  await call.waitFor('trying');
  await assert.rejects(async () => call.dtmf('1'), CallStateError);
});

test('hold and unhold follow the holdState the island reports', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  const log = stateLog(call);
  assert.equal(await call.hold(), true);
  assert.equal(call.state, 'held');
  assert.equal(call.held, true);
  assert.equal(await call.unhold(), false);
  assert.deepEqual(log, ['held', 'active']);
  assert.deepEqual(ctx.gateway.current.requests('verto.modify').map((m) => m.params.action), ['hold', 'unhold']);
});

test('the hold state in an error answer is applied too', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  ctx.gateway.handlers['verto.modify'] = () => ({ error: { code: -32002, message: 'odd', holdState: 'held' } });
  await assert.rejects(call.toggleHold(), RpcError);
  assert.equal(call.state, 'held');
});

test('mute disables the microphone track locally and tells listeners', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  const changes = [];
  call.on('mute', (e) => changes.push(e.muted));
  call.mute();
  assert.equal(call.muted, true);
  assert.ok(call.localStream.getAudioTracks().every((t) => !t.enabled));
  call.unmute();
  assert.ok(call.localStream.getAudioTracks().every((t) => t.enabled));
  assert.deepEqual(changes, [true, false]);
  assert.equal(ctx.gateway.current.requests('verto.modify').length, 0, 'mute is not signalled');
});

test('stats reduce getStats to the audio figures of inbound-rtp and outbound-rtp', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  assert.deepEqual(await call.stats(), {
    packetsReceived: 150,
    packetsSent: 149,
    bytesReceived: 12000,
    bytesSent: 11800,
    packetsLost: 1,
    jitter: 0.004,
    audioLevel: 0.25,
    roundTripTime: 0.012,
  });
});

test('verto.display updates the remote party', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  const seen = [];
  call.on('display', (d) => seen.push(d));
  ctx.gateway.current.request('verto.display', { callID: call.id, display_name: 'Echo Test', display_number: '9196' });
  await until(() => seen.length === 1);
  assert.deepEqual(call.remote, { name: 'Echo Test', number: '9196' });
});

test('unknown methods are answered {method} when they carry a callID and ignored otherwise', async () => {
  const ctx = await ready();
  const conn = ctx.gateway.current;
  const withCall = conn.request('verto.prompt', { callID: 'x-1', type: 'dtmf' });
  const without = conn.request('verto.announce', { msg: ['hello'] });
  const unknownCall = conn.request('verto.media', { callID: 'nobody', sdp: AUDIO_ANSWER });
  const event = conn.request('verto.event', { eventChannel: 'presence', data: { a: 1 } });
  await until(() => conn.answers.length >= 2 && ctx.events.some((e) => e.type === 'event'));
  await until(() => true);
  assert.deepEqual(conn.answerTo(withCall).result, { method: 'verto.prompt' });
  assert.deepEqual(conn.answerTo(unknownCall).result, { method: 'verto.media' });
  assert.equal(conn.answerTo(without), undefined);
  assert.equal(conn.answerTo(event), undefined, 'events get no answer');
  assert.ok(conn.answers.every((a) => !('error' in a)), 'never an error object');
  assert.deepEqual(ctx.events.find((e) => e.type === 'event').payload, { eventChannel: 'presence', data: { a: 1 } });
});

test('a malformed frame from the server is dropped without harm', async () => {
  const warnings = [];
  const ctx = await ready({ clientOptions: { logger: { warn: (m) => warnings.push(m) } } });
  ctx.gateway.current.socket.deliver('{not json');
  ctx.gateway.current.socket.deliver('42');
  const call = await outboundActive(ctx);
  assert.equal(call.state, 'active');
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /not JSON/);
});

test('disconnect hangs up live calls first', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  await ctx.client.disconnect();
  assert.equal(call.state, 'destroy');
  assert.equal(ctx.gateway.connections[0].requests('verto.bye').length, 1);
});

test('disconnect with keepCalls leaves the calls to the island without a bye', async () => {
  const ctx = await ready();
  const call = await outboundActive(ctx);
  await ctx.client.disconnect({ keepCalls: true });
  const ended = await call.ended;
  assert.equal(ended.cause, 'CLIENT_CLOSED');
  assert.equal(ctx.gateway.connections[0].requests('verto.bye').length, 0);
});

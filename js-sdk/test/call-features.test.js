import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, socketRouter, mapFor } from './support/harness.js';
import { until } from './support/fake-clock.js';
import { FakePeerConnection, fakeMedia } from './support/fake-webrtc.js';
import { AUDIO_ANSWER, AUDIO_OFFER } from './support/sdp.js';
import { VertoClient, ArgumentError, CallError, CallStateError, MediaError, RpcError } from '../src/index.js';

async function activeCall(ctx) {
  await ctx.client.connect();
  const call = ctx.client.call('1001');
  await call.waitFor('trying');
  ctx.gateway.current.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  return call;
}

/** A second client of the same fake gateway, logged in as another user. */
async function peer(ctx, login = '1001@a.example') {
  const client = new VertoClient({
    login,
    passwd: '1234',
    partitionMap: mapFor([ctx.gateway]),
    createWebSocket: socketRouter([ctx.gateway]),
    sessid: `sess-${login}`,
    clock: ctx.clock,
    random: () => 0,
    media: fakeMedia(),
  });
  await client.connect();
  return client;
}

/** An `<audio>` element as far as playback goes; `refuse` makes play() fail as a blocked autoplay does. */
function audioElement({ refuse = false } = {}) {
  return {
    srcObject: null,
    autoplay: false,
    plays: 0,
    refuse,
    async play() {
      this.plays++;
      if (this.refuse) throw Object.assign(new Error('play() failed because the user did not interact'), { name: 'NotAllowedError' });
    },
  };
}

test('transfer sends verto.modify transfer with the destination; the bye that follows ends the call as transferred', async () => {
  const ctx = setup();
  const call = await activeCall(ctx);
  await call.transfer(' 1002 ');
  const [modify] = ctx.gateway.current.requests('verto.modify');
  assert.deepEqual(modify.params, { action: 'transfer', destination: '1002', dialogParams: { callID: call.id }, sessid: 'sess-0001' });
  const end = await call.ended;
  assert.equal(end.reason, 'transferred');
  assert.equal(end.cause, 'NORMAL_CLEARING');
  assert.equal(call.transferredTo, '1002');
  assert.equal(ctx.gateway.current.requests('verto.bye').length, 0, 'the island ended the leg: no bye back');
});

test('a refused transfer rejects with a typed CallError and the call goes on', async () => {
  const ctx = setup();
  const call = await activeCall(ctx);
  ctx.gateway.unbridged.add(call.id);
  await assert.rejects(call.transfer('1002'), (e) => e instanceof CallError && e.code === 'call-error' && e.reason === 'not-bridged');
  assert.equal(call.state, 'active');
  assert.equal(call.transferredTo, null);
  await assert.rejects(call.transfer(''), ArgumentError);
  const ringing = setup();
  await ringing.client.connect();
  ringing.gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER });
  await until(() => ringing.client.calls.length === 1);
  await assert.rejects(ringing.client.calls[0].transfer('1002'), CallStateError);
});

test('chat between two users: client.sendMessage and the typed message event', async () => {
  const ctx = setup();
  await ctx.client.connect();
  const bob = await peer(ctx);
  const received = [];
  bob.on('message', (m) => received.push(m));
  await ctx.client.sendMessage('1001', 'hello bob');
  const [info] = ctx.gateway.connections[0].requests('verto.info');
  assert.deepEqual(info.params.msg, { to: '1001@a.example', body: 'hello bob', from: '1000@a.example' });
  await until(() => received.length === 1);
  assert.deepEqual(received[0], { from: '1000@a.example', to: '1001@a.example', body: 'hello bob', callID: undefined, call: null });
});

test('a message inside a call goes to the other party, and a message from the party reaches the call', async () => {
  const ctx = setup();
  const call = await activeCall(ctx);
  const bob = await peer(ctx);
  const bobGot = [];
  bob.on('message', (m) => bobGot.push(m.body));
  await call.sendMessage('are you there?');
  const info = ctx.gateway.connections[0].requests('verto.info').at(-1);
  assert.deepEqual(info.params, { msg: { to: '1001@a.example', body: 'are you there?', from: '1000@a.example', inDialog: true }, dialogParams: { callID: call.id }, sessid: 'sess-0001' });
  await until(() => bobGot.length === 1);
  const inCall = [];
  call.on('message', (m) => inCall.push(m));
  const atClient = [];
  ctx.client.on('message', (m) => atClient.push(m));
  await bob.sendMessage('1000@a.example', 'yes');
  await until(() => inCall.length === 1 && atClient.length === 1);
  assert.equal(inCall[0].body, 'yes');
  assert.equal(atClient[0].call, call);
});

test('chat refuses an empty text or recipient before sending, and reports the island refusal', async () => {
  const ctx = setup();
  await ctx.client.connect();
  await assert.rejects(ctx.client.sendMessage('', 'x'), (e) => e instanceof ArgumentError && e.argument === 'to');
  await assert.rejects(ctx.client.sendMessage('1001', ''), (e) => e instanceof ArgumentError && e.argument === 'body');
  ctx.gateway.handlers['verto.info'] = () => ({ error: { message: 'INVALID MESSAGE to and body params required' } });
  await assert.rejects(ctx.client.sendMessage('1001', 'hi'), (e) => e instanceof RpcError && e.code === 'rpc' && e.rpcCode === undefined);
});

test('attachAudio plays the remote stream, follows a re-attach and empties the element at the end', async () => {
  const ctx = setup();
  const call = await activeCall(ctx);
  const element = audioElement();
  call.attachAudio(element);
  assert.equal(element.srcObject, FakePeerConnection.instances.at(-1).remoteStream);
  assert.equal(element.autoplay, true);
  assert.equal(element.plays, 1);
  ctx.gateway.current.close(1006);
  await call.waitFor('recovering');
  await ctx.clock.advance(500);
  await until(() => ctx.gateway.current?.loggedIn);
  ctx.gateway.current.request('verto.attach', { callID: call.id, sdp: AUDIO_OFFER });
  await call.waitFor('active');
  assert.equal(element.srcObject, FakePeerConnection.instances.at(-1).remoteStream, 'the new peer connection stream');
  assert.equal(element.plays, 2);
  await call.hangup();
  assert.equal(element.srcObject, null);
});

test('a blocked autoplay emits audioblocked once, and resumeAudio plays from the next click', async () => {
  const ctx = setup();
  const call = await activeCall(ctx);
  const blocked = [];
  call.on('audioblocked', (e) => blocked.push(e));
  const element = audioElement({ refuse: true });
  call.attachAudio(element);
  await until(() => blocked.length === 1);
  assert.equal(blocked[0].element, element);
  assert.equal(call.audioBlocked, true);
  await assert.rejects(call.resumeAudio(), (e) => e instanceof MediaError && e.reason === 'autoplay-blocked');
  assert.equal(blocked.length, 1, 'still blocked: no second event');
  element.refuse = false;
  await call.resumeAudio();
  assert.equal(call.audioBlocked, false);
  assert.throws(() => call.attachAudio({}), ArgumentError);
});

test('the ringtone hook starts when an inbound call rings and stops once, whatever ends the ringing', async () => {
  const log = [];
  const ringtone = { start: (call) => log.push(`start ${call.id}`), stop: (call) => log.push(`stop ${call.id}`) };
  const ctx = setup({ clientOptions: { ringtone } });
  await ctx.client.connect();
  ctx.gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER });
  await until(() => log.length === 1);
  await ctx.client.calls[0].answer();
  ctx.gateway.current.request('verto.invite', { callID: 'in-2', sdp: AUDIO_OFFER });
  await until(() => log.length === 3);
  ctx.gateway.current.request('verto.bye', { callID: 'in-2', cause: 'ORIGINATOR_CANCEL' });
  await until(() => log.length === 4);
  assert.deepEqual(log, ['start in-1', 'stop in-1', 'start in-2', 'stop in-2']);
  const outbound = ctx.client.call('9196');
  await outbound.waitFor('trying');
  assert.equal(log.length, 4, 'outbound calls do not ring here');
});

test('a ringtone hook that throws is reported and the call still rings', async () => {
  const ctx = setup({ clientOptions: { ringtone: { start: () => { throw new Error('no audio context'); }, stop: () => {} } } });
  const errors = [];
  ctx.client.on('error', (e) => errors.push(e));
  await ctx.client.connect();
  ctx.gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER });
  await until(() => errors.length === 1);
  assert.equal(errors[0].event, 'ringtone.start');
  assert.equal(ctx.client.calls[0].state, 'ringing');
});

test('hangup causes fold into reasons a page can word', async () => {
  const ctx = setup();
  await ctx.client.connect();
  const reasons = [];
  for (const [id, cause] of [['b1', 'USER_BUSY'], ['b2', 'NO_ANSWER'], ['b3', 'UNALLOCATED_NUMBER'], ['b4', 'ORIGINATOR_CANCEL'], ['b5', 'SOMETHING_NEW']]) {
    ctx.gateway.current.request('verto.invite', { callID: id, sdp: AUDIO_OFFER });
    await until(() => ctx.client.calls.some((c) => c.id === id));
    const call = ctx.client.calls.find((c) => c.id === id);
    ctx.gateway.current.request('verto.bye', { callID: id, cause });
    reasons.push((await call.ended).reason);
  }
  assert.deepEqual(reasons, ['busy', 'no-answer', 'not-found', 'cancelled', 'failed']);
});

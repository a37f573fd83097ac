import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../js-sdk/src/index.js';
import { createSoftphone } from '../src/softphone.js';
import { FakeGateway } from '../../js-sdk/test/support/fake-gateway.js';
import { FakeClock, until } from '../../js-sdk/test/support/fake-clock.js';
import { fakeMedia } from '../../js-sdk/test/support/fake-webrtc.js';
import { mapFetch, mapFor } from '../../js-sdk/test/support/harness.js';
import { AUDIO_OFFER, AUDIO_ANSWER } from '../../js-sdk/test/support/sdp.js';

function phone({ demo = { users: ['1000@a.example', '1001@a.example'], password: '1234', echo: '9196' }, ringtone, media } = {}) {
  const gateway = new FakeGateway();
  const clock = new FakeClock();
  const maps = mapFetch({ 'https://gw.test/v1/partition-map': mapFor([gateway]) });
  const fetch = async (url, init) => {
    if (url === '/v1/demo') return demo ? { ok: true, status: 200, json: async () => demo } : { ok: false, status: 404, json: async () => ({}) };
    return maps(url, init);
  };
  const softphone = createSoftphone({
    sdk,
    fetch,
    now: () => clock.now(),
    ringtone,
    clientOptions: () => ({ mapUrl: 'https://gw.test/v1/partition-map', fetch, createWebSocket: gateway.createWebSocket, clock, random: () => 0.5, media: fakeMedia(media), sessid: 'sess-demo' }),
  });
  const snapshots = [];
  softphone.onChange((s) => snapshots.push(structuredClone(s)));
  return { softphone, gateway, clock, snapshots };
}

test('signing in shows the phone with the island and gateway the client landed on', async () => {
  const { softphone } = phone();
  assert.equal(await softphone.login('1000@a.example', '1234'), true);
  assert.equal(softphone.state.phase, 'phone');
  assert.equal(softphone.state.island, 'fs-01');
  assert.equal(softphone.state.gateway, 'gw-1');
  assert.equal(softphone.view.state, 'ready');
  assert.equal(softphone.view.island, 'fs-01');
  assert.equal(softphone.view.gateway, 'gw-1');
  assert.equal(softphone.view.lastError, null);
});

test('a wrong password brings the login form back with a clear message', async () => {
  const { softphone } = phone();
  assert.equal(await softphone.login('1000@a.example', 'nope'), false);
  assert.equal(softphone.state.phase, 'login');
  assert.equal(softphone.state.error.text, 'Wrong user or password.');
  assert.equal(softphone.view.lastError.name, 'AuthenticationError');
  assert.equal(softphone.view.lastError.code, 'authentication');
});

test('a login without a domain is refused before any network', async () => {
  const { softphone, gateway } = phone();
  assert.equal(await softphone.login('1000', '1234'), false);
  assert.match(softphone.state.error.text, /user@domain/);
  assert.equal(gateway.connections.length, 0);
});

test('demo users come from /v1/demo, and a 404 leaves the list empty', async () => {
  const demoPhone = phone();
  assert.deepEqual((await demoPhone.softphone.loadDemo()).users, ['1000@a.example', '1001@a.example']);
  const production = phone({ demo: null });
  assert.equal(await production.softphone.loadDemo(), null);
  assert.equal(production.softphone.state.demo, null);
});

test('a call to the echo test goes active and window.softphone.stats() reports the four audio figures', async () => {
  const { softphone, gateway } = phone();
  await softphone.login('1000@a.example', '1234');
  const call = softphone.dial('9196');
  await call.waitFor('trying');
  gateway.current.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  assert.equal(softphone.state.call.state, 'active');
  assert.equal(softphone.view.call.state, 'active');
  assert.ok(softphone.state.call.answeredAt !== null);
  assert.deepEqual(await softphone.view.stats(), { packetsReceived: 150, packetsSent: 149, audioLevel: 0.25, bytesReceived: 12000 });
  await softphone.dtmf('5');
  assert.equal(gateway.current.requests('verto.info')[0].params.dtmf, '5');
  softphone.toggleMute();
  assert.equal(softphone.state.call.muted, true);
  await softphone.toggleHold();
  assert.equal(softphone.state.call.held, true);
  await softphone.hangup();
  assert.equal(softphone.state.call, null);
  assert.equal(softphone.state.lastCall.endedText, 'Call ended');
});

test('stats without a call are zeros, not an error', async () => {
  const { softphone } = phone();
  assert.deepEqual(await softphone.view.stats(), { packetsReceived: 0, packetsSent: 0, audioLevel: 0, bytesReceived: 0 });
});

test('an incoming call rings and is answered; a second caller meanwhile hears busy', async () => {
  const { softphone, gateway } = phone();
  await softphone.login('1000@a.example', '1234');
  gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_name: 'Bob', caller_id_number: '1001' });
  await until(() => softphone.state.call?.state === 'ringing');
  assert.deepEqual(softphone.state.call.remote, { name: 'Bob', number: '1001' });
  await softphone.answer();
  assert.equal(softphone.state.call.state, 'active');
  gateway.current.request('verto.invite', { callID: 'in-2', sdp: AUDIO_OFFER, caller_id_number: '1002' });
  await until(() => gateway.current.requests('verto.bye').length === 1);
  assert.equal(gateway.current.requests('verto.bye')[0].params.cause, 'USER_BUSY');
  assert.equal(softphone.state.call.id, 'in-1');
});

test('declining a ringing call sends CALL_REJECTED', async () => {
  const { softphone, gateway } = phone();
  await softphone.login('1000@a.example', '1234');
  gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_number: '1001' });
  await until(() => softphone.state.call?.state === 'ringing');
  await softphone.hangup();
  assert.equal(gateway.current.requests('verto.bye')[0].params.cause, 'CALL_REJECTED');
  assert.equal(softphone.state.lastCall.endedText, 'Declined');
});

test('a lost connection shows the reconnect attempt and why, and clears it once back', async () => {
  const { softphone, gateway, clock, snapshots } = phone();
  await softphone.login('1000@a.example', '1234');
  gateway.current.close(1006);
  await until(() => softphone.state.reconnect !== null);
  assert.equal(softphone.state.reconnect.attempt, 1);
  assert.equal(softphone.state.reconnect.text, 'Cannot reach the gateway.');
  assert.equal(softphone.view.reconnectAttempt, 1);
  await clock.advance(2000);
  await until(() => softphone.state.connection === 'ready');
  assert.equal(softphone.state.reconnect, null);
  assert.ok(snapshots.some((s) => s.connection === 'reconnecting' && s.reconnect?.attempt === 1));
});

test('an unavailable island is said in words while the client keeps retrying', async () => {
  const { softphone, gateway, clock } = phone();
  await softphone.login('1000@a.example', '1234');
  gateway.handlers.login = (conn, params) => (params.login ? { error: { code: -32011, message: 'No island available', data: { mapVersion: 1 } } } : gateway.login(conn, params));
  gateway.current.close(1006);
  await until(() => softphone.state.reconnect?.attempt === 1);
  await clock.advance(2000);
  await until(() => softphone.state.reconnect?.attempt === 2);
  assert.equal(softphone.state.reconnect.text, 'No island is available for a.example right now.');
  assert.equal(softphone.view.lastError.code, 'no-island');
  assert.equal(softphone.state.phase, 'phone', 'still signed in: the client keeps trying');
});

test('a punt signs the page out and says why', async () => {
  const { softphone, gateway } = phone();
  await softphone.login('1000@a.example', '1234');
  gateway.current.request('verto.punt', {});
  await until(() => softphone.state.phase === 'login');
  assert.equal(softphone.state.error.text, 'Signed out: this session was opened in another window.');
});

test('sign out hangs up and returns to the login form', async () => {
  const { softphone, gateway } = phone();
  await softphone.login('1000@a.example', '1234');
  const call = softphone.dial('9196');
  await call.waitFor('trying');
  await softphone.logout();
  assert.equal(softphone.state.phase, 'login');
  assert.equal(gateway.connections[0].requests('verto.bye').length, 1);
  assert.equal(softphone.view.state, 'idle');
});

test('window.softphone is a read-only view', async () => {
  const { softphone } = phone();
  assert.ok(Object.isFrozen(softphone.view));
  assert.throws(() => {
    'use strict';
    softphone.view.island = 'x';
  }, TypeError);
  assert.deepEqual(Object.keys(softphone.view).sort(), ['call', 'conference', 'gateway', 'island', 'lastError', 'reconnectAttempt', 'sessid', 'state', 'stats']);
});

async function activeCall(ctx, number = '1001') {
  await ctx.softphone.login('1000@a.example', '1234');
  const call = ctx.softphone.dial(number);
  await call.waitFor('trying');
  ctx.gateway.current.request('verto.answer', { callID: call.id, sdp: AUDIO_ANSWER });
  await call.waitFor('active');
  return call;
}

test('a call plays into the page audio element, and a blocked autoplay shows a button that resumes it', async () => {
  const ctx = phone();
  let refuse = true;
  const audio = { srcObject: null, autoplay: false, async play() { if (refuse) throw Object.assign(new Error('blocked'), { name: 'NotAllowedError' }); } };
  ctx.softphone.setAudioElement(audio);
  const call = await activeCall(ctx);
  assert.equal(audio.srcObject, call.remoteStream);
  await until(() => ctx.softphone.state.call.audioBlocked === true);
  refuse = false;
  await ctx.softphone.resumeAudio();
  assert.equal(ctx.softphone.state.call.audioBlocked, false);
});

test('quality and media state of the call reach the snapshot', async () => {
  const ctx = phone();
  const call = await activeCall(ctx);
  call.peerConnection.setConnectionState('connected');
  await ctx.clock.advance(500);
  await until(() => ctx.softphone.state.call.quality !== null);
  assert.equal(ctx.softphone.state.call.mediaState, 'connected');
  assert.equal(ctx.softphone.state.call.quality.rating, 'good');
  assert.equal(ctx.softphone.state.call.quality.audioLevel, 0.25);
});

test('transfer sends the call on and the last call reads "Transferred"', async () => {
  const ctx = phone();
  await activeCall(ctx);
  assert.equal(await ctx.softphone.transfer('1002'), true);
  await until(() => ctx.softphone.state.call === null);
  assert.equal(ctx.softphone.state.lastCall.endedText, 'Transferred');
  assert.deepEqual(ctx.gateway.transfers.map((t) => t.destination), ['1002']);
});

test('a refused transfer becomes a notice in words and the call goes on', async () => {
  const ctx = phone();
  const call = await activeCall(ctx);
  ctx.gateway.unbridged.add(call.id);
  assert.equal(await ctx.softphone.transfer('1002'), false);
  assert.equal(ctx.softphone.state.notice, 'Only a call with a person can be transferred.');
  assert.equal(ctx.softphone.state.call.state, 'active');
});

test('chat in a call: sent to the other party, and messages that arrive are listed', async () => {
  const ctx = phone();
  await activeCall(ctx);
  assert.equal(await ctx.softphone.sendMessage('hello'), true);
  assert.deepEqual(ctx.gateway.current.requests('verto.info').at(-1).params.msg, { to: '1001@a.example', body: 'hello', from: '1000@a.example', inDialog: true });
  ctx.gateway.current.request('verto.info', { msg: { from: '1001@a.example', to: '1000@a.example', body: 'hi back' } });
  await until(() => ctx.softphone.state.chat.length === 2);
  assert.deepEqual(ctx.softphone.state.chat.map((m) => [m.mine, m.body]), [[true, 'hello'], [false, 'hi back']]);
  assert.equal(await ctx.softphone.sendMessage(''), false);
  assert.equal(ctx.softphone.state.notice, 'Type a message first.');
});

test('the ringtone hook rings while a call rings, through the SDK', async () => {
  const rings = [];
  const ctx = phone({ ringtone: { start: () => rings.push('start'), stop: () => rings.push('stop') } });
  await ctx.softphone.login('1000@a.example', '1234');
  ctx.gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_number: '1001' });
  await until(() => rings.length === 1);
  await ctx.softphone.hangup();
  assert.deepEqual(rings, ['start', 'stop']);
});

test('a microphone refusal on answer is a notice in words, not an unhandled rejection', async () => {
  const ctx = phone({ media: { getUserMedia: async () => Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })) } });
  await ctx.softphone.login('1000@a.example', '1234');
  ctx.gateway.current.request('verto.invite', { callID: 'in-1', sdp: AUDIO_OFFER, caller_id_number: '1001' });
  await until(() => ctx.softphone.state.call?.state === 'ringing');
  await ctx.softphone.answer();
  assert.equal(ctx.softphone.state.notice, 'Microphone blocked: allow it for this site to call.');
  await until(() => ctx.softphone.state.call === null);
  assert.equal(ctx.gateway.current.requests('verto.bye')[0].params.cause, 'MEDIA_ERROR', 'the island is told');
});

test('a dial without a number says so instead of throwing', async () => {
  const ctx = phone();
  await ctx.softphone.login('1000@a.example', '1234');
  assert.equal(ctx.softphone.dial('  '), null);
  assert.equal(ctx.softphone.state.notice, 'Enter a number to call.');
});

test('a page problem (a refused ?map= link) shows on the sign-in form until the next sign-in', async () => {
  const ctx = phone();
  ctx.softphone.showProblem('The map in this link is on another site and was ignored.');
  await ctx.softphone.loadDemo();
  assert.equal(ctx.softphone.state.error.text, 'The map in this link is on another site and was ignored.');
  assert.equal(ctx.softphone.state.phase, 'login');
  await ctx.softphone.login('1000@a.example', '1234');
  assert.equal(ctx.softphone.state.error, null);
});

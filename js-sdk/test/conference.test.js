/**
 * Conferences over the liveArray protocol, against the fake gateway's conference room
 * (test/support/fake-conference.js speaks liveArray as mod_conference does; there is no
 * FreeSWITCH here): join, subscriptions, bootstrap, the roster from add/modify/del, a wireSerno
 * gap, chat, moderator commands, leaving, and re-subscribing after a reconnect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, socketRouter, mapFor } from './support/harness.js';
import { until } from './support/fake-clock.js';
import { fakeMedia } from './support/fake-webrtc.js';
import { VertoClient, Conference, ConferenceError, ArgumentError, HangupError } from '../src/index.js';

async function joined(ctx, room = '3500', options) {
  await ctx.client.connect();
  const conference = await ctx.client.join(room, options);
  await until(() => conference.members.length > 0, { what: 'the roster' });
  return conference;
}

/** Another user of the same fake gateway, in the same room. */
async function member(ctx, login) {
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
  const conference = await client.join('3500');
  await until(() => conference.members.length > 0);
  return { client, conference };
}

function roomCtx() {
  const ctx = setup();
  ctx.gateway.users.set('1002@a.example', '1234');
  const room = ctx.gateway.addConference('3500');
  return { ...ctx, room };
}

test('join dials the room, subscribes to the channels the island names and bootstraps the roster', async () => {
  const ctx = roomCtx();
  const seen = [];
  ctx.client.on('conference', (c) => seen.push(c));
  const conference = await joined(ctx);
  assert.ok(conference instanceof Conference);
  assert.deepEqual(seen, [conference]);
  assert.equal(conference.room, '3500');
  assert.equal(conference.memberId, 1);
  assert.equal(conference.role, 'moderator');
  assert.equal(conference.isModerator, true);
  assert.equal(conference.call.destination, '3500');
  assert.deepEqual(ctx.client.conferences, [conference]);
  const conn = ctx.gateway.current;
  const [subscribe] = conn.requests('verto.subscribe');
  assert.deepEqual(subscribe.params.eventChannel, [ctx.room.channels.liveArray, ctx.room.channels.chat, ctx.room.channels.mod]);
  const bootstrap = conn.requests('verto.broadcast').find((b) => b.params.data.liveArray);
  assert.deepEqual(bootstrap.params.data.liveArray, { command: 'bootstrap', context: ctx.room.channels.liveArray, name: '3500' });
  assert.deepEqual(
    conference.members.map((m) => [m.id, m.number, m.codec, m.self, m.muted, m.talking]),
    [[1, '1000', 'opus@48000', true, false, false]],
  );
  assert.equal(conference.self.key, conference.call.id, 'the liveArray key is the call UUID');
});

test('three members: joins, talking and mute changes, and a leave arrive as roster events in order', async () => {
  const ctx = roomCtx();
  const conference = await joined(ctx);
  const log = [];
  conference.on('memberjoin', (m) => log.push(`join ${m.number}`));
  conference.on('memberupdate', (m) => log.push(`update ${m.number} talking=${m.talking} muted=${m.muted}`));
  conference.on('memberleave', (m) => log.push(`leave ${m.number}`));
  const rosters = [];
  conference.on('members', ({ members, action }) => rosters.push([action, members.length]));
  const bob = await member(ctx, '1001@a.example');
  const carol = await member(ctx, '1002@a.example');
  await until(() => conference.members.length === 3);
  assert.deepEqual(conference.members.map((m) => m.number), ['1000', '1001', '1002']);
  assert.equal(carol.conference.role, 'participant');
  assert.equal(carol.conference.isModerator, false);
  assert.deepEqual(carol.conference.members.map((m) => [m.number, m.self]), [['1000', false], ['1001', false], ['1002', true]], 'a late joiner bootstraps the whole room');
  ctx.room.setAudio(2, { talking: true, energyScore: 900, floor: true });
  await until(() => conference.members[1].talking);
  assert.equal(conference.members[1].floor, true);
  assert.equal(conference.members[1].energyScore, 900);
  await bob.conference.leave();
  await until(() => conference.members.length === 2);
  assert.equal(bob.conference.isEnded, true);
  assert.deepEqual(log, ['join 1001', 'join 1002', 'update 1001 talking=true muted=false', 'leave 1001']);
  assert.deepEqual(rosters, [['add', 2], ['add', 3], ['modify', 3], ['del', 2]]);
  await until(() => carol.conference.members.length === 2);
});

test('a gap in wireSerno makes the roster bootstrap again, and the missed change is then in it', async () => {
  const ctx = roomCtx();
  const conference = await joined(ctx);
  await member(ctx, '1001@a.example');
  await until(() => conference.members.length === 2);
  const before = ctx.room.bootstraps.filter((b) => b.login === '1000@a.example').length;
  ctx.room.dropChanges = 1;
  ctx.room.setAudio(2, { muted: true });
  ctx.room.setAudio(2, { talking: true });
  await until(() => ctx.room.bootstraps.filter((b) => b.login === '1000@a.example').length === before + 1, { what: 'a new bootstrap' });
  await until(() => conference.members[1].muted && conference.members[1].talking);
  ctx.room.setAudio(2, { talking: false });
  await until(() => !conference.members[1].talking);
  assert.equal(ctx.room.bootstraps.filter((b) => b.login === '1000@a.example').length, before + 1, 'in step again: no further bootstrap');
});

test('chat goes to the room and everyone gets it, with who sent it', async () => {
  const ctx = roomCtx();
  const conference = await joined(ctx);
  const bob = await member(ctx, '1001@a.example');
  const got = [];
  bob.conference.on('chat', (m) => got.push(m));
  await conference.sendChat('hello room');
  const send = ctx.gateway.connections[0].requests('verto.broadcast').find((b) => b.params.eventChannel === ctx.room.channels.chat);
  assert.deepEqual(send.params.data, { action: 'send', message: 'hello room', type: 'message' });
  await until(() => got.length === 1);
  assert.deepEqual(got[0], { from: '1000@a.example', fromDisplay: '1000', message: 'hello room', type: 'message' });
  await assert.rejects(conference.sendChat('  '), (e) => e instanceof ArgumentError && e.argument === 'text');
});

test('moderator commands: mute, deaf, vid-floor and kick change the roster; a participant is refused', async () => {
  const ctx = roomCtx();
  const conference = await joined(ctx);
  const bob = await member(ctx, '1001@a.example');
  await until(() => conference.members.length === 2);
  const responses = [];
  conference.on('response', (r) => responses.push(r));
  const target = conference.members[1];
  await conference.mute(target);
  await until(() => conference.members[1].muted);
  await conference.unmute(2);
  await until(() => !conference.members[1].muted);
  await conference.deaf('2');
  await until(() => conference.members[1].deaf);
  await conference.undeaf(2);
  await conference.videoFloor(2);
  const mod = ctx.gateway.connections[0].requests('verto.broadcast').filter((b) => b.params.eventChannel === ctx.room.channels.mod);
  assert.deepEqual(mod[0].params.data, { application: 'conf-control', command: 'mute', id: 2 });
  assert.deepEqual(mod.at(-1).params.data, { application: 'conf-control', command: 'vid-floor', id: 2, value: 'force' });
  assert.deepEqual(ctx.room.commands.map((c) => c.command), ['mute', 'unmute', 'deaf', 'undeaf', 'vid-floor']);
  await until(() => responses.length === 5);
  assert.equal(responses[0]['conf-command'], 'mute');
  await assert.rejects(bob.conference.mute(1), (e) => e instanceof ConferenceError && e.code === 'conference' && e.reason === 'not-moderator');
  await assert.rejects(conference.mute('bob'), ArgumentError);
  await conference.kick(2);
  const end = await bob.conference.call.ended;
  assert.equal(end.cause, 'NORMAL_CLEARING');
  await until(() => conference.members.length === 1 && bob.conference.isEnded);
  await assert.rejects(bob.conference.sendChat('still here?'), (e) => e instanceof ConferenceError && e.reason === 'left');
});

test('after a reconnect the conference subscribes and bootstraps again on the new socket', async () => {
  const ctx = roomCtx();
  const conference = await joined(ctx);
  const first = ctx.gateway.current;
  first.close(1006);
  await conference.call.waitFor('recovering');
  await ctx.clock.advance(500);
  await until(() => ctx.gateway.current && ctx.gateway.current !== first && ctx.gateway.current.requests('verto.subscribe').length === 1, { what: 'a new subscription' });
  await until(() => ctx.gateway.current.requests('verto.broadcast').some((b) => b.params.data.liveArray?.command === 'bootstrap'));
  assert.equal(conference.isEnded, false);
});

test('join rejects with what ended the call when the room never answers', async () => {
  const ctx = roomCtx();
  await ctx.client.connect();
  const joining = ctx.client.join('4000');
  await until(() => ctx.client.calls.length === 1 && ctx.client.calls[0].state === 'trying');
  ctx.gateway.current.request('verto.bye', { callID: ctx.client.calls[0].id, cause: 'NO_ROUTE_DESTINATION', causeCode: 3 });
  await assert.rejects(joining, (e) => e instanceof HangupError && e.cause === 'NO_ROUTE_DESTINATION');
  await assert.rejects(ctx.client.join(''), ArgumentError);
});

test('the liveArray gives up re-bootstrapping after 3 gaps in a row, and says so', async () => {
  const { LiveArray } = await import('../src/conference/live-array.js');
  let bootstraps = 0;
  const lost = [];
  const changes = [];
  const array = new LiveArray({ bootstrap: () => bootstraps++, changed: (c) => changes.push(c.action), lost: (d) => lost.push(d) });
  array.bootstrap();
  array.handle({ action: 'add', wireSerno: 1, hashKey: 'a', data: ['0001'] });
  assert.deepEqual(changes, [], 'nothing before the snapshot');
  const boot = () => array.handle({ action: 'bootObj', wireSerno: -1, data: [['a', ['0001', '1000', 'A', 'opus@48000', '{}', {}, null]]] });
  boot();
  array.handle({ action: 'modify', wireSerno: 7, hashKey: 'a', data: ['0001'] });
  array.handle({ action: 'modify', wireSerno: 8, hashKey: 'a', data: ['0001'] });
  assert.deepEqual(changes, ['bootstrap', 'modify', 'modify'], 'numbering starts after the snapshot');
  array.handle({ action: 'modify', wireSerno: 20, hashKey: 'a', data: ['0001'] });
  for (let i = 1; i <= 3; i++) {
    boot();
    array.handle({ action: 'modify', wireSerno: 20 + i * 10, hashKey: 'a', data: ['0001'] });
    array.handle({ action: 'modify', wireSerno: 22 + i * 10, hashKey: 'a', data: ['0001'] });
  }
  assert.equal(bootstraps, 4, 'three re-bootstraps, none for the fourth gap in a row');
  assert.deepEqual(lost, [{ expected: 51, got: 52 }]);
  array.handle({ action: 'modify', wireSerno: 60, hashKey: 'a', data: ['0001'] });
  assert.equal(bootstraps, 4);
});

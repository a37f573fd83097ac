/**
 * The softphone's video, screen share, device and conference behaviour through the real SDK
 * against the SDK's fake gateway (its conference room speaks liveArray as mod_conference does) and
 * fake WebRTC: there is no camera, screen or island in Node.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from '../../js-sdk/src/index.js';
import { createSoftphone } from '../src/softphone.js';
import { FakeGateway } from '../../js-sdk/test/support/fake-gateway.js';
import { FakeClock, until } from '../../js-sdk/test/support/fake-clock.js';
import { fakeMedia, FakeMediaDevices } from '../../js-sdk/test/support/fake-webrtc.js';
import { mapFetch, mapFor } from '../../js-sdk/test/support/harness.js';
import { VIDEO_ANSWER, VIDEO_OFFER } from '../../js-sdk/test/support/sdp.js';

function phone({ gateway = new FakeGateway(), clock = new FakeClock(), sessid = 'sess-demo' } = {}) {
  const maps = mapFetch({ 'https://gw.test/v1/partition-map': mapFor([gateway]) });
  const fetch = async (url, init) => (url === '/v1/demo' ? { ok: false, status: 404, json: async () => ({}) } : maps(url, init));
  const mediaDevices = new FakeMediaDevices();
  const softphone = createSoftphone({
    sdk,
    fetch,
    now: () => clock.now(),
    clientOptions: () => ({ mapUrl: 'https://gw.test/v1/partition-map', fetch, createWebSocket: gateway.createWebSocket, clock, random: () => 0.5, media: fakeMedia({ mediaDevices }), sessid }),
  });
  return { softphone, gateway, clock, mediaDevices };
}

function videoElement() {
  return { srcObject: null, autoplay: false, muted: false, async play() {} };
}

test('a video call shows the remote picture and the local preview; the camera button turns it off and on', async () => {
  const { softphone, gateway } = phone();
  const remote = videoElement();
  const local = videoElement();
  softphone.setVideoElements({ remote, local });
  await softphone.login('1000@a.example', '1234');
  const call = softphone.dial('9196', { video: true });
  await call.waitFor('trying');
  assert.equal(gateway.current.requests('verto.invite')[0].params.dialogParams.useVideo, true);
  gateway.current.request('verto.answer', { callID: call.id, sdp: VIDEO_ANSWER });
  await call.waitFor('active');
  assert.equal(softphone.state.call.video, true);
  assert.equal(softphone.state.call.cameraOn, true);
  assert.equal(remote.srcObject, call.remoteStream);
  assert.equal(local.srcObject, call.localStream, 'the preview shows what the call sends');
  assert.equal(local.muted, true);
  await softphone.toggleCamera();
  assert.equal(softphone.state.call.cameraOn, false);
  assert.equal(local.srcObject, null, 'no preview while the camera is off');
  await softphone.toggleCamera();
  assert.equal(softphone.view.call.cameraOn, true);
  assert.equal(local.srcObject, call.localStream);
});

test('an inbound video call offers "answer with video"; answering so sends the camera', async () => {
  const { softphone, gateway } = phone();
  await softphone.login('1000@a.example', '1234');
  gateway.current.request('verto.invite', { callID: 'in-v', sdp: VIDEO_OFFER, caller_id_number: '1001' });
  await until(() => softphone.state.call?.state === 'ringing');
  assert.equal(softphone.state.call.video, true);
  await softphone.answer({ video: true });
  assert.equal(softphone.state.call.cameraOn, true);
});

test('the device pickers list the devices, and a pick switches the live call', async () => {
  const { softphone, mediaDevices } = phone();
  await softphone.login('1000@a.example', '1234');
  await until(() => softphone.state.devices.microphones.length === 2);
  assert.deepEqual(softphone.state.devices.cameras.map((d) => d.label), ['FaceTime HD Camera']);
  await softphone.selectDevice('microphone', 'mic-2');
  assert.equal(softphone.state.devices.selected.microphone, 'mic-2');
  await softphone.selectDevice('microphone', '');
  assert.equal(softphone.state.devices.selected.microphone, null, 'back to the default');
  mediaDevices.plug({ deviceId: 'cam-2', kind: 'videoinput', label: 'USB Camera', groupId: 'g9' });
  await until(() => softphone.state.devices.cameras.length === 2);
});

test('screen share starts as a second call and stops from the same button', async () => {
  const gateway = new FakeGateway();
  gateway.addConference('3500');
  const { softphone } = phone({ gateway });
  await softphone.login('1000@a.example', '1234');
  const call = softphone.dial('3500');
  await call.waitFor('active');
  await softphone.toggleScreenShare();
  assert.equal(softphone.state.call.sharing, true);
  const screen = call.screenShareCall;
  assert.equal(screen.destination, '3500-screen');
  await screen.waitFor('active');
  await softphone.toggleScreenShare();
  await screen.ended;
  await until(() => softphone.state.call.sharing === false);
});

test('a three-member conference: roster with talking and muted, room chat, moderator controls', async () => {
  const gateway = new FakeGateway();
  gateway.users.set('1002@a.example', '1234');
  const room = gateway.addConference('3500');
  const clock = new FakeClock();
  const moderator = phone({ gateway, clock, sessid: 'sess-a' });
  const bob = phone({ gateway, clock, sessid: 'sess-b' });
  const carol = phone({ gateway, clock, sessid: 'sess-c' });
  await moderator.softphone.login('1000@a.example', '1234');
  await bob.softphone.login('1001@a.example', '1234');
  await carol.softphone.login('1002@a.example', '1234');
  moderator.softphone.dial('3500');
  await until(() => moderator.softphone.state.conference?.members.length === 1);
  bob.softphone.dial('3500');
  carol.softphone.dial('3500');
  await until(() => moderator.softphone.state.conference.members.length === 3, { what: 'three members' });
  const conf = moderator.softphone.state.conference;
  assert.equal(conf.room, '3500');
  assert.equal(conf.isModerator, true);
  assert.deepEqual(conf.members.map((m) => [m.number, m.self]), [['1000', true], ['1001', false], ['1002', false]]);
  await until(() => carol.softphone.state.conference?.members.length === 3);
  assert.equal(carol.softphone.state.conference.isModerator, false);
  room.setAudio(2, { talking: true });
  await until(() => moderator.softphone.view.conference.members[1].talking);
  await moderator.softphone.moderate('mute', 3);
  await until(() => carol.softphone.state.conference.members[2].muted, { what: 'carol sees herself muted' });
  await carol.softphone.moderate('kick', 1);
  assert.equal(carol.softphone.state.notice, 'Only a moderator can do that.');
  assert.equal(await bob.softphone.sendConferenceChat('hi all'), true);
  await until(() => moderator.softphone.state.conference.chat.length === 1 && bob.softphone.state.conference.chat.length === 1);
  assert.deepEqual(moderator.softphone.state.conference.chat.map((c) => [c.from, c.body, c.mine]), [['1001', 'hi all', false]]);
  assert.equal(bob.softphone.state.conference.chat[0].mine, true);
  await moderator.softphone.moderate('kick', 2);
  await until(() => bob.softphone.state.call === null && bob.softphone.state.conference === null, { what: 'bob removed' });
  await until(() => moderator.softphone.state.conference.members.length === 2);
  await moderator.softphone.hangup();
  assert.equal(moderator.softphone.state.conference, null);
});

/**
 * Video calls, the camera mid-call, `updateMedia` and `videoRefresh`, screen share as a second
 * call, and device lists and selection, against the fake gateway and fake WebRTC (no camera,
 * screen or WebRTC stack in Node: test/support/fake-webrtc.js stands in for them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/harness.js';
import { until } from './support/fake-clock.js';
import { FakeMediaDevices, FakePeerConnection, fakeMedia } from './support/fake-webrtc.js';
import { AUDIO_ANSWER, VIDEO_ANSWER, VIDEO_OFFER, SCREEN_OFFER } from './support/sdp.js';
import { ArgumentError, CallStateError, MediaError, RpcError } from '../src/index.js';

function ctxWith(media = {}) {
  const mediaDevices = new FakeMediaDevices();
  const options = fakeMedia({ mediaDevices, ...media });
  const ctx = setup({ clientOptions: { media: options } });
  return { ...ctx, media: options, mediaDevices };
}

async function answered(ctx, destination, options, answer = AUDIO_ANSWER) {
  await ctx.client.connect();
  const call = ctx.client.call(destination, options);
  await call.waitFor('trying');
  ctx.gateway.current.request('verto.answer', { callID: call.id, sdp: answer });
  await call.waitFor('active');
  return call;
}

/** A `<video>` or `<audio>` element as far as the SDK goes. */
function element() {
  return { srcObject: null, autoplay: false, muted: false, playsInline: false, sinks: [], async play() {}, async setSinkId(id) { this.sinks.push(id); } };
}

test('a video call opens camera and microphone, offers audio before video and says useVideo', async () => {
  const ctx = ctxWith();
  const call = await answered(ctx, '9196', { video: true }, VIDEO_ANSWER);
  assert.deepEqual(ctx.media.requests[0], { type: 'user', constraints: { audio: true, video: true } });
  const [invite] = ctx.gateway.current.requests('verto.invite');
  assert.equal(invite.params.dialogParams.useVideo, true);
  assert.equal(invite.params.sdp, VIDEO_OFFER);
  assert.ok(invite.params.sdp.indexOf('m=audio') < invite.params.sdp.indexOf('m=video'), 'audio first, as FreeSWITCH orders them');
  const pc = FakePeerConnection.instances.at(-1);
  assert.deepEqual(pc.senders.map((s) => s.kind), ['audio', 'video']);
  assert.equal(call.video, true);
  assert.equal(call.cameraOn, true);
  const video = element();
  call.attachVideo(video);
  assert.equal(video.srcObject, pc.remoteStream);
  assert.equal(video.muted, true, 'the picture element stays silent: the sound plays once, in the audio element');
  assert.equal(video.playsInline, true);
  await call.hangup();
  assert.equal(video.srcObject, null);
});

test('the camera goes off (stopped, no picture sent) and on again without renegotiating', async () => {
  const ctx = ctxWith();
  const call = await answered(ctx, '9196', { video: true }, VIDEO_ANSWER);
  const events = [];
  call.on('camera', (e) => events.push(e.on));
  const sender = FakePeerConnection.instances.at(-1).senders.find((s) => s.kind === 'video');
  const first = sender.track;
  assert.equal(await call.setCamera(false), false);
  assert.equal(sender.track, null);
  assert.equal(first.stopped, true, 'the camera light goes out');
  assert.equal(call.localStream.getVideoTracks().length, 0);
  assert.equal(await call.setCamera(true), true);
  assert.equal(sender.track.kind, 'video');
  assert.notEqual(sender.track, first);
  assert.deepEqual(call.localStream.getVideoTracks(), [sender.track], 'the preview stream follows');
  assert.deepEqual(events, [false, true]);
  assert.equal(ctx.gateway.current.requests('verto.modify').length, 0, 'no renegotiation');
  assert.equal(await call.setCamera(true), true);
  assert.deepEqual(events, [false, true], 'no change, no event');
});

test('turning the camera on in an audio call adds video through verto.modify updateMedia', async () => {
  const ctx = ctxWith();
  const call = await answered(ctx, '9196');
  assert.equal(call.video, false);
  assert.equal(await call.setCamera(true), true);
  const [modify] = ctx.gateway.current.requests('verto.modify');
  assert.equal(modify.params.action, 'updateMedia');
  assert.deepEqual(modify.params.dialogParams, { callID: call.id });
  assert.match(modify.params.sdp, /^m=video [1-9]/m);
  const pc = FakePeerConnection.instances.at(-1);
  assert.equal(pc.remoteDescription.sdp, VIDEO_ANSWER, "the island's answer is applied");
  assert.equal(call.video, true);
  assert.equal(FakePeerConnection.instances.length, 1, 'the same peer connection');
});

test('a refused updateMedia rolls the video section back, closes the camera and keeps the call', async () => {
  const ctx = ctxWith();
  const call = await answered(ctx, '9196');
  ctx.gateway.refuseUpdateMedia = true;
  await assert.rejects(call.setCamera(true), (e) => e instanceof RpcError && e.rpcMessage === 'MEDIA ERROR');
  const pc = FakePeerConnection.instances.at(-1);
  assert.equal(pc.rolledBack, 1);
  assert.equal(call.cameraOn, false);
  assert.equal(call.state, 'active');
  const video = pc.senders.find((s) => s.kind === 'video');
  assert.equal(video.track, null, 'nothing sent on the rolled-back section');
  assert.ok(pc.tracks.filter((t) => t.kind === 'video').every((t) => t.stopped));
  await assert.rejects(call.updateMedia(), RpcError);
  ctx.gateway.refuseUpdateMedia = false;
  await call.updateMedia();
  assert.equal(ctx.gateway.current.requests('verto.modify').length, 3);
});

test('videoRefresh asks the island for a key frame; camera and refresh need an answered call', async () => {
  const ctx = ctxWith();
  await ctx.client.connect();
  const ringing = ctx.client.call('9196', { video: true });
  await ringing.waitFor('trying');
  await assert.rejects(ringing.setCamera(false), CallStateError);
  ctx.gateway.current.request('verto.answer', { callID: ringing.id, sdp: VIDEO_ANSWER });
  await ringing.waitFor('active');
  await ringing.videoRefresh();
  const [modify] = ctx.gateway.current.requests('verto.modify');
  assert.deepEqual(modify.params, { action: 'videoRefresh', dialogParams: { callID: ringing.id }, sessid: 'sess-0001' });
});

test('an inbound video call says so while ringing and is answered with the camera', async () => {
  const ctx = ctxWith();
  await ctx.client.connect();
  ctx.gateway.current.request('verto.invite', { callID: 'in-v', sdp: VIDEO_OFFER, caller_id_number: '1001' });
  await until(() => ctx.client.calls.length === 1);
  const call = ctx.client.calls[0];
  assert.equal(call.video, true);
  await call.answer({ video: true });
  const [answer] = ctx.gateway.current.requests('verto.answer');
  assert.equal(answer.params.sdp, VIDEO_ANSWER);
  assert.equal(call.cameraOn, true);
});

test('screen share is a second call to <destination>-screen: screenShare, send-only video, no microphone', async () => {
  const ctx = ctxWith();
  ctx.gateway.addConference('3500');
  const call = await answered(ctx, '3500');
  await until(() => call.state === 'active');
  const screen = call.shareScreen();
  assert.equal(screen.screenShare, true);
  assert.equal(call.screenShareCall, screen);
  await screen.waitFor('active');
  const invite = ctx.gateway.current.requests('verto.invite').at(-1);
  assert.equal(invite.params.dialogParams.destination_number, '3500-screen');
  assert.equal(invite.params.dialogParams.screenShare, true);
  assert.equal(invite.params.dialogParams.useVideo, true);
  assert.equal(invite.params.sdp, SCREEN_OFFER);
  assert.match(invite.params.sdp, /a=sendonly/);
  assert.doesNotMatch(invite.params.sdp, /m=audio/);
  assert.deepEqual(ctx.media.requests.at(-1), { type: 'display', constraints: { video: true, audio: false } });
  const pc = FakePeerConnection.instances.at(-1);
  assert.deepEqual(pc.senders.map((s) => [s.kind, s.direction]), [['video', 'sendonly']]);
  assert.throws(() => call.shareScreen(), CallStateError, 'one share at a time');
  assert.throws(() => screen.shareScreen(), CallStateError);
  await assert.rejects(screen.setCamera(true), CallStateError);
});

test('stopping the share in the browser hangs the screen call up; the main call ending ends it too', async () => {
  const ctx = ctxWith();
  ctx.gateway.addConference('3500');
  const call = await answered(ctx, '3500');
  const screen = call.shareScreen();
  await screen.waitFor('active');
  FakePeerConnection.instances.at(-1).tracks[0].end();
  const end = await screen.ended;
  assert.equal(end.reason, 'normal');
  assert.equal(call.state, 'active');
  assert.equal(call.screenShareCall, null);
  const again = call.shareScreen();
  await again.waitFor('active');
  await call.hangup();
  await again.ended;
  const byes = ctx.gateway.current.requests('verto.bye').map((b) => b.params.dialogParams.callID);
  assert.deepEqual(byes.sort(), [screen.id, again.id, call.id].sort());
});

test('device lists come by kind; a selection is opened by new calls and switched into live ones', async () => {
  const ctx = ctxWith();
  const lists = await ctx.client.listDevices();
  assert.deepEqual(lists.microphones.map((d) => d.deviceId), ['mic-1', 'mic-2']);
  assert.deepEqual(lists.cameras, [{ deviceId: 'cam-1', label: 'FaceTime HD Camera', groupId: 'g3' }]);
  assert.deepEqual(lists.speakers.map((d) => d.label), ['Built-in Speakers']);
  const call = await answered(ctx, '9196', { video: true }, VIDEO_ANSWER);
  const audio = element();
  call.attachAudio(audio);
  const pc = FakePeerConnection.instances.at(-1);
  const mic = pc.senders.find((s) => s.kind === 'audio');
  const firstMic = mic.track;
  call.mute();
  await ctx.client.selectDevices({ microphone: 'mic-2', speaker: 'spk-1' });
  assert.equal(mic.track.deviceId, 'mic-2', 'the sent track replaced, no renegotiation');
  assert.equal(mic.track.enabled, false, 'a muted call stays muted on the new microphone');
  assert.equal(firstMic.stopped, true);
  assert.deepEqual(audio.sinks, ['spk-1']);
  assert.deepEqual(ctx.client.devices, { microphone: 'mic-2', camera: null, speaker: 'spk-1' });
  assert.equal(ctx.gateway.current.requests('verto.modify').length, 0);
  await ctx.client.selectDevices({ camera: 'cam-1' });
  assert.equal(pc.senders.find((s) => s.kind === 'video').track.deviceId, 'cam-1');
  const next = ctx.client.call('1001', { video: true });
  await next.waitFor('trying');
  assert.deepEqual(ctx.media.requests.at(-1).constraints, { audio: { deviceId: { exact: 'mic-2' } }, video: { deviceId: { exact: 'cam-1' } } });
});

test('selectDevices refuses unknown kinds and non-string ids; a speaker without setSinkId is a typed refusal', async () => {
  const ctx = ctxWith();
  await assert.rejects(ctx.client.selectDevices({ mic: 'x' }), (e) => e instanceof ArgumentError && e.argument === 'devices');
  await assert.rejects(ctx.client.selectDevices({ camera: 7 }), ArgumentError);
  await assert.rejects(ctx.client.selectDevices(null), ArgumentError);
  const call = await answered(ctx, '9196');
  const plain = element();
  delete plain.setSinkId;
  call.attachAudio(plain);
  await assert.rejects(ctx.client.selectDevices({ speaker: 'spk-1' }), (e) => e instanceof MediaError && e.reason === 'unsupported');
});

test('devicechange brings the new lists while connected, and none after disconnect', async () => {
  const ctx = ctxWith();
  await ctx.client.connect();
  const seen = [];
  ctx.client.on('devicechange', (lists) => seen.push(lists));
  ctx.mediaDevices.plug({ deviceId: 'cam-2', kind: 'videoinput', label: 'USB Camera', groupId: 'g4' });
  await until(() => seen.length === 1);
  assert.deepEqual(seen[0].cameras.map((d) => d.deviceId), ['cam-1', 'cam-2']);
  await ctx.client.disconnect();
  ctx.mediaDevices.plug({ deviceId: 'mic-3', kind: 'audioinput', label: 'Mic', groupId: 'g5' });
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(seen.length, 1);
});

test('no device list where the platform has none: a MediaError, not a crash', async () => {
  const ctx = setup({ clientOptions: { media: fakeMedia({ mediaDevices: {} }) } });
  await assert.rejects(ctx.client.listDevices(), (e) => e instanceof MediaError && e.reason === 'unsupported');
});

/**
 * Video, renegotiation and conferences against the real demo jar (signaling only: the peer
 * connection is the fake one, which offers fixed, valid WebRTC SDP). What the gateway does today:
 * a video offer is carried to the island and answered; turning the camera on in an audio call
 * re-offers with `verto.modify` `updateMedia`, which the gateway relays onto the same call and the
 * island answers with a video section (docs/protocol.md §4.6); a number that is no conference room
 * makes `join()` reject with what ended the call. Skipped without the jar.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VertoError } from '../../src/index.js';
import { skipWithoutJar } from '../support/demo-jar.js';
import { demoJarClients } from '../support/demo-jar-clients.js';
import { FakePeerConnection } from '../support/fake-webrtc.js';
import { VIDEO_OFFER } from '../support/sdp.js';

describe('video and conferences against the demo gateway jar', { skip: skipWithoutJar, timeout: 180000 }, () => {
  const jar = demoJarClients();
  const client = (login) => jar.client(login);

  it('a video call to the echo test sends useVideo and audio then video, and is answered', async () => {
    const { client: c, wire } = await client('1000@a.example');
    const call = c.call(jar.demo.echo, { video: true });
    await call.waitFor('active', { timeoutMs: 15000 });
    const invite = wire.find((w) => w.dir === 'out' && w.message.method === 'verto.invite').message;
    assert.equal(invite.params.dialogParams.useVideo, true);
    assert.equal(invite.params.sdp, VIDEO_OFFER);
    const answer = FakePeerConnection.instances.find((pc) => pc === call.peerConnection).remoteDescription.sdp;
    const sections = answer.split(/\r\n/).filter((l) => l.startsWith('m=')).map((l) => l.split(' ').slice(0, 2).join(' '));
    assert.match(sections[0], /^m=audio /, 'audio first');
    assert.equal(sections.length, 2, `the island answers both sections: ${sections}`);
    await call.hangup();
  });

  it('camera on in an audio call: updateMedia is relayed, answered with video, and the call goes on', async () => {
    const { client: c, wire } = await client('1001@a.example');
    const call = c.call(jar.demo.echo);
    await call.waitFor('active', { timeoutMs: 15000 });
    await call.setCamera(true);
    assert.equal(call.cameraOn, true);
    const modify = wire.find((w) => w.dir === 'out' && w.message.method === 'verto.modify' && w.message.params.action === 'updateMedia');
    assert.ok(modify, 'the SDK re-offered with updateMedia');
    assert.match(modify.message.params.sdp, /^m=video /m, 'the re-offer adds video');
    const answer = FakePeerConnection.instances.find((pc) => pc === call.peerConnection).remoteDescription.sdp;
    assert.match(answer, /^m=video [1-9]/m, 'the island answers the added video section');
    assert.equal(call.state, 'active');
    await call.hangup();
  });

  it('join to a number that is no conference room rejects with what ended the call', async () => {
    const { client: c } = await client('1002@a.example');
    await assert.rejects(c.join('3999'), (e) => e instanceof VertoError && ['hangup', 'call-error'].includes(e.code));
    assert.deepEqual(c.conferences, []);
  });
});

/**
 * Against the real gateway (the demo jar): chat between users and inside a call, and transfer as
 * the island does it (verto.modify `transfer`, docs/protocol.md §4.6-§4.7).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { VertoClient, CallError, RpcError } from '../../src/index.js';
import { startDemoJar, skipWithoutJar, insecureFetch, recordingSockets } from '../support/demo-jar.js';
import { fakeMedia } from '../support/fake-webrtc.js';
import { until } from '../support/fake-clock.js';

describe('chat and transfer against the demo gateway jar', { skip: skipWithoutJar, timeout: 180000 }, () => {
  let gateway;
  let demo;
  let users;
  const clients = [];

  before(async () => {
    gateway = await startDemoJar();
    demo = await (await insecureFetch(`${gateway.base}/v1/demo`)).json();
    users = demo.users.filter((u) => u.endsWith('@a.example'));
    assert.ok(users.length >= 3);
  });

  after(async () => {
    await Promise.allSettled(clients.map((c) => c.disconnect()));
    await gateway?.stop();
  });

  async function loggedIn(login) {
    const c = new VertoClient({
      login,
      passwd: demo.password,
      mapUrl: `${gateway.base}/v1/partition-map`,
      fetch: insecureFetch,
      createWebSocket: recordingSockets().createWebSocket,
      media: fakeMedia(),
    });
    clients.push(c);
    await c.connect();
    return c;
  }

  it('a chat message reaches every live connection of the user it is sent to', async () => {
    const [alice, bob] = [await loggedIn(users[0]), await loggedIn(users[1])];
    const received = [];
    bob.on('message', (m) => received.push(m));
    await alice.sendMessage(bob.user, 'hello from alice');
    await until(() => received.length === 1, { timeoutMs: 10000, what: 'the message at bob' });
    assert.equal(received[0].body, 'hello from alice');
    assert.equal(received[0].from, users[0]);
    assert.equal(received[0].to, users[1]);
    assert.equal(received[0].call, null);
  });

  it('the island refuses a message without a body, and the SDK refuses it before sending', async () => {
    const alice = await loggedIn(users[0]);
    await assert.rejects(alice.sendMessage(users[1], ''), (e) => e.code === 'invalid-argument');
    await assert.rejects(alice.request('verto.info', { msg: { to: users[1] } }), (e) => e instanceof RpcError && e.code === 'rpc');
  });

  it('inside a call, a message goes to the other party and arrives on their call', async () => {
    const [alice, bob] = [await loggedIn(users[1]), await loggedIn(users[2])];
    const ringing = new Promise((resolve) => bob.once('incomingcall', resolve));
    const outgoing = alice.call(bob.user);
    const incoming = await ringing;
    await incoming.answer();
    await outgoing.waitFor('active', { timeoutMs: 15000 });
    const onCall = [];
    incoming.on('message', (m) => onCall.push(m.body));
    await outgoing.sendMessage('can you hear me?');
    await until(() => onCall.length === 1, { timeoutMs: 10000, what: 'the message on the call' });
    assert.deepEqual(onCall, ['can you hear me?']);
    await outgoing.hangup();
  });

  it('transferring a call that is not bridged to a person is refused as not-bridged, and the call goes on', async () => {
    const alice = await loggedIn(users[0]);
    const call = alice.call(demo.echo);
    await call.waitFor('active', { timeoutMs: 15000 });
    await assert.rejects(call.transfer('1002'), (e) => e instanceof CallError && e.code === 'call-error' && e.reason === 'not-bridged');
    assert.equal(call.state, 'active');
    assert.equal(call.transferredTo, null);
    await call.hangup();
  });

  it('a blind transfer sends the other party to the destination, and the transferring leg ends as transferred', async () => {
    const [alice, bob, carol] = [await loggedIn(users[0]), await loggedIn(users[1]), await loggedIn(users[2])];
    const bobRings = new Promise((resolve) => bob.once('incomingcall', resolve));
    const toBob = alice.call(bob.user);
    const atBob = await bobRings;
    await atBob.answer();
    await toBob.waitFor('active', { timeoutMs: 15000 });
    const carolRings = new Promise((resolve) => carol.once('incomingcall', resolve));
    await toBob.transfer(carol.user);
    const end = await toBob.ended;
    assert.equal(end.reason, 'transferred');
    assert.equal(toBob.transferredTo, carol.user);
    const atCarol = await carolRings;
    assert.equal(atCarol.state, 'ringing');
    assert.equal(atCarol.remote.number, bob.user);
    const bobSeesCarol = new Promise((resolve) => atBob.once('display', resolve));
    await atCarol.answer();
    assert.equal((await bobSeesCarol).number, carol.user);
    assert.equal(atBob.state, 'active');
    const bobEnds = atBob.ended;
    await atCarol.hangup();
    assert.equal((await bobEnds).reason, 'normal');
  });
});

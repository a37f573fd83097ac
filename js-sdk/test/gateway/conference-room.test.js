/**
 * SDK conferences against the real demo jar's embedded island (docs/protocol.md §5.4-§5.5,
 * "Embedded island"): `join('3000')` enters the room of the caller's own domain, the roster follows
 * the island's liveArray (bootstrap, then numbered add/modify/del), chat reaches the others with the
 * sender's login in `from`, and a member joining `3000-moderator` gets the moderation channel and
 * can mute and kick. The peer connection is the fake one (fixed, valid WebRTC SDP offering Opus, which the
 * island requires of conference legs); everything else is the real gateway and island. Skipped
 * without the jar.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutJar } from '../support/demo-jar.js';
import { demoJarClients } from '../support/demo-jar-clients.js';

const DEADLINE_MS = 20000;

describe('conference rooms against the demo gateway jar', { skip: skipWithoutJar, timeout: 240000 }, () => {
  const jar = demoJarClients();
  const client = (login) => jar.client(login);

  /** Resolves once `predicate(conference.members)` holds, checked on every roster change. */
  function roster(conference, predicate, what) {
    if (predicate(conference.members)) return Promise.resolve(conference.members);
    return new Promise((resolveRoster, rejectRoster) => {
      const timer = setTimeout(() => {
        off();
        rejectRoster(new Error(`${what} within ${DEADLINE_MS} ms; roster of ${conference.room}: ${JSON.stringify(conference.members.map((m) => [m.id, m.number, m.muted]))}`));
      }, DEADLINE_MS);
      const off = conference.on('members', () => {
        if (predicate(conference.members)) {
          clearTimeout(timer);
          off();
          resolveRoster(conference.members);
        }
      });
    });
  }

  /** Resolves with the next event `type` of `emitter` for which `match` holds. */
  function next(emitter, type, match, what) {
    return new Promise((resolveNext, rejectNext) => {
      const timer = setTimeout(() => {
        off();
        rejectNext(new Error(`no ${what} within ${DEADLINE_MS} ms`));
      }, DEADLINE_MS);
      const off = emitter.on(type, (payload) => {
        if (match(payload)) {
          clearTimeout(timer);
          off();
          resolveNext(payload);
        }
      });
    });
  }

  const numbers = (members) => members.map((m) => m.number).sort();

  it('three members of one domain see each other join, chat, and see one leave', async () => {
    const alice = await client('1000@a.example');
    const bob = await client('1001@a.example');
    const carol = await client('1002@a.example');

    const a = await alice.client.join('3000');
    assert.equal(a.role, 'participant');
    assert.equal(a.isModerator, false);
    assert.match(a.channels.liveArray, /^conference-liveArray\.3000-a\.example@a\.example$/);
    await roster(a, (m) => m.length === 1 && m[0].self, 'alice sees herself');

    const joins = [];
    a.on('memberjoin', (m) => joins.push(m.number));
    const b = await bob.client.join('3000');
    const c = await carol.client.join('3000');
    for (const [name, conf] of [['alice', a], ['bob', b], ['carol', c]]) {
      const members = await roster(conf, (m) => m.length === 3, `${name} sees three members`);
      assert.deepEqual(numbers(members), ['1000', '1001', '1002'], `${name}'s roster`);
      assert.equal(members.filter((m) => m.self).length, 1, `${name} is herself once`);
      assert.equal(conf.self.number, { alice: '1000', bob: '1001', carol: '1002' }[name]);
      assert.ok(members.every((m) => m.codec === 'opus@48000' && m.muted === false), `${name}: opus, nobody muted`);
    }
    assert.deepEqual(joins, ['1001', '1002'], 'alice got a memberjoin for each newcomer');
    assert.deepEqual(new Set(a.members.map((m) => m.id)).size, 3, 'member ids are distinct');

    const bobHears = next(b, 'chat', (m) => m.message === 'hello room', 'chat at bob');
    const carolHears = next(c, 'chat', (m) => m.message === 'hello room', 'chat at carol');
    await a.sendChat('hello room');
    for (const heard of [await bobHears, await carolHears]) {
      assert.equal(heard.from, '1000@a.example', 'from is the sender login');
      assert.equal(heard.type, 'message');
    }

    for (const [name, { wire }] of [['alice', alice], ['bob', bob], ['carol', carol]]) {
      const boots = wire.filter((w) => w.dir === 'out' && w.message.method === 'verto.broadcast' && w.message.params.data?.liveArray?.command === 'bootstrap');
      assert.equal(boots.length, 1, `${name} bootstrapped once: the island's wireSerno numbering had no gap for the SDK`);
      const changes = wire.filter((w) => w.dir === 'in' && w.message.method === 'verto.event' && w.message.params.eventChannel === a.channels.liveArray).map((w) => w.message.params.data);
      assert.equal(changes.find((d) => d.action === 'bootObj')?.wireSerno, -1, `${name}: bootObj is unnumbered`);
      const numbered = changes.filter((d) => d.action !== 'bootObj').map((d) => d.wireSerno);
      assert.ok(numbered.every((n, i) => i === 0 || n === numbered[i - 1] + 1), `${name}: changes numbered in step: ${numbered}`);
    }

    const left = next(a, 'memberleave', (m) => m.number === '1002', 'memberleave of carol at alice');
    await c.leave();
    assert.equal((await left).number, '1002');
    assert.deepEqual(numbers(await roster(b, (m) => m.length === 2, 'bob sees two members')), ['1000', '1001']);
    await a.leave();
    await b.leave();
  });

  it('a moderator mutes a member and every roster shows it muted, another domain sees only its own room, a kick ends the member', async () => {
    const member = await client('1003@a.example');
    const moderator = await client('1004@a.example');
    const other = await client('1000@b.example');

    const m = await member.client.join('3000');
    const mod = await moderator.client.join('3000-moderator');
    assert.equal(mod.role, 'moderator');
    assert.equal(mod.isModerator, true);
    assert.equal(mod.room, m.room, 'the moderator number joins the same room');
    await assert.rejects(m.mute(mod.memberId), (e) => e.reason === 'not-moderator', 'a participant has no moderator channel');

    const target = (await roster(mod, (list) => list.length === 2, 'the moderator sees two members')).find((x) => x.number === '1003');
    const answered = next(mod, 'response', (r) => r['conf-command'] === 'mute', 'the island answers the mute');
    await mod.mute(target);
    assert.match(String((await answered).response), /^OK mute /);
    for (const [name, conf] of [['member', m], ['moderator', mod]]) {
      const muted = await roster(conf, (list) => list.find((x) => x.number === '1003')?.muted === true, `${name} sees 1003 muted`);
      assert.equal(muted.find((x) => x.number === '1004').muted, false, `${name}: the moderator is not muted`);
    }
    assert.equal(m.self.muted, true, 'the muted member sees itself muted');

    const o = await other.client.join('3000');
    assert.notEqual(o.room, m.room, 'b.example dialling 3000 is in its own room');
    assert.deepEqual(numbers(await roster(o, (list) => list.length === 1, 'b.example sees its room')), ['1000']);
    assert.equal(o.self.number, '1000');
    assert.deepEqual(numbers(m.members), ['1003', '1004'], 'a.example does not see the b.example member');

    const ended = next(m, 'ended', () => true, 'the kicked member\'s conference ending');
    await mod.kick(target);
    await ended;
    assert.equal(m.isEnded, true);
    assert.deepEqual(numbers(await roster(mod, (list) => list.length === 1, 'the moderator sees the kicked member gone')), ['1004']);
    await Promise.all([mod.leave(), o.leave()]);
  });
});

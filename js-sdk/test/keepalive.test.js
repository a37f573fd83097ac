import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Keepalive } from '../src/transport/keepalive.js';
import { FakeClock } from './support/fake-clock.js';

function keepalive() {
  const clock = new FakeClock();
  const log = [];
  const k = new Keepalive({ idleMs: 1000, timeoutMs: 300, clock, onIdle: () => log.push(['idle', clock.now()]), onDead: () => log.push(['dead', clock.now()]) });
  return { k, clock, log };
}

test('idle for idleMs pings; silent for timeoutMs more is dead', async () => {
  const { k, clock, log } = keepalive();
  k.start();
  await clock.advance(1300);
  assert.deepEqual(log, [['idle', 1000], ['dead', 1300]]);
});

test('a frame after the ping counts as the answer and restarts the idle time', async () => {
  const { k, clock, log } = keepalive();
  k.start();
  await clock.advance(1100);
  k.touch();
  await clock.advance(1000);
  assert.deepEqual(log, [['idle', 1000], ['idle', 2100]]);
});

test('frames before the idle time push the ping back', async () => {
  const { k, clock, log } = keepalive();
  k.start();
  await clock.advance(900);
  k.touch();
  await clock.advance(900);
  assert.deepEqual(log, []);
  await clock.advance(100);
  assert.deepEqual(log, [['idle', 1900]]);
});

test('stop cancels every deadline', async () => {
  const { k, clock, log } = keepalive();
  k.start();
  await clock.advance(1000);
  k.stop();
  await clock.advance(10000);
  assert.deepEqual(log, [['idle', 1000]]);
  assert.equal(clock.pending.length, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, SetupError } from '../src/index.js';
import { seeded } from './support/random.js';

test('the window doubles per attempt from baseMs and stops at capMs', () => {
  const backoff = new Backoff({ baseMs: 500, capMs: 5000, random: () => 0 });
  const windows = [];
  for (let i = 0; i < 6; i++) windows.push(backoff.next().windowMs);
  assert.deepEqual(windows, [500, 1000, 2000, 4000, 5000, 5000]);
  assert.equal(backoff.attempt, 6);
  backoff.reset();
  assert.equal(backoff.next().windowMs, 500);
});

test('full jitter: delays are uniform over [0, window), never at or past the window', () => {
  const backoff = new Backoff({ baseMs: 1000, capMs: 30000, random: seeded(42) });
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 10000; i++) {
    backoff.reset();
    const { delayMs, windowMs } = backoff.next();
    assert.ok(delayMs >= 0 && delayMs < windowMs);
    buckets[Math.floor(delayMs / 100)]++;
  }
  for (const count of buckets) assert.ok(count > 900 && count < 1100, `bucket ${count} of 10000 is not about 1000`);
});

test('a per-attempt base widens or narrows only that attempt', () => {
  const backoff = new Backoff({ baseMs: 4000, capMs: 30000, random: () => 0.5 });
  assert.deepEqual(backoff.next(1000), { attempt: 1, delayMs: 500, windowMs: 1000 });
  assert.deepEqual(backoff.next(), { attempt: 2, delayMs: 4000, windowMs: 8000 });
});

test('a window past 2^30 attempts does not overflow', () => {
  const backoff = new Backoff({ baseMs: 1000, capMs: 60000, random: () => 0.5 });
  for (let i = 0; i < 2000; i++) backoff.next();
  assert.equal(backoff.window(), 60000);
});

test('nonsense settings are refused', () => {
  assert.throws(() => new Backoff({ baseMs: 0 }), (e) => e instanceof SetupError && e.code === 'setup');
  assert.throws(() => new Backoff({ baseMs: 2000, capMs: 1000 }), SetupError);
});

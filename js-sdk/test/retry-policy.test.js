import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff } from '../src/index.js';
import { rpcErrorFor } from '../src/rpc/rpc-errors.js';
import { RetryPlanner, SOON_ATTEMPTS, SOON_WINDOW_MS, decide } from '../src/session/retry-policy.js';

/** A planner whose random draws are always just under 1: every wait is its window's upper end. */
function planner() {
  const random = () => 0.999;
  return new RetryPlanner({
    backoff: new Backoff({ baseMs: 4000, capMs: 30000, random }),
    callBaseMs: 500,
    random,
    maxAttempts: Infinity,
    shouldRetry: () => true,
    onPolicyError: (e) => {
      throw e;
    },
  });
}

for (const [code, name] of [
  [-32011, 'No island available'],
  [-32012, 'Island unreachable'],
]) {
  test(`${name} (${code}) is retried within ${SOON_WINDOW_MS} ms a few times, then with the backoff`, () => {
    const error = rpcErrorFor('login', { code, message: name });
    const decision = decide(error);
    assert.equal(decision.kind, 'retry');
    assert.equal(decision.soon, true);
    const p = planner();
    const waits = [];
    for (let i = 0; i < SOON_ATTEMPTS + 2; i++) {
      waits.push(p.next(error, decision, { withCalls: false, loggedIn: true }).delayMs);
    }
    for (const w of waits.slice(0, SOON_ATTEMPTS)) assert.ok(w < SOON_WINDOW_MS, `waits ${waits}`);
    // afterwards the growing backoff of a session without calls (base 4 s, doubled per attempt, capped at 30 s)
    assert.ok(waits[SOON_ATTEMPTS] >= Math.min(30000, 4000 * 2 ** SOON_ATTEMPTS) * 0.99, `waits ${waits}`);
  });
}

test('other failures of a session without calls keep the backoff from the first retry', () => {
  const error = rpcErrorFor('login', { code: -32000, message: 'Authentication Required' });
  const decision = decide(error);
  assert.notEqual(decision.soon, true);
  const wait = planner().next(error, decision, { withCalls: false, loggedIn: true }).delayMs;
  assert.ok(wait >= 3990, `wait ${wait}`);
});

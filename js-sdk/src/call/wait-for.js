import { HangupError, TimeoutError } from '../errors.js';

/**
 * Resolves once `call` is in `state`; rejects when the call ends first (with the error that
 * ended it, or a {@link HangupError} carrying the cause) or after `timeoutMs` on `clock`.
 *
 * @param {import('./dialog.js').Dialog} call
 * @param {import('../../types/index.js').CallState} state
 * @param {number} timeoutMs
 * @param {import('../clock.js').Clock} clock
 * @returns {Promise<void>}
 */
export function waitForState(call, state, timeoutMs, clock) {
  if (call.state === state) return Promise.resolve();
  const ended = call.endedWith;
  if (ended && call.state === 'destroy') return Promise.reject(ended.error ?? new HangupError(call.id, ended));
  return new Promise((resolve, reject) => {
    const timer = clock.setTimeout(() => {
      cleanup();
      reject(new TimeoutError(`call ${call.id} reaching "${state}" (now "${call.state}")`, timeoutMs));
    }, timeoutMs);
    const offState = call.on('statechange', (change) => {
      if (change.state === state) {
        cleanup();
        resolve();
      }
    });
    const offEnded = call.on('ended', (end) => {
      if (state === 'destroy') return;
      cleanup();
      reject(end.error ?? new HangupError(call.id, end));
    });
    function cleanup() {
      clock.clearTimeout(timer);
      offState();
      offEnded();
    }
  });
}

/**
 * The time source every timer of the SDK goes through, so that tests can drive backoff and
 * keepalive deadlines with a fake clock instead of sleeping.
 *
 * @typedef {object} Clock
 * @property {() => number} now milliseconds, monotonic enough for deadlines
 * @property {(fn: () => void, ms: number) => any} setTimeout
 * @property {(handle: any) => void} clearTimeout
 */

/** @type {Clock} */
export const systemClock = Object.freeze({
  now: () => (globalThis.performance ? globalThis.performance.now() : Date.now()),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
});

/**
 * Resolves after `ms` on `clock`, or rejects with an `AbortError` when the signal aborts first.
 * The rejection is made here rather than taken from `signal.reason`, which browsers below the
 * README's support floor lack (Chrome 98, Firefox 97, Safari 15.4).
 *
 * @param {Clock} clock
 * @param {number} ms
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
export function delay(clock, ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clock.clearTimeout(handle);
      reject(abortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError() {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Preload (`node --import`) that makes this runtime look, to the SDK's code, like the README's
 * oldest supported browser. Each API of browser-floor.js newer than the floor becomes a tripwire
 * that throws when code under src/ or dist/ touches it (Node's own modules and the tests, which
 * run on Node, still have it); the feature-tested ones are deleted outright so that the SDK's
 * fallbacks run. Used by test/browser-floor.test.js.
 */
import { FEATURE_TESTED, NEWER_APIS, partsOf } from './browser-floor.js';

const sdkCode = [new URL('../../src/', import.meta.url).href, new URL('../../dist/', import.meta.url).href];

/** True when the frame that called the tripwire is the SDK's. */
function calledBySdk() {
  const caller = (new Error().stack ?? '').split('\n')[3] ?? '';
  return sdkCode.some((prefix) => caller.includes(prefix));
}

/** @param {string} path */
function resolve(path) {
  return path.split('.').reduce((/** @type {any} */ object, key) => object?.[key], globalThis);
}

for (const api of NEWER_APIS) {
  const { owner, property } = partsOf(api);
  const target = resolve(owner);
  const descriptor = target && Object.getOwnPropertyDescriptor(target, property);
  if (!descriptor) continue; // this Node lacks it too
  const refuse = () => new TypeError(`${api.name} is newer than the README's browser floor (${api.since})`);
  if (descriptor.get) {
    const get = descriptor.get;
    Object.defineProperty(target, property, {
      ...descriptor,
      get() {
        if (calledBySdk()) throw refuse();
        return get.call(this);
      },
    });
  } else if (typeof descriptor.value === 'function') {
    const original = descriptor.value;
    Object.defineProperty(target, property, {
      ...descriptor,
      value: function (/** @type {unknown[]} */ ...args) {
        if (calledBySdk()) throw refuse();
        return original.apply(this, args);
      },
    });
  }
}

for (const api of FEATURE_TESTED) {
  const { owner, property } = partsOf(api);
  const target = owner === 'Crypto.prototype' ? Object.getPrototypeOf(globalThis.crypto) : resolve(owner);
  if (target) delete target[property];
  if (target?.[property] !== undefined) throw new Error(`${api.name} could not be removed`);
}

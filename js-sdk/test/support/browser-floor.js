/**
 * The oldest browsers the SDK supports (README "Browser support") and what it may use there.
 *
 * The floor is set by what the sources rely on without a feature test: Error's `cause` option
 * (Chrome 93, Firefox 91, Safari 15), private methods (Firefox 90, Safari 15) and logical
 * assignment (Chrome 85). Everything newer is listed below with the first versions that have it;
 * eslint.config.js forbids it in src/, test/browser-floor.test.js runs the behaviour tests with it
 * out of the SDK's reach, so that a use slipping past the linter (through a variable) still fails
 * a test, and test/browser.test.js runs the minified build in Chromium with it deleted.
 */
export const FLOOR = Object.freeze({ Chrome: 93, Edge: 93, Firefox: 91, Safari: 15 });

/**
 * Platform APIs newer than the floor, never used. `X.prototype.y` is an instance member,
 * `globalThis.y` a global, `X.y` a static. An instance member whose name is common (`reason`)
 * is linted only on receivers whose name matches `receiver`.
 */
export const NEWER_APIS = Object.freeze([
  { name: 'AbortSignal.prototype.throwIfAborted', since: 'Chrome 100, Firefox 97, Safari 15.4' },
  { name: 'AbortSignal.prototype.reason', since: 'Chrome 98, Firefox 97, Safari 15.4', receiver: 'signal' },
  { name: 'AbortSignal.timeout', since: 'Chrome 103, Firefox 100, Safari 16' },
  { name: 'AbortSignal.any', since: 'Chrome 116, Firefox 124, Safari 17.4' },
  { name: 'globalThis.structuredClone', since: 'Chrome 98, Firefox 94, Safari 15.4' },
  { name: 'Array.prototype.at', since: 'Chrome 92, Firefox 90, Safari 15.4' },
  { name: 'String.prototype.at', since: 'Chrome 92, Firefox 90, Safari 15.4' },
  { name: 'Object.hasOwn', since: 'Chrome 93, Firefox 92, Safari 15.4' },
  { name: 'Array.prototype.findLast', since: 'Chrome 97, Firefox 104, Safari 15.4' },
  { name: 'Array.prototype.findLastIndex', since: 'Chrome 97, Firefox 104, Safari 15.4' },
  { name: 'Array.prototype.toSorted', since: 'Chrome 110, Firefox 115, Safari 16' },
  { name: 'Array.prototype.toReversed', since: 'Chrome 110, Firefox 115, Safari 16' },
  { name: 'Array.prototype.toSpliced', since: 'Chrome 110, Firefox 115, Safari 16' },
  { name: 'Array.fromAsync', since: 'Chrome 121, Firefox 115, Safari 16.4' },
  { name: 'Object.groupBy', since: 'Chrome 117, Firefox 119, Safari 17.4' },
  { name: 'Promise.withResolvers', since: 'Chrome 119, Firefox 121, Safari 17.4' },
]);

/** Newer APIs used only behind a `typeof` test, with a fallback the behaviour tests then run. */
export const FEATURE_TESTED = Object.freeze([
  { name: 'globalThis.reportError', since: 'Chrome 95, Firefox 93, Safari 15.4' },
  { name: 'Crypto.prototype.randomUUID', since: 'Chrome 92, Firefox 95, Safari 15.4' },
]);

/**
 * Syntax newer than the floor that ES2022, the version ESLint parses src/ as, still admits (later
 * syntax, such as the RegExp v flag, does not parse at all).
 */
export const NEWER_SYNTAX = Object.freeze([
  { selector: 'StaticBlock', message: 'class static blocks: Chrome 94, Firefox 93, Safari 16.4' },
  { selector: 'Literal[regex.pattern=/\\(\\?<[=!]/]', message: 'RegExp lookbehind: Safari 16.4' },
]);

/** @param {{name: string}} api */
export function partsOf(api) {
  const parts = api.name.split('.');
  const property = parts.pop();
  return { owner: parts.join('.'), property, instance: parts[parts.length - 1] === 'prototype', global: parts[0] === 'globalThis' };
}

/** ESLint rules that forbid {@link NEWER_APIS} and {@link NEWER_SYNTAX} (eslint.config.js, src/). */
export function floorRules() {
  const beyond = (/** @type {{since: string}} */ api) => `newer than the README's browser floor (${api.since})`;
  const properties = [];
  const globals = [];
  const syntax = NEWER_SYNTAX.map(({ selector, message }) => ({ selector, message: `${message}: newer than the README's browser floor` }));
  for (const api of /** @type {ReadonlyArray<{name: string, since: string, receiver?: string}>} */ (NEWER_APIS)) {
    const { owner, property, instance, global } = partsOf(api);
    const named = `MemberExpression[property.name='${property}']`;
    if (api.receiver) {
      const message = `${api.name} is ${beyond(api)}`;
      syntax.push({ selector: `${named}[object.name=/${api.receiver}/i]`, message }, { selector: `${named}[object.property.name=/${api.receiver}/i]`, message });
    } else if (global) globals.push({ name: property, message: beyond(api) });
    else if (instance) properties.push({ property, message: `${api.name} is ${beyond(api)}` });
    else properties.push({ object: owner, property, message: `${api.name} is ${beyond(api)}` });
  }
  return {
    'no-restricted-properties': ['error', ...properties],
    'no-restricted-globals': ['error', ...globals],
    'no-restricted-syntax': ['error', ...syntax],
  };
}

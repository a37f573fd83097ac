import { ArgumentError } from '../errors.js';

/**
 * The `dtmf` string of a C→S `verto.info` (docs/protocol.md §4.7): digits `0-9*#A-D`, in groups
 * separated by `+`, each optionally followed by `@<ms>` (tone duration). Lower-case `a`-`d` are
 * accepted and sent upper-case.
 */
const DTMF = /^[0-9*#A-D]+(@[0-9]{1,5})?(\+[0-9*#A-D]+(@[0-9]{1,5})?)*$/;

/**
 * @param {unknown} digits
 * @returns {string} the string to send
 * @throws {ArgumentError} naming the offending input
 */
export function dtmfString(digits) {
  if (typeof digits !== 'string' && typeof digits !== 'number') {
    throw new ArgumentError('digits', `DTMF must be a string of 0-9 * # A-D, got ${digits === null ? 'null' : typeof digits}`);
  }
  const text = String(digits).replace(/[a-d]/g, (c) => c.toUpperCase());
  if (!DTMF.test(text)) {
    throw new ArgumentError('digits', `DTMF ${JSON.stringify(String(digits))} is not valid: use 0-9 * # A-D, groups joined by + with an optional @ms duration`);
  }
  return text;
}

import { PartitionMapError } from './partition-map-error.js';

/**
 * docs/partitioning.md step 1: trim surrounding white space, then map ASCII `A`-`Z` to `a`-`z`.
 * No locale rules and no Unicode case folding. "White space" is every code unit up to U+0020,
 * the rule of Java's `String.trim()`, so both implementations cut exactly the same characters.
 *
 * @param {string} value
 * @param {string} field the input's name, for the error on empty input
 * @returns {string}
 */
export function fold(value, field) {
  if (typeof value !== 'string') {
    throw new PartitionMapError(field, `expected a string, got ${describe(value)}`);
  }
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  if (start === end) throw new PartitionMapError(field, 'must not be empty');
  return value.slice(start, end).replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * docs/partitioning.md step 2: the key is the folded domain, or `user@domain` with `"extension"`.
 *
 * @param {'domain'|'extension'} partitionBy
 * @param {string} user
 * @param {string} domain
 */
export function partitionKey(partitionBy, user, domain) {
  const foldedDomain = fold(domain, 'domain');
  if (partitionBy === 'domain') return foldedDomain;
  return `${fold(user, 'user')}@${foldedDomain}`;
}

function describe(value) {
  return value === null ? 'null' : typeof value;
}

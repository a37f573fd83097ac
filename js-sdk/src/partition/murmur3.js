/**
 * MurmurHash3 x86 32-bit, seed 0, over the UTF-8 bytes of a string (docs/partitioning.md: the same
 * value as Guava's `Hashing.murmur3_32_fixed()`). Every intermediate is kept unsigned with `>>> 0`
 * and multiplied with `Math.imul`, so the result never depends on floating point.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const encoder = new TextEncoder();

/**
 * @param {string} text
 * @returns {number} unsigned 32-bit hash
 */
export function murmur3(text) {
  return murmur3Bytes(encoder.encode(text));
}

/**
 * @param {Uint8Array} bytes
 * @returns {number} unsigned 32-bit hash
 */
export function murmur3Bytes(bytes) {
  let h = 0;
  const blocks = bytes.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    h ^= mixK(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  let k = 0;
  switch (bytes.length & 3) {
    case 3:
      k ^= bytes[blocks + 2] << 16;
    // falls through
    case 2:
      k ^= bytes[blocks + 1] << 8;
    // falls through
    case 1:
      k ^= bytes[blocks];
      h ^= mixK(k);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixK(k) {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

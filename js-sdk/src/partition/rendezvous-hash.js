import { murmur3 } from './murmur3.js';

/**
 * Rendezvous (highest random weight) hashing, docs/partitioning.md step 3: an island's score is the
 * largest unsigned `murmur3_32(key + "|" + id + "#" + v)` for `v` in `0 .. weight-1`; the highest
 * score wins and equal scores go to the smaller id (UTF-16 code unit order, JS `<`).
 *
 * @param {string} key
 * @param {{id: string, weight: number}[]} islands
 * @returns {string|null} the winning id, or null for an empty list
 */
export function rendezvous(key, islands) {
  /** @type {string|null} */
  let best = null;
  let bestScore = -1;
  for (const island of islands) {
    let score = 0;
    for (let v = 0; v < island.weight; v++) {
      const hash = murmur3(`${key}|${island.id}#${v}`);
      if (hash > score) score = hash;
    }
    if (score > bestScore || (score === bestScore && best !== null && island.id < best)) {
      best = island.id;
      bestScore = score;
    }
  }
  return best;
}

/**
 * docs/partitioning.md step 4: the spare that takes a down home island's whole partition is the one
 * with the highest `murmur3_32(home + "|" + spareId)`, same tie rule.
 *
 * @param {string} home
 * @param {{id: string}[]} spares spares that are up
 * @returns {string|null}
 */
export function spareFor(home, spares) {
  /** @type {string|null} */
  let best = null;
  let bestScore = -1;
  for (const spare of spares) {
    const score = murmur3(`${home}|${spare.id}`);
    if (score > bestScore || (score === bestScore && best !== null && spare.id < best)) {
      best = spare.id;
      bestScore = score;
    }
  }
  return best;
}

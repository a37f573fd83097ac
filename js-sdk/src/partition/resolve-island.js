import { PartitionMap } from './partition-map.js';
import { partitionKey, fold } from './key-folding.js';
import { rendezvous, spareFor } from './rendezvous-hash.js';

/**
 * Computes which island is home to a user and which one serves it now (docs/partitioning.md
 * "The computation"). Pure: the same map, user, domain and down set give the same answer in
 * the SDK and in the gateway.
 *
 * @param {PartitionMap|object} map a {@link PartitionMap} or the raw JSON map
 * @param {string} user
 * @param {string} domain
 * @param {Iterable<string>} [down] ids of islands that are down; defaults to the map's own
 *   `state: "down"` islands
 * @returns {{home: string, serving: string|null, key: string}} `serving` is null when no
 *   candidate island is up
 * @throws {import('./partition-map-error.js').PartitionMapError} on an invalid map or an empty user/domain
 */
export function resolveIsland(map, user, domain, down) {
  const partitionMap = map instanceof PartitionMap ? map : new PartitionMap(map);
  const key = partitionKey(partitionMap.partitionBy, user, domain);
  const downSet = new Set(down === undefined ? partitionMap.downIds() : down);
  const isUp = (island) => !downSet.has(island.id);

  const pinned = partitionMap.pins.get(fold(domain, 'domain'));
  const home = /** @type {string} */ (pinned !== undefined ? pinned : rendezvous(key, partitionMap.active));
  if (!downSet.has(home)) return { home, serving: home, key };

  const spare = spareFor(home, partitionMap.spares.filter(isUp));
  if (spare !== null) return { home, serving: spare, key };

  return { home, serving: rendezvous(key, partitionMap.active.filter(isUp)), key };
}

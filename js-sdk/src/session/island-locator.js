import { isDefinitive, pageOrigin } from '../partition/map-source.js';
import { resolveIsland } from '../partition/resolve-island.js';
import { MapSource } from '../partition/map-source.js';
import { PartitionMapError } from '../partition/partition-map-error.js';
import { SetupError } from '../errors.js';

/**
 * Where the next connection goes: the partition map (given, or fetched and refreshed), the island
 * it computes for the user, and the gateway endpoints that front that island, falling back to
 * `options.gateways` and then to `/verto` of the page's own origin (the gateway routes a login
 * that names no island).
 */
export class IslandLocator {
  /** @type {import('../partition/partition-map.js').PartitionMap|null} */
  #map;
  #source;
  #gateways;
  #user;
  #domain;
  #logger;

  /**
   * @param {object} options
   * @param {string} options.user
   * @param {string} options.domain
   * @param {import('../partition/partition-map.js').PartitionMap|null} options.map a fixed map, or null to fetch one
   * @param {import('../partition/map-source.js').MapSource} options.source
   * @param {string[]} options.gateways
   * @param {import('../../types/index.js').Logger} options.logger
   */
  constructor({ user, domain, map, source, gateways, logger }) {
    this.#user = user;
    this.#domain = domain;
    this.#map = map;
    this.#source = source;
    this.#gateways = gateways;
    this.#logger = logger;
  }

  get map() {
    return this.#map;
  }

  /**
   * Refuses a client that has nowhere to go: no map, no map URL, no gateways and no page origin.
   *
   * @throws {SetupError}
   */
  check() {
    if (this.#map || this.#gateways.length > 0 || pageOrigin()) return;
    if (!this.#source.usable) throw new SetupError('fetch', 'No fetch implementation to load the partition map: pass options.fetch, options.partitionMap or options.gateways');
    if (this.#source.candidates([]).length === 0) {
      throw new SetupError('mapUrl', 'No partition map URL and no gateway endpoint: pass options.mapUrl, options.partitionMap or options.gateways (there is no page origin to default to)');
    }
  }

  /**
   * Fetches a fresh map (island states change without a new version). Before the first login
   * (`strict`) a definitive failure of the application's own map URL (4xx, not JSON, invalid map)
   * is thrown: it is a setup mistake, not an outage. Otherwise a failed refresh keeps the map
   * there is, and throws only when there is nowhere at all to connect to.
   *
   * @param {{strict: boolean, lastEndpoint: string|null, signal?: AbortSignal}} options `lastEndpoint` (the one that may just have died) is asked last; `signal` aborts the fetch
   * @returns {Promise<import('../partition/partition-map.js').PartitionMap|null>} the new map, or null when it did not change
   */
  async refresh({ strict, lastEndpoint, signal }) {
    if (!this.#source.usable && this.#map === null && this.#gateways.length === 0) return null;
    const known = this.#map ? [...new Set([...this.#map.gateways, ...this.#map.islands.flatMap((i) => i.gateways ?? [])])] : [];
    const endpoints = orderFrom(known.length > 0 ? known : this.#gateways, lastEndpoint);
    try {
      const map = await this.#source.load(endpoints, this.#logger, signal);
      if (map) this.#map = map;
      return map;
    } catch (error) {
      if (signal?.aborted) throw error;
      const setupMistake = strict && this.#source.explicit && (isDefinitive(error) || error instanceof PartitionMapError);
      if (setupMistake) throw error;
      this.#logger.warn?.(`partition map refresh failed, keeping ${this.#map ? `version ${this.#map.version}` : 'no map'}: ${/** @type {Error} */ (error)?.message ?? error}`);
      if (!this.#map && this.#gateways.length === 0 && !pageOrigin()) throw error;
      return null;
    }
  }

  /** The serving island, or null to let the gateway route (no map, or nothing up in it). */
  island() {
    if (!this.#map) return null;
    return resolveIsland(this.#map, this.#user, this.#domain).serving;
  }

  /**
   * @param {string|null} island
   * @returns {readonly string[]}
   */
  endpoints(island) {
    const fromMap = this.#map ? this.#map.endpointsFor(island) : [];
    if (fromMap.length > 0) return fromMap;
    if (this.#gateways.length > 0) return this.#gateways;
    const origin = pageOrigin();
    if (origin) return [`${origin.replace(/^http/, 'ws')}/verto`];
    return [];
  }
}

/**
 * @param {readonly string[]} list
 * @param {string|null} last
 */
function orderFrom(list, last) {
  const at = last === null ? -1 : list.indexOf(last);
  return at < 0 ? [...list] : [...list.slice(at + 1), ...list.slice(0, at + 1)];
}

/**
 * The locator for a client's checked options: its map (given, or fetched from `mapUrl`) and gateways.
 *
 * @param {any} checked the options as `readOptions` returns them
 * @param {import('../clock.js').Clock} clock
 * @param {import('../../types/index.js').Logger} logger
 */
export function locatorFor(checked, clock, logger) {
  const source = new MapSource({ domain: checked.domain, mapUrl: checked.mapUrl, fetch: checked.fetch ?? globalThis.fetch?.bind(globalThis), timeoutMs: checked.mapTimeoutMs, clock });
  return new IslandLocator({ user: checked.user, domain: checked.domain, map: checked.map, gateways: checked.gateways, logger, source });
}

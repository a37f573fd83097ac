import { PartitionMapError } from './partition-map-error.js';
import { fold } from './key-folding.js';

const ISLAND_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * @typedef {object} Island
 * @property {string} id
 * @property {number} weight integer 1..64
 * @property {'active'|'spare'} role
 * @property {'up'|'down'|undefined} state as published by a gateway, absent in plain maps
 * @property {readonly string[]|undefined} gateways endpoints that front this island, if the map says so
 */

/**
 * A validated, immutable view of a partition map (docs/partitioning.md "The partition map").
 * Operator-facing fields beside the computation ones are kept on `raw` untouched.
 * A map with no active island, a duplicate id, a pin to an unknown or spare island or a weight
 * out of range is rejected whole with a {@link PartitionMapError} that names the field.
 */
export class PartitionMap {
  /** @param {any} raw the JSON object as published by `/v1/partition-map` or a map file */
  constructor(raw) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new PartitionMapError('map', 'expected a JSON object');
    }
    this.raw = raw;
    this.version = readVersion(raw.version);
    this.partitionBy = readPartitionBy(raw.partitionBy);
    /** @type {Island[]} */
    this.islands = readIslands(raw.islands);
    /** @type {Map<string, Island>} */
    this.byId = new Map(this.islands.map((island) => [island.id, island]));
    /** @type {Island[]} */
    this.active = this.islands.filter((island) => island.role === 'active');
    /** @type {Island[]} */
    this.spares = this.islands.filter((island) => island.role === 'spare');
    if (this.active.length === 0) throw new PartitionMapError('islands', 'no active island');
    /** @type {Map<string, string>} folded domain → island id */
    this.pins = readPins(raw.pins, this.byId);
    /** @type {readonly string[]} top-level gateway endpoints */
    this.gateways = readEndpoints(raw.gateways, 'gateways');
    Object.freeze(this);
  }

  /** Ids of the islands the map itself reports as down (`state: "down"`). */
  downIds() {
    return this.islands.filter((island) => island.state === 'down').map((island) => island.id);
  }

  /**
   * Gateway endpoints that front an island: the island's own list when it has one, else the
   * top-level list (the gateway contract: prefer the island's list).
   *
   * @param {string|null} islandId
   * @returns {readonly string[]}
   */
  endpointsFor(islandId) {
    const island = islandId == null ? undefined : this.byId.get(islandId);
    if (island && island.gateways && island.gateways.length > 0) return island.gateways;
    return this.gateways;
  }
}

function readVersion(version) {
  if (version === undefined) return 0;
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new PartitionMapError('version', `expected a non-negative integer, got ${JSON.stringify(version)}`);
  }
  return version;
}

function readPartitionBy(partitionBy) {
  if (partitionBy === undefined) return 'domain';
  if (partitionBy !== 'domain' && partitionBy !== 'extension') {
    throw new PartitionMapError('partitionBy', `expected "domain" or "extension", got ${JSON.stringify(partitionBy)}`);
  }
  return partitionBy;
}

function readIslands(islands) {
  if (!Array.isArray(islands)) throw new PartitionMapError('islands', 'expected an array');
  const seen = new Set();
  return islands.map((island, index) => {
    const at = `islands[${index}]`;
    if (island === null || typeof island !== 'object') throw new PartitionMapError(at, 'expected an object');
    const { id } = island;
    if (typeof id !== 'string' || !ISLAND_ID.test(id)) {
      throw new PartitionMapError(`${at}.id`, `expected [A-Za-z0-9._-]{1,64}, got ${JSON.stringify(id)}`);
    }
    if (seen.has(id)) throw new PartitionMapError(`${at}.id`, `duplicate island id "${id}"`);
    seen.add(id);
    const weight = island.weight === undefined ? 1 : island.weight;
    if (!Number.isInteger(weight) || weight < 1 || weight > 64) {
      throw new PartitionMapError(`${at}.weight`, `expected an integer 1..64, got ${JSON.stringify(island.weight)}`);
    }
    const role = island.role === undefined ? 'active' : island.role;
    if (role !== 'active' && role !== 'spare') {
      throw new PartitionMapError(`${at}.role`, `expected "active" or "spare", got ${JSON.stringify(island.role)}`);
    }
    const state = island.state;
    if (state !== undefined && state !== 'up' && state !== 'down') {
      throw new PartitionMapError(`${at}.state`, `expected "up" or "down", got ${JSON.stringify(state)}`);
    }
    const gateways = island.gateways === undefined ? undefined : readEndpoints(island.gateways, `${at}.gateways`);
    return Object.freeze({ id, weight, role, state, gateways });
  });
}

function readPins(pins, byId) {
  const result = new Map();
  if (pins === undefined || pins === null) return result;
  if (typeof pins !== 'object' || Array.isArray(pins)) throw new PartitionMapError('pins', 'expected an object');
  for (const [domain, id] of Object.entries(pins)) {
    const at = `pins.${domain}`;
    const island = byId.get(id);
    if (!island) throw new PartitionMapError(at, `pinned to unknown island ${JSON.stringify(id)}`);
    if (island.role !== 'active') throw new PartitionMapError(at, `pinned to spare island "${id}"`);
    result.set(fold(domain, at), id);
  }
  return result;
}

function readEndpoints(list, field) {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new PartitionMapError(field, 'expected an array of URLs');
  list.forEach((url, index) => {
    if (typeof url !== 'string' || !/^wss?:\/\//i.test(url)) {
      throw new PartitionMapError(`${field}[${index}]`, `expected a ws:// or wss:// URL, got ${JSON.stringify(url)}`);
    }
  });
  return Object.freeze([...list]);
}

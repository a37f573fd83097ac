import { PartitionMap } from './partition-map.js';
import { VertoError } from '../errors.js';
import { systemClock } from '../clock.js';

const MAP_PATH = '/v1/partition-map';

/**
 * Where the client gets its partition map: the URL the application gives (or `/v1/partition-map`
 * of the page's own origin), then the same path on every gateway endpoint it knows, so a map
 * refresh still works while the gateway that served the page is the one that died.
 */
export class MapSource {
  #mapUrl;
  #fetch;
  #domain;
  #clock;
  #timeoutMs;

  /**
   * @param {object} options
   * @param {string} options.domain the user's domain, sent as `?domain=` so the gateway can show its pin
   * @param {string} [options.mapUrl] absolute, or relative to the page
   * @param {typeof fetch} [options.fetch]
   * @param {number} [options.timeoutMs]
   * @param {import('../clock.js').Clock} [options.clock]
   */
  constructor({ domain, mapUrl, fetch = globalThis.fetch, timeoutMs = 5000, clock = systemClock }) {
    this.#domain = domain;
    this.#mapUrl = mapUrl === undefined ? pageRelative(MAP_PATH) : absolute(mapUrl);
    this.#fetch = fetch;
    this.#timeoutMs = timeoutMs;
    this.#clock = clock;
  }

  /**
   * The URLs tried, in order, for a given list of known gateway endpoints.
   *
   * @param {string[]} endpoints
   * @returns {string[]}
   */
  candidates(endpoints) {
    const urls = [];
    if (this.#mapUrl) urls.push(withDomain(this.#mapUrl, this.#domain));
    for (const endpoint of endpoints) urls.push(withDomain(mapUrlOf(endpoint), this.#domain));
    return [...new Set(urls)];
  }

  /**
   * Fetches the first map that loads and validates.
   *
   * @param {string[]} endpoints known gateway endpoints, most preferred first
   * @returns {Promise<PartitionMap>} rejects with the last failure when every candidate failed
   */
  async load(endpoints = []) {
    if (typeof this.#fetch !== 'function') throw new VertoError('No fetch implementation: pass options.fetch or options.partitionMap');
    const urls = this.candidates(endpoints);
    if (urls.length === 0) throw new VertoError('No partition map URL: pass options.mapUrl or options.gateways');
    let lastError;
    for (const url of urls) {
      try {
        return new PartitionMap(await this.#get(url));
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  async #get(url) {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = this.#clock.setTimeout(() => {
        controller?.abort();
        reject(new VertoError(`GET ${url} timed out after ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
    });
    try {
      const response = await Promise.race([this.#fetch(url, { signal: controller?.signal, headers: { accept: 'application/json' } }), timeout]);
      if (!response.ok) throw new VertoError(`GET ${url}: HTTP ${response.status}`);
      return await Promise.race([response.json(), timeout]);
    } finally {
      this.#clock.clearTimeout(timer);
    }
  }
}

/**
 * The map URL served by the gateway behind a Verto endpoint: same host and port, `https` for
 * `wss` (the gateway serves both on one port).
 *
 * @param {string} endpoint `wss://host:port/verto`
 */
export function mapUrlOf(endpoint) {
  const url = new URL(endpoint);
  url.protocol = url.protocol === 'ws:' ? 'http:' : 'https:';
  url.pathname = MAP_PATH;
  url.search = '';
  url.hash = '';
  return url.href;
}

function withDomain(href, domain) {
  const url = new URL(href);
  if (!url.searchParams.has('domain')) url.searchParams.set('domain', domain);
  return url.href;
}

function absolute(href) {
  const base = globalThis.location?.href;
  try {
    return new URL(href, base).href;
  } catch {
    throw new TypeError(`mapUrl ${JSON.stringify(href)} is not an absolute URL and there is no page to resolve it against`);
  }
}

function pageRelative(path) {
  const base = globalThis.location?.href;
  return base && /^https?:/.test(base) ? new URL(path, base).href : undefined;
}

import { PartitionMap } from './partition-map.js';
import { ConnectionError, DisconnectedError, MapFetchError, TimeoutError } from '../errors.js';
import { systemClock } from '../clock.js';

const MAP_PATH = '/v1/partition-map';

/**
 * Where the client gets its partition map: the URL the application gives (or `/v1/partition-map`
 * of the page's own origin), then the same path on every gateway endpoint it knows, so a map
 * refresh still works while the gateway that served the page is the one that died.
 */
export class MapSource {
  #mapUrl;
  #explicit;
  #fetch;
  #domain;
  #clock;
  #timeoutMs;

  /**
   * @param {object} options
   * @param {string} options.domain the user's domain, sent as `?domain=` so the gateway can show its pin
   * @param {string} [options.mapUrl] absolute (checked by the client options)
   * @param {import('../../types/index.js').VertoClientOptions['fetch']} [options.fetch]
   * @param {number} [options.timeoutMs]
   * @param {import('../clock.js').Clock} [options.clock]
   */
  constructor({ domain, mapUrl, fetch = globalThis.fetch, timeoutMs = 5000, clock = systemClock }) {
    this.#domain = domain;
    this.#explicit = mapUrl !== undefined;
    this.#mapUrl = mapUrl ?? pageRelative(MAP_PATH);
    this.#fetch = fetch;
    this.#timeoutMs = timeoutMs;
    this.#clock = clock;
  }

  /** True when the application named the map URL: a definitive failure of it is a setup mistake. */
  get explicit() {
    return this.#explicit;
  }

  /** True when a map can be asked for at all (a fetch, and a URL or endpoints to derive one from). */
  get usable() {
    return typeof this.#fetch === 'function';
  }

  /**
   * The URLs tried, in order, for a given list of known gateway endpoints.
   *
   * @param {readonly string[]} endpoints
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
   * @param {readonly string[]} endpoints known gateway endpoints, most preferred first
   * @param {{debug?: (message: string) => void}} [logger]
   * @param {AbortSignal} [signal] the client's: a `disconnect()` aborts the fetch under way
   * @returns {Promise<PartitionMap|null>} null when there is no URL to try; rejects with the
   *   first URL's failure when every candidate failed (the application's own URL says most)
   */
  async load(endpoints = [], logger = {}, signal) {
    const urls = this.usable ? this.candidates(endpoints) : [];
    if (urls.length === 0) return null;
    /** @type {unknown} */
    let firstError;
    for (const url of urls) {
      try {
        return new PartitionMap(await this.#get(url, signal));
      } catch (error) {
        if (signal?.aborted) throw error;
        logger.debug?.(`partition map from ${url}: ${/** @type {Error} */ (error).message}`);
        firstError ??= error;
      }
    }
    throw firstError;
  }

  /**
   * @param {string} url
   * @param {AbortSignal} [signal]
   */
  async #get(url, signal) {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    /** @type {unknown} */
    let timer;
    /** @type {() => void} */
    let onAbort = () => {};
    /** @type {Promise<never>} the deadline, or the client stopping, whichever comes first */
    const timeout = new Promise((_, reject) => {
      timer = this.#clock.setTimeout(() => {
        controller?.abort();
        reject(new TimeoutError(`GET ${url}`, this.#timeoutMs));
      }, this.#timeoutMs);
      onAbort = () => {
        controller?.abort();
        reject(new DisconnectedError());
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      /** @type {any} */
      let response;
      try {
        response = await Promise.race([/** @type {any} */ (this.#fetch)(url, { signal: controller?.signal, headers: { accept: 'application/json' } }), timeout]);
      } catch (error) {
        if (error instanceof TimeoutError || error instanceof DisconnectedError) throw error;
        throw new ConnectionError(`GET ${url} failed: ${/** @type {Error} */ (error)?.message ?? error}`, { cause: error });
      }
      if (!response.ok) throw new MapFetchError(url, `GET ${url}: HTTP ${response.status}`, { status: response.status });
      try {
        return await Promise.race([response.json(), timeout]);
      } catch (error) {
        if (error instanceof TimeoutError || error instanceof DisconnectedError) throw error;
        throw new MapFetchError(url, `GET ${url}: the answer is not JSON (${/** @type {Error} */ (error)?.message ?? error})`, { status: response.status, cause: error });
      }
    } finally {
      this.#clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * True for an answer that retrying will not change: a client error status (but 408 and 429), a
 * body that is not JSON. Server errors and network failures may heal.
 *
 * @param {unknown} error
 */
export function isDefinitive(error) {
  if (!(error instanceof MapFetchError)) return false;
  const status = error.status;
  return status === undefined || (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 408 && status !== 429);
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

/**
 * @param {string} href
 * @param {string} domain
 */
function withDomain(href, domain) {
  const url = new URL(href);
  if (!url.searchParams.has('domain')) url.searchParams.set('domain', domain);
  return url.href;
}

/** @param {string} path */
function pageRelative(path) {
  const base = pageOrigin();
  return base ? new URL(path, base).href : undefined;
}

/**
 * The origin of the page the SDK runs in, when it runs in a page served over HTTP(S).
 *
 * @returns {string|undefined}
 */
export function pageOrigin() {
  const location = /** @type {any} */ (globalThis).location;
  return location && /^https?:$/.test(location.protocol) ? location.origin : undefined;
}

import { SetupError } from '../errors.js';
import { PartitionMap } from '../partition/partition-map.js';

/** Defaults of the timing options (verto.d.ts documents each). */
export const DEFAULTS = Object.freeze({
  requestTimeoutMs: 10000,
  connectTimeoutMs: 10000,
  mapTimeoutMs: 5000,
  clientReadyTimeoutMs: 10000,
  maxRedirects: 3,
});

const TIMING = /** @type {const} */ (['requestTimeoutMs', 'connectTimeoutMs', 'mapTimeoutMs', 'clientReadyTimeoutMs']);

/**
 * Checks the options of `new VertoClient()` and fills in defaults. A wrong value is a
 * {@link SetupError} naming the option, thrown by the constructor: it is a mistake in the page,
 * not a condition to retry.
 *
 * @param {import('../../types/index.js').VertoClientOptions} options
 */
export function readOptions(options) {
  if (options === null || typeof options !== 'object') throw new SetupError('options', 'new VertoClient(options) needs an options object with at least `login`');
  const { user, domain } = splitLogin(options.login);
  optional(options, 'passwd', 'string');
  optional(options, 'callerIdName', 'string');
  optional(options, 'callerIdNumber', 'string');
  optional(options, 'sessid', 'string');
  optional(options, 'WebSocket', 'function');
  optional(options, 'createWebSocket', 'function');
  optional(options, 'fetch', 'function');
  optional(options, 'random', 'function');
  for (const name of TIMING) positive(options[name], name);
  if (options.maxRedirects !== undefined && !(Number.isInteger(options.maxRedirects) && options.maxRedirects >= 0)) {
    throw new SetupError('maxRedirects', `maxRedirects must be an integer >= 0, got ${JSON.stringify(options.maxRedirects)}`);
  }
  const mapUrl = options.mapUrl === undefined ? undefined : absoluteUrl(options.mapUrl);
  const gateways = readGateways(options.gateways);
  /** @type {PartitionMap|null} */
  let map = null;
  if (options.partitionMap !== undefined) map = options.partitionMap instanceof PartitionMap ? options.partitionMap : new PartitionMap(options.partitionMap);
  const reconnect = readReconnect(options.reconnect);
  if (options.keepalive !== undefined && options.keepalive !== false) {
    object(options.keepalive, 'keepalive');
    positive(options.keepalive.idleMs, 'keepalive.idleMs');
    positive(options.keepalive.timeoutMs, 'keepalive.timeoutMs');
  }
  if (options.media !== undefined) object(options.media, 'media');
  if (options.ringtone !== undefined) {
    object(options.ringtone, 'ringtone');
    if (typeof options.ringtone.start !== 'function' || typeof options.ringtone.stop !== 'function') {
      throw new SetupError('ringtone', 'ringtone must be an object with start(call) and stop(call) methods');
    }
  }
  return { ...DEFAULTS, ...options, user, domain, mapUrl, gateways, map, reconnect };
}

/**
 * @param {unknown} login
 * @returns {{user: string, domain: string}}
 */
export function splitLogin(login) {
  if (typeof login !== 'string') throw new SetupError('login', 'options.login must be "user@domain"');
  const at = login.lastIndexOf('@');
  const user = login.slice(0, at).trim();
  const domain = login.slice(at + 1).trim();
  if (at < 0 || user === '' || domain === '') throw new SetupError('login', `options.login must be "user@domain", got ${JSON.stringify(login)}`);
  return { user, domain };
}

/**
 * @param {import('../../types/index.js').ReconnectOptions|undefined} reconnect
 */
function readReconnect(reconnect) {
  if (reconnect === undefined) return {};
  object(reconnect, 'reconnect');
  for (const name of /** @type {const} */ (['baseMs', 'callBaseMs', 'capMs'])) positive(reconnect[name], `reconnect.${name}`);
  const max = reconnect.maxAttempts;
  if (max !== undefined && !(max === Infinity || (Number.isInteger(max) && max >= 1))) {
    throw new SetupError('reconnect.maxAttempts', `reconnect.maxAttempts must be an integer >= 1 or Infinity, got ${JSON.stringify(max)}`);
  }
  if (reconnect.shouldRetry !== undefined && typeof reconnect.shouldRetry !== 'function') {
    throw new SetupError('reconnect.shouldRetry', 'reconnect.shouldRetry must be a function (info) => boolean');
  }
  if ((reconnect.baseMs ?? 4000) > (reconnect.capMs ?? 30000)) throw new SetupError('reconnect.capMs', 'reconnect.capMs must be >= reconnect.baseMs');
  return reconnect;
}

/**
 * @param {unknown} gateways
 * @returns {string[]}
 */
function readGateways(gateways) {
  if (gateways === undefined) return [];
  if (!Array.isArray(gateways)) throw new SetupError('gateways', 'gateways must be an array of wss:// URLs');
  return gateways.map((endpoint, index) => {
    let url;
    try {
      url = new URL(endpoint);
    } catch {
      url = null;
    }
    if (!url || !/^wss?:$/.test(url.protocol)) throw new SetupError('gateways', `gateways[${index}] must be a ws:// or wss:// URL, got ${JSON.stringify(endpoint)}`);
    return url.href;
  });
}

/** @param {unknown} href */
function absoluteUrl(href) {
  if (typeof href !== 'string' || href === '') throw new SetupError('mapUrl', 'mapUrl must be a non-empty string');
  const base = /** @type {any} */ (globalThis).location?.href;
  let url;
  try {
    url = new URL(href, base);
  } catch {
    throw new SetupError('mapUrl', `mapUrl ${JSON.stringify(href)} is not an absolute URL and there is no page to resolve it against`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new SetupError('mapUrl', `mapUrl must be an http(s) URL, got ${JSON.stringify(href)}`);
  return url.href;
}

/**
 * @param {Record<string, any>} options
 * @param {string} name
 * @param {'string'|'function'} type
 */
function optional(options, name, type) {
  if (options[name] !== undefined && typeof options[name] !== type) throw new SetupError(name, `${name} must be a ${type}, got ${typeof options[name]}`);
}

/**
 * @param {unknown} value
 * @param {string} name
 */
function positive(value, name) {
  if (value !== undefined && !(typeof value === 'number' && value > 0)) throw new SetupError(name, `${name} must be a number > 0, got ${JSON.stringify(value)}`);
}

/**
 * @param {unknown} value
 * @param {string} name
 */
function object(value, name) {
  if (value === null || typeof value !== 'object') throw new SetupError(name, `${name} must be an object`);
}

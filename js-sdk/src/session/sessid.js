import { SetupError } from '../errors.js';

/**
 * The Verto `sessid` names the client session, not the socket (docs/protocol.md §2.1): the
 * island keys call ownership and re-attach on it, so it must survive reconnects and page reloads.
 *
 * Scope `"tab"` (the default) keeps it in `sessionStorage`: every tab is its own session, so two
 * tabs of one origin do not punt each other (§8.13), and a reload of a tab still re-attaches its
 * calls. Scope `"shared"` keeps it in `localStorage` under verto.js's own key, one session per
 * origin, as verto.js does. Where no storage is reachable (Node, storage disabled) the sessid lives
 * as long as the client object.
 */

export const SESSID_KEY = 'verto_session_uuid';

/**
 * @param {object} [options]
 * @param {'tab'|'shared'} [options.scope]
 * @param {{getItem(k: string): string|null, setItem(k: string, v: string): void}} [options.storage]
 *   overrides the storage the scope picks
 * @param {string} [options.key]
 * @returns {string}
 */
export function loadSessid({ scope = 'tab', storage, key = SESSID_KEY } = {}) {
  if (scope !== 'tab' && scope !== 'shared') throw new SetupError('sessidScope', `sessidScope must be "tab" or "shared", got ${JSON.stringify(scope)}`);
  const store = storage ?? platformStorage(scope === 'tab' ? 'sessionStorage' : 'localStorage');
  const stored = read(store, key);
  if (stored) return stored;
  const sessid = randomUuid();
  write(store, key, sessid);
  return sessid;
}

/** An RFC 9562 version 4 UUID. */
export function randomUuid() {
  const crypto = globalThis.crypto;
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function platformStorage(name) {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null; // a sandboxed frame throws on access
  }
}

function read(store, key) {
  try {
    return store?.getItem(key) || null;
  } catch {
    return null;
  }
}

function write(store, key, value) {
  try {
    store?.setItem(key, value);
  } catch {
    // quota or privacy mode: the sessid still lives for this client
  }
}

import { AuthenticationError, CloseCode, ConnectionError, ErrorCode, PuntError, RpcError } from '../errors.js';

/**
 * @typedef {{kind: 'fatal'}
 *   | {kind: 'redirect', island: string, mapVersion: number|undefined}
 *   | {kind: 'retry', minDelayMs: number, paced?: boolean}} Decision
 */

/**
 * What to do after a connection attempt or a live connection failed (the gateway contract):
 *
 * - fatal, stop reconnecting: refused credentials (-32001), `verto.punt`, close 1008;
 * - redirect at once: -32010 Wrong island, to the island it names;
 * - retry after backoff on the next endpoint: everything else, including -32011 No island
 *   available, -32012 Island unreachable, timeouts and closes 1006/1011/1013; -32013 Rate
 *   limited waits at least its `retryAfterMs`;
 * - paced retry: a close 1013 whose reason carries `retryAfterMs=N` (the gateway sending away the
 *   sessions of a lost island at a pace the islands can take) waits N ms instead of the backoff.
 *
 * @param {unknown} error
 * @returns {Decision}
 */
export function decide(error) {
  if (error instanceof AuthenticationError || error instanceof PuntError) return { kind: 'fatal' };
  if (error instanceof ConnectionError && error.fatal) return { kind: 'fatal' };
  if (error instanceof RpcError) {
    const data = error.data ?? {};
    if (error.code === ErrorCode.WRONG_ISLAND && typeof data.island === 'string' && data.island !== '') {
      return { kind: 'redirect', island: data.island, mapVersion: Number.isInteger(data.mapVersion) ? data.mapVersion : undefined };
    }
    if (error.code === ErrorCode.RATE_LIMITED) {
      const after = Number(data.retryAfterMs);
      return { kind: 'retry', minDelayMs: Number.isFinite(after) && after > 0 ? after : 0 };
    }
  }
  if (error instanceof ConnectionError && error.closeCode === CloseCode.TRY_AGAIN_LATER) {
    const hint = /retryAfterMs=(\d+)/.exec(error.reason ?? '');
    if (hint) return { kind: 'retry', minDelayMs: Number(hint[1]), paced: true };
  }
  return { kind: 'retry', minDelayMs: 0 };
}

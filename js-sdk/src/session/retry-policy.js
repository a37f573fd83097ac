import { CloseCode, ConnectionError, MapFetchError, PuntError, SetupError } from '../errors.js';
import { AuthenticationError, RateLimitedError, RpcCode, RpcError, SessionInUseError, WrongIslandError } from '../rpc/rpc-errors.js';
import { PartitionMapError } from '../partition/partition-map-error.js';
import { isDefinitive } from '../partition/map-source.js';
import { Backoff } from '../transport/backoff.js';

/**
 * @typedef {{kind: 'fatal'}
 *   | {kind: 'redirect', island: string, mapVersion: number|undefined}
 *   | {kind: 'retry', minDelayMs: number, paced?: boolean, soon?: boolean}} Decision
 */

/**
 * What to do after a connection attempt or a live connection failed (the gateway contract):
 *
 * - fatal, stop reconnecting: setup mistakes (bad options, a map URL answering 4xx or not a
 *   map), refused credentials and `Session in use` (-32001), `verto.punt`, close 1008;
 * - redirect at once: -32010 Wrong island, to the island it names;
 * - retry after backoff on the next endpoint: everything else, including -32011 No island
 *   available, -32012 Island unreachable, timeouts and closes 1006/1011/1013; -32013 Rate
 *   limited waits at least its `retryAfterMs`;
 * - paced retry: a close 1013 whose reason carries `retryAfterMs=N` (the gateway sending away the
 *   sessions of a lost island at a pace the islands can take) waits N ms instead of the backoff;
 * - soon: -32011 and -32012 come from a gateway that is up while the user's island is not, which
 *   during an island's failover lasts about a second: the first {@link SOON_ATTEMPTS} retries come
 *   within {@link SOON_WINDOW_MS}, not after the growing backoff.
 *
 * @param {unknown} error
 * @returns {Decision}
 */
export function decide(error) {
  if (error instanceof SetupError || error instanceof PartitionMapError) return { kind: 'fatal' };
  if (error instanceof MapFetchError && isDefinitive(error)) return { kind: 'fatal' };
  if (error instanceof AuthenticationError || error instanceof SessionInUseError || error instanceof PuntError) return { kind: 'fatal' };
  if (error instanceof ConnectionError && error.fatal) return { kind: 'fatal' };
  if (error instanceof WrongIslandError && error.island !== undefined) return { kind: 'redirect', island: error.island, mapVersion: error.mapVersion };
  if (error instanceof RateLimitedError) return { kind: 'retry', minDelayMs: error.retryAfterMs };
  if (error instanceof ConnectionError && error.closeCode === CloseCode.TRY_AGAIN_LATER) {
    const hint = /retryAfterMs=(\d+)/.exec(error.reason ?? '');
    if (hint) return { kind: 'retry', minDelayMs: Number(hint[1]), paced: true };
  }
  if (error instanceof RpcError && (error.rpcCode === RpcCode.NO_ISLAND_AVAILABLE || error.rpcCode === RpcCode.ISLAND_UNREACHABLE)) {
    return { kind: 'retry', minDelayMs: 0, soon: true };
  }
  return { kind: 'retry', minDelayMs: 0 };
}

/** Retries after an answer that the island is not there yet that come within {@link SOON_WINDOW_MS}. */
export const SOON_ATTEMPTS = 3;

/** The window of those retries: an island failover moves a partition within about a second. */
export const SOON_WINDOW_MS = 1000;

/** Attempts a client that never logged in makes while no gateway answers, before `connect()` rejects. */
export const INITIAL_ATTEMPTS = 3;

/** Error codes that say no gateway answered at all (as opposed to one that answered "not now"). */
const UNANSWERED = new Set(['network', 'timeout', 'map-unavailable']);

/**
 * The default reconnect policy. After a login the client keeps trying for as long as it takes
 * (its calls wait for it). Before the first login it gives up after {@link INITIAL_ATTEMPTS}
 * attempts in a row that reached no gateway, so a wrong or unreachable endpoint makes `connect()`
 * reject instead of hanging; a gateway that answers "no island available" is waited for.
 *
 * @param {import('../../types/index.js').RetryInfo} info
 */
export function defaultShouldRetry({ attempt, error, loggedIn }) {
  return loggedIn || !UNANSWERED.has(error.code) || attempt < INITIAL_ATTEMPTS;
}

/** Spread added to a gateway's paced retry hint, so clients given one slot do not arrive in one instant. */
const PACED_JITTER_MS = 100;

/**
 * The wait before the next attempt, and whether there is one: none for the first retry after a
 * logged-in socket carrying calls is lost, else backoff with full jitter (a shorter window while
 * calls wait to be re-attached), a gateway's minimum on top, or its paced hint instead; then
 * `maxAttempts` and the `shouldRetry` policy.
 */
export class RetryPlanner {
  #backoff;
  #callBaseMs;
  #random;
  #maxAttempts;
  #shouldRetry;
  #onPolicyError;

  /**
   * @param {object} options
   * @param {import('../transport/backoff.js').Backoff} options.backoff
   * @param {number} options.callBaseMs
   * @param {() => number} options.random
   * @param {number} options.maxAttempts
   * @param {(info: import('../../types/index.js').RetryInfo) => boolean} options.shouldRetry
   * @param {(error: unknown) => void} options.onPolicyError a throwing policy stops, and is reported
   */
  constructor({ backoff, callBaseMs, random, maxAttempts, shouldRetry, onPolicyError }) {
    this.#backoff = backoff;
    this.#callBaseMs = callBaseMs;
    this.#random = random;
    this.#maxAttempts = maxAttempts;
    this.#shouldRetry = shouldRetry;
    this.#onPolicyError = onPolicyError;
  }

  /** Failed attempts since the last login. */
  get attempt() {
    return this.#backoff.attempt;
  }

  reset() {
    this.#backoff.reset();
  }

  /**
   * @param {import('../errors.js').VertoError} error
   * @param {Decision} decision a `retry` or an exhausted `redirect`
   * @param {{withCalls: boolean, loggedIn: boolean}} context
   * @returns {{attempt: number, delayMs: number, immediate: boolean, sameGateway: boolean}|null} null: give up;
   *   `immediate`: the first retry of a lost call-carrying socket, made at once with the map the client has
   *   (fetching a fresh one first would make the call wait for a round trip, or for the dead gateway itself when
   *   it served the page); `sameGateway`: after a gateway's paced 1013 (island lost, partition moved), log in
   *   through that gateway again, which has judged the island, where another one may not have yet
   */
  next(error, decision, { withCalls, loggedIn }) {
    // The first loss of a logged-in socket under a call is retried at once on the next endpoint: the call's
    // media waits on it, and one dead gateway does not make the next one likely to fail. Backoff is for
    // failures in a row, and for a gateway's own hint or minimum.
    const immediate = withCalls && loggedIn && this.#backoff.attempt === 0 && decision.kind === 'retry' && !decision.paced && decision.minDelayMs === 0;
    const { attempt, delayMs } = this.#backoff.next(withCalls ? this.#callBaseMs : undefined);
    const retry = decision.kind === 'retry' ? decision : null;
    // A paced hint replaces the backoff window: the gateway has already spread this client's slot.
    const soon = retry?.soon === true && attempt <= SOON_ATTEMPTS;
    const waitMs = immediate
      ? 0
      : retry?.paced
        ? retry.minDelayMs + Math.floor(this.#random() * PACED_JITTER_MS)
        : soon
          ? Math.floor(this.#random() * SOON_WINDOW_MS)
          : delayMs + (retry?.minDelayMs ?? 0);
    if (attempt >= this.#maxAttempts) return null;
    try {
      if (this.#shouldRetry({ attempt, error, delayMs: waitMs, loggedIn }) === false) return null;
    } catch (policyError) {
      this.#onPolicyError(policyError);
      return null;
    }
    return { attempt, delayMs: waitMs, immediate, sameGateway: retry?.paced === true };
  }
}

/**
 * The planner for a client's `reconnect` option (README "Failing fast, and reconnecting").
 *
 * @param {import('../../types/index.js').ReconnectOptions} reconnect
 * @param {() => number} random
 * @param {(error: unknown) => void} onPolicyError a `shouldRetry` of the application threw
 */
export function retryPlannerFor(reconnect, random, onPolicyError) {
  return new RetryPlanner({
    backoff: new Backoff({ baseMs: reconnect.baseMs ?? 4000, capMs: reconnect.capMs ?? 30000, random }),
    callBaseMs: reconnect.callBaseMs ?? 500,
    random,
    maxAttempts: reconnect.maxAttempts ?? Infinity,
    shouldRetry: reconnect.shouldRetry ?? defaultShouldRetry,
    onPolicyError,
  });
}

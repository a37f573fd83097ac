// Partition maps, the island computation, backoff and the SDK's constants.
import type { ClientState, CallState, HangupCause, HangupReason } from './events.js';
import type { RetryInfo, ReconnectOptions } from './options.js';

export interface PartitionMapJson {
  version?: number;
  partitionBy?: 'domain' | 'extension';
  islands: Array<{ id: string; weight?: number; role?: 'active' | 'spare'; state?: 'up' | 'down'; gateways?: string[]; [other: string]: unknown }>;
  pins?: Record<string, string>;
  gateways?: string[];
  [other: string]: unknown;
}

export interface Island {
  readonly id: string;
  readonly weight: number;
  readonly role: 'active' | 'spare';
  readonly state: 'up' | 'down' | undefined;
  readonly gateways: readonly string[] | undefined;
}

export class PartitionMap {
  /** Validates; throws PartitionMapError naming the field. */
  constructor(raw: PartitionMapJson);
  readonly raw: PartitionMapJson;
  readonly version: number;
  readonly partitionBy: 'domain' | 'extension';
  readonly islands: readonly Island[];
  readonly gateways: readonly string[];
  downIds(): string[];
  endpointsFor(islandId: string | null): readonly string[];
}

/** docs/partitioning.md: home and serving island of `user@domain`; `serving` is null when nothing is up. */
export function resolveIsland(
  map: PartitionMapJson | PartitionMap,
  user: string,
  domain: string,
  down?: Iterable<string>,
): { home: string; serving: string | null; key: string };

/** MurmurHash3 x86 32-bit, seed 0, over UTF-8; unsigned. */
export function murmur3(text: string): number;

/** The default reconnect policy (see ReconnectOptions.shouldRetry). */
export function defaultShouldRetry(info: RetryInfo): boolean;

/** What a hangup cause means; `failed` for causes it does not know. */
export function hangupReason(cause: HangupCause): HangupReason;

export class Backoff {
  constructor(options?: { baseMs?: number; capMs?: number; random?: () => number });
  readonly attempt: number;
  window(baseMs?: number): number;
  next(baseMs?: number): { attempt: number; delayMs: number; windowMs: number };
  reset(): void;
}

export const ClientStates: readonly ClientState[];
export const CallStates: readonly CallState[];
export const LocalCause: Readonly<{
  SOCKET_LOST: 'DESTINATION_OUT_OF_ORDER';
  NOT_REATTACHED: 'NOT_REATTACHED';
  PUNTED: 'PUNTED';
  CLIENT_CLOSED: 'CLIENT_CLOSED';
  CONNECTION_FAILED: 'CONNECTION_FAILED';
  MEDIA_ERROR: 'MEDIA_ERROR';
  MEDIA_TIMEOUT: 'MEDIA_TIMEOUT';
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT';
  CALL_ERROR: 'CALL_ERROR';
}>;
/** JSON-RPC error codes on the wire (`RpcError.rpcCode`). */
export const RpcCode: Readonly<{
  INVALID_REQUEST: -32600;
  METHOD_NOT_FOUND: -32601;
  INVALID_PARAMS: -32602;
  AUTHENTICATION_REQUIRED: -32000;
  AUTHENTICATION_FAILED: -32001;
  CALL_ERROR: -32002;
  WRONG_ISLAND: -32010;
  NO_ISLAND_AVAILABLE: -32011;
  ISLAND_UNREACHABLE: -32012;
  RATE_LIMITED: -32013;
}>;
export const CloseCode: Readonly<{
  NORMAL: 1000;
  GOING_AWAY: 1001;
  UNSUPPORTED_DATA: 1003;
  ABNORMAL: 1006;
  POLICY_VIOLATION: 1008;
  MESSAGE_TOO_BIG: 1009;
  INTERNAL_ERROR: 1011;
  TRY_AGAIN_LATER: 1013;
  KEEPALIVE_TIMEOUT: 4000;
}>;
export const VERSION: string;

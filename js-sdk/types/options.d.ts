// The options of `new VertoClient()` and `client.call()`.
import type { MediaStreamType, WebSocketLike, WebSocketConstructor, Clock, Logger, MediaOptions } from './platform.js';
import type { Call } from './api.js';
import type { PartitionMapJson, PartitionMap, defaultShouldRetry } from './partition.js';
import type { VertoError } from './errors.js';

/** What the reconnect policy is told before each wait. */
export interface RetryInfo {
  /** Failed attempts in a row, this one included (1 for the first failure). */
  attempt: number;
  /** Why the last attempt failed. */
  error: VertoError;
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  /** True once this `connect()` has logged in at least once. */
  loggedIn: boolean;
}

export interface ReconnectOptions {
  /** First backoff window of a client without calls; doubles per attempt. Default 4000. */
  baseMs?: number;
  /** Window of a client with calls to re-attach, after its first retry (made at once); doubles per attempt. Default 500. */
  callBaseMs?: number;
  /** Largest window. Default 30000. */
  capMs?: number;
  /** Failed attempts in a row after which the client gives up (state `closed`). Default `Infinity`. */
  maxAttempts?: number;
  /**
   * Asked before each wait; `false` stops the client (and rejects a pending `connect()`). The
   * default, `defaultShouldRetry`, gives up before the first login after 3 attempts that reached
   * no gateway, and never after a login.
   */
  shouldRetry?: (info: RetryInfo) => boolean;
}

export interface KeepaliveOptions {
  /** Inbound silence before a `verto.ping` is sent. Default 25000. */
  idleMs?: number;
  /** Silence after that ping before the socket is declared dead. Default 10000. */
  timeoutMs?: number;
}

/** Rings for inbound calls: `start` when one rings, `stop` when it no longer does (exactly once). */
export interface Ringtone {
  start(call: Call): unknown;
  stop(call: Call): unknown;
}

export interface VertoClientOptions {
  /** `user@domain`. */
  login: string;
  passwd?: string;
  loginParams?: Record<string, unknown>;
  userVariables?: Record<string, unknown>;
  callerIdName?: string;
  callerIdNumber?: string;
  /**
   * Partition map URL; default `/v1/partition-map` of the page's origin. `?domain=` is added.
   * Before the first login, a 4xx answer or a body that is not a map rejects `connect()`.
   * The map decides where the password goes: never take it from a URL parameter of the page.
   */
  mapUrl?: string;
  /** A map to use instead of fetching one (raw JSON or a PartitionMap). */
  partitionMap?: PartitionMapJson | PartitionMap;
  /** Gateway endpoints (`wss://host:port/verto`) when the map lists none; without them, `/verto` of the page's origin. */
  gateways?: string[];
  /** A WebSocket class; default the platform's (Node 20 has none: pass the `ws` package). */
  WebSocket?: WebSocketConstructor;
  /** A WebSocket factory; wins over `WebSocket`. */
  createWebSocket?: (url: string) => WebSocketLike;
  fetch?: (url: string, init?: any) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
  /** A fixed sessid; default one kept in storage per `sessidScope`. */
  sessid?: string;
  /** `"tab"` (default): sessionStorage, one session per tab. `"shared"`: localStorage, as verto.js. */
  sessidScope?: 'tab' | 'shared';
  storage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  reconnect?: ReconnectOptions;
  /** `false` turns the client keepalive off. */
  keepalive?: KeepaliveOptions | false;
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  mapTimeoutMs?: number;
  /** How long to wait for `verto.clientReady` before giving up calls not re-attached. Default 10000. */
  clientReadyTimeoutMs?: number;
  /** Wrong-island redirects followed in a row before falling back to backoff. Default 3. */
  maxRedirects?: number;
  media?: MediaOptions;
  ringtone?: Ringtone;
  clock?: Clock;
  /** Uniform in [0, 1); drives jitter and the first endpoint pick. */
  random?: () => number;
  logger?: Logger;
}

export interface CallOptions {
  /** A stream to send instead of opening the microphone (the caller keeps ownership). */
  localStream?: MediaStreamType;
  callerIdName?: string;
  callerIdNumber?: string;
  /** Shown as the remote party until the island says otherwise. */
  remoteName?: string;
  /** Extra members for `dialogParams` of the invite. */
  dialogParams?: Record<string, unknown>;
  /** A video call: the camera too (`true`, or MediaTrackConstraints for it); `useVideo` in dialogParams. */
  video?: boolean | object;
}

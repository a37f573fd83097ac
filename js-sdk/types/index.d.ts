// Type declarations of @vertogw/verto-js-sdk: the public API, as exported by src/index.js.

/** The browser WebSocket API the SDK uses; the `ws` package's client satisfies it. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Time source of every SDK timer; inject a fake one in tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface MediaOptions {
  /** Defaults to the platform's RTCPeerConnection. */
  RTCPeerConnection?: typeof RTCPeerConnection;
  /** Defaults to `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Microphone constraints; default `true`. */
  audio?: MediaStreamConstraints['audio'];
  iceServers?: RTCIceServer[];
  /** Longest wait for ICE gathering before the SDP is sent; default 5000. */
  gatherTimeoutMs?: number;
  /** Wait after the first candidate; default 1000 (as verto.js). */
  candidateGraceMs?: number;
}

export interface ReconnectOptions {
  /** First backoff window of a client without calls; doubles per attempt. Default 4000. */
  baseMs?: number;
  /** First window of a client with calls to re-attach. Default 500. */
  callBaseMs?: number;
  /** Largest window. Default 30000. */
  capMs?: number;
}

export interface KeepaliveOptions {
  /** Inbound silence before a `verto.ping` is sent. Default 25000. */
  idleMs?: number;
  /** Silence after that ping before the socket is declared dead. Default 10000. */
  timeoutMs?: number;
}

export interface VertoClientOptions {
  /** `user@domain`. */
  login: string;
  passwd?: string;
  loginParams?: Record<string, unknown>;
  userVariables?: Record<string, unknown>;
  callerIdName?: string;
  callerIdNumber?: string;
  /** Partition map URL; default `/v1/partition-map` of the page's origin. `?domain=` is added. */
  mapUrl?: string;
  /** A map to use instead of fetching one (raw JSON or a PartitionMap). */
  partitionMap?: PartitionMapJson | PartitionMap;
  /** Gateway endpoints to use when the map lists none (`wss://host:port/verto`). */
  gateways?: string[];
  /** A WebSocket constructor; default the platform's (Node 20 has none: pass `ws`). */
  WebSocket?: new (url: string) => WebSocketLike;
  /** A WebSocket factory; wins over `WebSocket`. */
  createWebSocket?: (url: string) => WebSocketLike;
  fetch?: typeof fetch;
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
  clock?: Clock;
  /** Uniform in [0, 1); drives jitter and the first endpoint pick. */
  random?: () => number;
  logger?: Logger;
}

export interface CallOptions {
  /** A stream to send instead of opening the microphone (the caller keeps ownership). */
  localStream?: MediaStream;
  callerIdName?: string;
  callerIdNumber?: string;
  /** Shown as the remote party until the island says otherwise. */
  remoteName?: string;
  /** Extra members for `dialogParams` of the invite. */
  dialogParams?: Record<string, unknown>;
}

export type ClientState = 'idle' | 'connecting' | 'loggingIn' | 'ready' | 'reconnecting' | 'closed';
export type CallState = 'new' | 'requesting' | 'trying' | 'recovering' | 'ringing' | 'answering' | 'early' | 'active' | 'held' | 'hangup' | 'destroy';

/** The `gateway` member the gateway adds to a login result. */
export interface GatewayInfo {
  id: string;
  island: string;
  mapVersion: number;
}

export interface ClientEvents {
  statechange: { state: ClientState; previous: ClientState; reason?: string; error?: unknown; attempt?: number; delayMs?: number; endpoint?: string; island?: string | null };
  connecting: { attempt: number; endpoint: string; island: string | null };
  reconnecting: { attempt: number; delayMs: number; error: unknown };
  login: { sessid: string; island: string | null; gateway: GatewayInfo | null; endpoint: string; result: Record<string, unknown> };
  clientready: { reattachedSessions: string[] };
  incomingcall: Call;
  recoveredcall: Call;
  map: { map: PartitionMap };
  punt: { error: PuntError };
  event: Record<string, unknown>;
  info: Record<string, unknown>;
  error: VertoError;
}

export interface CallEnd {
  cause: string;
  causeCode?: number;
  error?: VertoError;
}

export interface CallEvents {
  statechange: { state: CallState; previous: CallState };
  remotestream: MediaStream;
  mute: { muted: boolean };
  display: { name: string; number: string };
  info: Record<string, unknown>;
  ended: CallEnd;
}

export interface AudioStats {
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  bytesSent: number;
  packetsLost: number;
  /** Seconds. */
  jitter: number;
  /** 0..1 of the received audio. */
  audioLevel: number;
  /** Seconds, from RTCP receiver reports, when known. */
  roundTripTime: number | undefined;
}

declare class Emitter<Events> {
  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): () => void;
  once<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): () => void;
  off<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): void;
  listenerCount(type: keyof Events): number;
}

export class VertoClient extends Emitter<ClientEvents> {
  constructor(options: VertoClientOptions);
  readonly user: string;
  readonly domain: string;
  readonly sessid: string;
  readonly state: ClientState;
  readonly map: PartitionMap | null;
  readonly calls: Call[];
  readonly gateway: GatewayInfo | null;
  readonly island: string | null;
  readonly endpoint: string | null;
  readonly lastError: unknown;
  /** Resolves once logged in; rejects when the session stops for good first. */
  connect(): Promise<void>;
  /** Hangs up calls (unless `keepCalls`) and stops reconnecting. */
  disconnect(options?: { keepCalls?: boolean }): Promise<void>;
  /** Places a call; returns at once in state `new`. Throws ConnectionError when not logged in. */
  call(destination: string, options?: CallOptions): Call;
  /** Any Verto request on the live session; `sessid` is added. */
  request(method: string, params?: Record<string, unknown>): Promise<any>;
}

export class Call extends Emitter<CallEvents> {
  readonly id: string;
  readonly direction: 'outbound' | 'inbound';
  readonly destination: string;
  readonly remote: { name: string; number: string };
  /** Re-attached without a local dialog (after a page reload). */
  readonly recovered: boolean;
  readonly state: CallState;
  readonly held: boolean;
  readonly muted: boolean;
  readonly isEnded: boolean;
  readonly localStream: MediaStream | null;
  readonly remoteStream: MediaStream | null;
  readonly peerConnection: RTCPeerConnection | null;
  /** Resolves with the end of the call. */
  readonly ended: Promise<CallEnd>;
  waitFor(state: CallState, options?: { timeoutMs?: number }): Promise<void>;
  answer(options?: { localStream?: MediaStream }): Promise<void>;
  hangup(options?: { cause?: string; causeCode?: number }): Promise<CallEnd>;
  /** Digits 0-9 * # A-D; groups joined by `+`, each with an optional `@ms` duration. */
  dtmf(digits: string): Promise<unknown>;
  /** Resolve with the new hold state (true = held). */
  hold(): Promise<boolean>;
  unhold(): Promise<boolean>;
  toggleHold(): Promise<boolean>;
  mute(): void;
  unmute(): void;
  setMuted(muted: boolean): void;
  stats(): Promise<AudioStats>;
}

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

/** partitioning.md: home and serving island of `user@domain`; `serving` is null when nothing is up. */
export function resolveIsland(
  map: PartitionMapJson | PartitionMap,
  user: string,
  domain: string,
  down?: Iterable<string>,
): { home: string; serving: string | null; key: string };

/** MurmurHash3 x86 32-bit, seed 0, over UTF-8; unsigned. */
export function murmur3(text: string): number;

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
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT';
  CALL_ERROR: 'CALL_ERROR';
}>;
export const ErrorCode: Readonly<{
  AUTHENTICATION_REQUIRED: -32000;
  AUTHENTICATION_FAILED: -32001;
  CALL_ERROR: -32002;
  METHOD_NOT_FOUND: -32601;
  WRONG_ISLAND: -32010;
  NO_ISLAND_AVAILABLE: -32011;
  ISLAND_UNREACHABLE: -32012;
  RATE_LIMITED: -32013;
}>;
export const CloseCode: Readonly<{
  NORMAL: 1000;
  GOING_AWAY: 1001;
  ABNORMAL: 1006;
  POLICY_VIOLATION: 1008;
  MESSAGE_TOO_BIG: 1009;
  INTERNAL_ERROR: 1011;
  TRY_AGAIN_LATER: 1013;
  KEEPALIVE_TIMEOUT: 4000;
}>;
export const VERSION: string;

export class VertoError extends Error {}
export class RpcError extends VertoError {
  readonly method: string;
  readonly code: number | undefined;
  readonly rpcMessage: string | undefined;
  readonly data: unknown;
  readonly details: Record<string, unknown>;
}
export class AuthenticationError extends RpcError {}
export class TimeoutError extends VertoError {
  readonly timeoutMs: number;
}
export class ConnectionError extends VertoError {
  readonly closeCode: number | undefined;
  readonly reason: string | undefined;
  readonly fatal: boolean;
}
export class PuntError extends VertoError {}
export class MediaError extends VertoError {}
export class CallStateError extends VertoError {}
export class PartitionMapError extends Error {
  readonly field: string;
}

// Type declarations of @vertogw/verto-js-sdk: the public API, as exported by src/index.js.
// They compile with or without the DOM library: where a project has DOM types, media values are
// the DOM's own (MediaStream, RTCPeerConnection, HTMLMediaElement); without them (a Node project)
// they are the small shapes below, and nothing needs `lib: ["dom"]`.

type Global = typeof globalThis;
/** The DOM class `Name` when the project has DOM types, else `Fallback`. */
type DomOr<Name extends string, Fallback> = Global extends { [K in Name]: { prototype: infer T } } ? T : Fallback;

/** What the SDK uses of a MediaStream (the DOM's MediaStream where DOM types are present). */
export interface MediaStreamLike {
  getAudioTracks(): Array<{ enabled: boolean; stop(): void }>;
  getTracks(): Array<{ stop(): void }>;
}
/** What the SDK uses of an RTCPeerConnection (the DOM's own where DOM types are present). */
export interface RTCPeerConnectionLike {
  readonly connectionState?: string;
  readonly iceConnectionState: string;
  close(): void;
}
/** What the SDK uses of an `<audio>` element (the DOM's HTMLMediaElement where DOM types are present). */
export interface MediaElementLike {
  srcObject: unknown;
  autoplay: boolean;
  play(): Promise<void>;
}
export type MediaStreamType = DomOr<'MediaStream', MediaStreamLike>;
export type RTCPeerConnectionType = DomOr<'RTCPeerConnection', RTCPeerConnectionLike>;
export type MediaElementType = DomOr<'HTMLMediaElement', MediaElementLike>;

/**
 * The WebSocket API the SDK uses: the browser's `WebSocket` and the `ws` package's class both
 * fit, as does any object with these members.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((this: any, event: any) => unknown) | null;
  onmessage: ((this: any, event: any) => unknown) | null;
  onclose: ((this: any, event: any) => unknown) | null;
  onerror: ((this: any, event: any) => unknown) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
/** A WebSocket class: `WebSocket` of the browser, or `import WebSocket from 'ws'`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

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

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface MediaOptions {
  /** Defaults to the platform's RTCPeerConnection. */
  RTCPeerConnection?: new (configuration: { bundlePolicy: 'max-compat'; iceServers: IceServer[] }) => RTCPeerConnectionType;
  /** Defaults to `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: { audio: boolean | object; video: false }) => Promise<MediaStreamType>;
  /** Microphone constraints (a MediaTrackConstraints object); default `true`. */
  audio?: boolean | object;
  iceServers?: IceServer[];
  /** Longest wait for ICE gathering before the SDP is sent; default 5000. */
  gatherTimeoutMs?: number;
  /** Wait after the first candidate; default 1000 (as verto.js). */
  candidateGraceMs?: number;
  /** Period of the calls' `quality` events; default 2000, `false` turns them off. */
  qualityIntervalMs?: number | false;
}

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
  /** First window of a client with calls to re-attach. Default 500. */
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
}

export type ClientState = 'idle' | 'connecting' | 'loggingIn' | 'ready' | 'reconnecting' | 'closed';
export type CallState = 'new' | 'requesting' | 'trying' | 'recovering' | 'ringing' | 'answering' | 'early' | 'active' | 'held' | 'hangup' | 'destroy';
/** The media path, as RTCPeerConnection.connectionState names it. */
export type MediaState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

/** The `gateway` member the gateway adds to a login result. */
export interface GatewayInfo {
  id: string;
  island: string;
  mapVersion: number;
}

/** A chat message (`verto.info` with `msg`). */
export interface ChatMessage {
  from: string;
  to: string;
  body: string;
  /** Set when it travelled inside a call. */
  callID: string | undefined;
}

export interface ClientEvents {
  statechange: {
    state: ClientState;
    previous: ClientState;
    /** Why it closed or moved: a LocalCause, `gave up`, `wrong island`. */
    reason?: string;
    error?: VertoError;
    attempt?: number;
    delayMs?: number;
    endpoint?: string;
    island?: string | null;
  };
  connecting: { attempt: number; endpoint: string; island: string | null };
  reconnecting: { attempt: number; delayMs: number; error: VertoError };
  login: { sessid: string; island: string | null; gateway: GatewayInfo | null; endpoint: string; result: Record<string, unknown> };
  clientready: { reattachedSessions: string[] };
  incomingcall: Call;
  recoveredcall: Call;
  /** Every chat message; `call` is the call it belongs to (by callID, or its sender being the call's party). */
  message: ChatMessage & { call: Call | null };
  map: { map: PartitionMap };
  punt: { error: PuntError };
  event: Record<string, unknown>;
  info: Record<string, unknown>;
  /** The session stopped for good (state `closed`), a listener or hook failed, or background work failed. */
  error: VertoError;
}

/** FreeSWITCH hangup causes (Q.850 names) and the SDK's own; any other string may come from an island. */
export type HangupCause =
  | 'NORMAL_CLEARING' | 'USER_BUSY' | 'NO_ANSWER' | 'NO_USER_RESPONSE' | 'CALL_REJECTED' | 'ORIGINATOR_CANCEL'
  | 'UNALLOCATED_NUMBER' | 'NO_ROUTE_DESTINATION' | 'USER_NOT_REGISTERED' | 'SUBSCRIBER_ABSENT' | 'DESTINATION_OUT_OF_ORDER'
  | 'NETWORK_OUT_OF_ORDER' | 'RECOVERY_ON_TIMER_EXPIRE' | 'MEDIA_TIMEOUT' | 'INCOMPATIBLE_DESTINATION'
  | 'BEARERCAPABILITY_NOTAVAIL' | 'LOSE_RACE' | 'PICKED_OFF' | 'ATTENDED_TRANSFER' | 'BLIND_TRANSFER' | 'ALLOTTED_TIMEOUT'
  | 'NOT_REATTACHED' | 'PUNTED' | 'CLIENT_CLOSED' | 'CONNECTION_FAILED' | 'MEDIA_ERROR' | 'REQUEST_TIMEOUT' | 'CALL_ERROR'
  | (string & {});

/** What a call's end means to a person (`hangupReason(cause)`). */
export type HangupReason =
  | 'normal' | 'busy' | 'no-answer' | 'rejected' | 'cancelled' | 'not-found' | 'unavailable'
  | 'connection-lost' | 'media' | 'moved' | 'transferred' | 'failed';

export interface CallEnd {
  cause: HangupCause;
  causeCode: number | undefined;
  reason: HangupReason;
  /** The local failure that ended the call, if one did. */
  error: VertoError | undefined;
}

export type QualityRating = 'good' | 'fair' | 'poor';

/** One `quality` sample: loss over the last interval, the rest as the browser reports it now. */
export interface CallQuality {
  /** Clock time of the sample, ms. */
  at: number;
  /** Fraction of inbound packets lost during the last interval, 0..1. */
  loss: number;
  jitterMs: number;
  /** From RTCP receiver reports, when known. */
  roundTripTimeMs: number | undefined;
  /** 0..1 of the received audio. */
  audioLevel: number;
  packetsReceived: number;
  packetsSent: number;
  packetsLost: number;
  bytesReceived: number;
  bytesSent: number;
  rating: QualityRating;
}

export interface CallEvents {
  statechange: { state: CallState; previous: CallState };
  remotestream: MediaStreamType;
  mediastatechange: { state: MediaState; previous: MediaState };
  quality: CallQuality;
  /** The attached element may not play until the person interacts with the page: call `resumeAudio()` from a click. */
  audioblocked: { element: MediaElementType };
  mute: { muted: boolean };
  display: { name: string; number: string };
  message: ChatMessage;
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
  /** Listeners may be async: a rejected promise is reported through the client's `error` event. */
  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => unknown): () => void;
  once<K extends keyof Events>(type: K, listener: (payload: Events[K]) => unknown): () => void;
  off<K extends keyof Events>(type: K, listener: (payload: Events[K]) => unknown): void;
  listenerCount(type: keyof Events): number;
}

export class VertoClient extends Emitter<ClientEvents> {
  /** @throws {SetupError} naming the option at fault */
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
  readonly lastError: VertoError | null;
  /**
   * Resolves once logged in. Rejects when the session stops first: a setup mistake (`setup`,
   * `map-unavailable`, `partition-map`), refused credentials, `session-in-use`, `punted`,
   * `refused`, the reconnect policy giving up, or `disconnect()`.
   */
  connect(): Promise<void>;
  /** Hangs up calls (unless `keepCalls`) and stops reconnecting. */
  disconnect(options?: { keepCalls?: boolean }): Promise<void>;
  /** Places a call; returns at once in state `new`. Throws ConnectionError when not logged in. */
  call(destination: string, options?: CallOptions): Call;
  /** A chat message to `user@domain` (or `user` of this client's domain). */
  sendMessage(to: string, body: string): Promise<void>;
  /** Any Verto request on the live session; `sessid` is added. */
  request(method: string, params?: Record<string, unknown>): Promise<any>;
}

export class Call extends Emitter<CallEvents> {
  /** Calls come from `client.call()` and the client's `incomingcall` and `recoveredcall` events. */
  protected constructor(signal: never, init: never);
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
  readonly mediaState: MediaState;
  readonly audioBlocked: boolean;
  /** The destination of a transfer the island accepted, or null. */
  readonly transferredTo: string | null;
  readonly localStream: MediaStreamType | null;
  readonly remoteStream: MediaStreamType | null;
  readonly peerConnection: RTCPeerConnectionType | null;
  /** Resolves with the end of the call. */
  readonly ended: Promise<CallEnd>;
  /** Rejects with the error that ended the call (or a HangupError) if it ends first, or a TimeoutError. */
  waitFor(state: CallState, options?: { timeoutMs?: number }): Promise<void>;
  answer(options?: { localStream?: MediaStreamType }): Promise<void>;
  hangup(options?: { cause?: HangupCause; causeCode?: number }): Promise<CallEnd>;
  /** Digits 0-9 * # A-D; groups joined by `+`, each with an optional `@ms` duration. */
  dtmf(digits: string): Promise<void>;
  /** Resolve with the new hold state (true = held). */
  hold(): Promise<boolean>;
  unhold(): Promise<boolean>;
  toggleHold(): Promise<boolean>;
  /** Blind transfer of the other party to `destination`; this call then ends with reason `transferred`. */
  transfer(destination: string): Promise<void>;
  /** A chat message to the call's other party. */
  sendMessage(text: string): Promise<void>;
  mute(): void;
  unmute(): void;
  setMuted(muted: boolean): void;
  stats(): Promise<AudioStats>;
  /** Plays the remote audio in `element` (after re-attaches too); returns a function that detaches it. */
  attachAudio(element: MediaElementType): () => void;
  /** After `audioblocked`: starts playback; call it from a user gesture. */
  resumeAudio(): Promise<void>;
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

/** The stable codes of VertoError: branch on these, never on messages. */
export type VertoErrorCode =
  | 'setup'
  | 'invalid-argument'
  | 'map-unavailable'
  | 'partition-map'
  | 'authentication'
  | 'session-in-use'
  | 'wrong-island'
  | 'no-island'
  | 'island-unreachable'
  | 'rate-limited'
  | 'call-error'
  | 'rpc'
  | 'network'
  | 'refused'
  | 'timeout'
  | 'disconnected'
  | 'punted'
  | 'media'
  | 'hangup'
  | 'call-state'
  | 'listener';

export type AuthenticationReason = 'invalid-credentials' | 'missing-password' | 'missing-credentials' | 'required' | 'refused';
export type MediaErrorReason =
  | 'permission-denied'
  | 'no-device'
  | 'device-busy'
  | 'insecure-context'
  | 'unsupported'
  | 'negotiation'
  | 'no-candidates'
  | 'connection-failed'
  | 'autoplay-blocked'
  | 'unknown';
export type CallErrorReason = 'not-bridged' | 'destination-missing' | 'no-such-call' | 'not-answered' | 'transfer-failed' | 'media' | 'other';

export class VertoError extends Error {
  constructor(code: VertoErrorCode, message: string, options?: { cause?: unknown });
  readonly code: VertoErrorCode;
}
/** An option is wrong or the platform lacks something (`option`: `login`, `mapUrl`, `WebSocket`...). */
export class SetupError extends VertoError {
  constructor(option: string, message: string, options?: { cause?: unknown });
  readonly code: 'setup';
  readonly option: string;
}
export class ArgumentError extends VertoError {
  constructor(argument: string, message: string);
  readonly code: 'invalid-argument';
  readonly argument: string;
}
/** The map URL answered with an HTTP error or a body that is not JSON. */
export class MapFetchError extends VertoError {
  constructor(url: string, message: string, details?: { status?: number; cause?: unknown });
  readonly code: 'map-unavailable';
  readonly url: string;
  readonly status: number | undefined;
}
export class PartitionMapError extends VertoError {
  constructor(field: string, message: string);
  readonly code: 'partition-map';
  readonly field: string;
}
/** A JSON-RPC error answer. */
export class RpcError extends VertoError {
  constructor(method: string, error: { code?: number | string; message?: string; data?: unknown }, code?: VertoErrorCode);
  readonly method: string;
  /** The wire code (see RpcCode). */
  readonly rpcCode: number | undefined;
  readonly rpcMessage: string | undefined;
  readonly data: unknown;
  readonly details: Record<string, unknown>;
}
export class AuthenticationError extends RpcError {
  constructor(method: string, error: { code?: number | string; message?: string; data?: unknown });
  readonly code: 'authentication';
  readonly reason: AuthenticationReason;
}
export class SessionInUseError extends RpcError {
  constructor(method: string, error: { code?: number | string; message?: string; data?: unknown });
  readonly code: 'session-in-use';
}
export class WrongIslandError extends RpcError {
  constructor(method: string, error: { code?: number | string; message?: string; data?: any });
  readonly code: 'wrong-island';
  readonly island: string | undefined;
  readonly mapVersion: number | undefined;
}
export class RateLimitedError extends RpcError {
  constructor(method: string, error: { code?: number | string; message?: string; data?: any });
  readonly code: 'rate-limited';
  readonly retryAfterMs: number;
}
export class CallError extends RpcError {
  constructor(method: string, error: { code?: number | string; message?: string; data?: unknown; cause?: string; causeCode?: number });
  readonly code: 'call-error';
  readonly reason: CallErrorReason;
  /** The island's hangup cause, when it gave one. */
  readonly hangupCause: string | undefined;
}
export class TimeoutError extends VertoError {
  constructor(what: string, timeoutMs: number);
  readonly code: 'timeout';
  readonly timeoutMs: number;
}
/** `network` (retried), or `refused` (close 1008: fatal). */
export class ConnectionError extends VertoError {
  constructor(message: string, details?: { closeCode?: number; reason?: string; fatal?: boolean; cause?: unknown });
  readonly code: 'network' | 'refused';
  readonly closeCode: number | undefined;
  readonly reason: string | undefined;
  readonly fatal: boolean;
}
export class DisconnectedError extends VertoError {
  constructor();
  readonly code: 'disconnected';
}
export class PuntError extends VertoError {
  constructor();
  readonly code: 'punted';
}
export class MediaError extends VertoError {
  constructor(reason: MediaErrorReason, message: string, options?: { cause?: unknown });
  readonly code: 'media';
  readonly reason: MediaErrorReason;
  /** The reason for an error the browser threw (by its `name`). */
  static reasonOf(error: unknown): MediaErrorReason;
}
export class HangupError extends VertoError {
  constructor(callID: string, end: { cause: HangupCause; causeCode?: number; reason: HangupReason });
  readonly code: 'hangup';
  readonly callID: string;
  readonly cause: HangupCause;
  readonly causeCode: number | undefined;
  readonly reason: HangupReason;
}
export class CallStateError extends VertoError {
  constructor(message: string);
  readonly code: 'call-state';
}
/** A listener or hook failed; `cause` is what it threw, `event` what it listened to. */
export class ListenerError extends VertoError {
  constructor(event: string, cause: unknown);
  readonly code: 'listener';
  readonly event: string;
}
export {};

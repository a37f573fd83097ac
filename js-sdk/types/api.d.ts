// VertoClient and Call.
import type { MediaStreamType, RTCPeerConnectionType, MediaElementType } from './platform.js';
import type { VertoClientOptions, CallOptions } from './options.js';
import type { ClientState, CallState, MediaState, GatewayInfo, ClientEvents, HangupCause, CallEnd, CallEvents, AudioStats } from './events.js';
import type { PartitionMap } from './partition.js';
import type { VertoError, SetupError, ArgumentError, TimeoutError, ConnectionError, HangupError } from './errors.js';

declare class Emitter<Events> {
  /**
   * Listeners may be async: a rejected promise is reported through the client's `error` event.
   * @throws {ArgumentError} (`argument` `listener` or `type`) for a listener that is not a function or an event this emitter does not have
   */
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

export {};

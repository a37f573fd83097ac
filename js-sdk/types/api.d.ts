// VertoClient and Call.
import type { MediaStreamType, RTCPeerConnectionType, MediaElementType } from './platform.js';
import type { VertoClientOptions, CallOptions } from './options.js';
import type { ClientState, CallState, MediaState, GatewayInfo, ClientEvents, HangupCause, CallEnd, CallEvents, AudioStats, ConferenceEvents, ConferenceMember, DeviceLists, DeviceSelection } from './events.js';
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
  /** Conferences this session's calls are in. */
  readonly conferences: Conference[];
  /** The devices picked with `selectDevices` (`null`: the default). */
  readonly devices: DeviceSelection;
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
  /**
   * Calls a conference room and resolves once the island says the call entered it.
   * Rejects with what ended the call first (a HangupError carries the cause).
   */
  join(room: string, options?: CallOptions): Promise<Conference>;
  /** Microphones, cameras and speakers; rejects with a MediaError (`unsupported`) where the platform has no list. */
  listDevices(): Promise<DeviceLists>;
  /**
   * Picks devices by id (`null`: the default). New calls open them; live calls switch at once
   * (no renegotiation). Rejects with a MediaError when a device cannot be opened, or the browser
   * cannot choose the speaker (no `setSinkId`).
   * @throws {ArgumentError} (`argument` `devices`) for an unknown kind or an id that is not a string
   */
  selectDevices(devices: Partial<DeviceSelection>): Promise<void>;
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
  /** Carries video, sent or received (or offered, while it rings). */
  readonly video: boolean;
  /** The camera sends. */
  readonly cameraOn: boolean;
  /** This call is a screen share (`shareScreen()`): it sends the screen and receives nothing. */
  readonly screenShare: boolean;
  /** The live screen share this call started, or null. */
  readonly screenShareCall: Call | null;
  /** Resolves with the end of the call. */
  readonly ended: Promise<CallEnd>;
  /** Rejects with the error that ended the call (or a HangupError) if it ends first, or a TimeoutError. */
  waitFor(state: CallState, options?: { timeoutMs?: number }): Promise<void>;
  /** `video`: send the camera too (`true` or its MediaTrackConstraints). */
  answer(options?: { localStream?: MediaStreamType; video?: boolean | object }): Promise<void>;
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
  /** Shows the remote video in a `<video>` (muted: the sound plays through `attachAudio`); returns a function that detaches it. */
  attachVideo(element: MediaElementType): () => void;
  /**
   * Turns the camera on or off mid-call; resolves with whether it is on. An audio call gets a
   * video section through `verto.modify` `updateMedia` (rejects with the island's refusal, the
   * call unchanged).
   */
  setCamera(on: boolean): Promise<boolean>;
  /** Offers the current tracks again (`verto.modify` `updateMedia`) and applies the island's answer. */
  updateMedia(): Promise<void>;
  /** Asks the island for a video key frame (`verto.modify` `videoRefresh`). */
  videoRefresh(): Promise<void>;
  /**
   * Shares the screen as a second call to `<destination>-screen` (`screenShare` in dialogParams,
   * send-only video from `getDisplayMedia`); call it from a click. Ends with this call, or when
   * the person stops sharing in the browser.
   * @throws {CallStateError} when the call is not answered or already shares
   */
  shareScreen(options?: { localStream?: MediaStreamType }): Call;
}

/** A member's id, or the member. */
export type MemberRef = number | string | { id: number };

export class Conference extends Emitter<ConferenceEvents> {
  /** Conferences come from `client.join()` and the client's `conference` event, not constructed. */
  protected constructor(signal: never, call: never, pvtData: never);
  /** The conference call. */
  readonly call: Call;
  /** The room (the liveArray's name), e.g. `"3500"`. */
  readonly room: string;
  /** This member's id. */
  readonly memberId: number | null;
  /** `moderator` or `participant`, as the island says. */
  readonly role: string;
  /** The channels the island named; `mod` only for moderators. */
  readonly channels: { readonly liveArray: string; readonly chat: string | null; readonly mod: string | null; readonly info: string | null };
  /** The room's chat address (`conf+3500@domain`). */
  readonly chatID: string | null;
  readonly isModerator: boolean;
  readonly isEnded: boolean;
  /** The roster, in the island's order. */
  readonly members: ConferenceMember[];
  /** This client's own member, once the roster has it. */
  readonly self: ConferenceMember | null;
  /** A chat message to the room. @throws {ArgumentError} for an empty text */
  sendChat(text: string): Promise<void>;
  /** Moderator commands (rejects with a ConferenceError `not-moderator` otherwise). */
  mute(member: MemberRef): Promise<void>;
  unmute(member: MemberRef): Promise<void>;
  deaf(member: MemberRef): Promise<void>;
  undeaf(member: MemberRef): Promise<void>;
  kick(member: MemberRef): Promise<void>;
  /** Gives the member the video floor. */
  videoFloor(member: MemberRef): Promise<void>;
  /** Any `conf-control` command (`tmute`, `volume_in`, `vid-layout`...); the reply comes as a `response` event. */
  command(command: string, member?: MemberRef, value?: unknown): Promise<void>;
  /** Hangs up the conference call. */
  leave(): Promise<void>;
}

export {};

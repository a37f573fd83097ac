// States, event payloads and what a call's end means.
import type { MediaStreamType, MediaElementType, Clock } from './platform.js';
import type { Call, Conference } from './api.js';
import type { PartitionMap, hangupReason, LocalCause } from './partition.js';
import type { VertoError, PuntError } from './errors.js';

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
  /** A call of this session entered a conference (joined with `join()` or not). */
  conference: Conference;
  /** Devices were plugged in or out: the new lists. */
  devicechange: DeviceLists;
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
  /** The camera went on or off (`setCamera`). */
  camera: { on: boolean };
  ended: CallEnd;
}

/** A device as `listDevices()` reports it; `label` is empty until the page was granted a device. */
export interface DeviceInfo {
  deviceId: string;
  label: string;
  groupId: string;
}

export interface DeviceLists {
  microphones: DeviceInfo[];
  cameras: DeviceInfo[];
  /** Empty where the browser cannot choose the speaker. */
  speakers: DeviceInfo[];
}

/** Device ids in use; `null` is the platform's default. */
export interface DeviceSelection {
  microphone: string | null;
  camera: string | null;
  speaker: string | null;
}

/** One conference member, from its liveArray row (`["0007", number, name, "codec@rate", status, user, null]`). */
export interface ConferenceMember {
  /** The liveArray key: the member's call UUID. */
  key: string;
  /** The member id moderator commands take. */
  id: number;
  number: string;
  name: string;
  /** `codec@rate`, e.g. `opus@48000`. */
  codec: string;
  talking: boolean;
  muted: boolean;
  deaf: boolean;
  onHold: boolean;
  /** Has the audio floor (the loudest speaker). */
  floor: boolean;
  energyScore: number;
  /** Null for an audio-only member. */
  video: { muted: boolean; floor: boolean; visible: boolean } | null;
  /** This client's own member. */
  self: boolean;
  /** The status JSON as the island sent it. */
  status: Record<string, any>;
  /** The row's user data. */
  user: Record<string, unknown>;
}

export type RosterAction = 'bootstrap' | 'add' | 'modify' | 'del' | 'clear';

/** A conference chat message, as the island republishes it on the chat channel. */
export interface ConferenceChat {
  from: string;
  fromDisplay: string;
  message: string;
  type: string;
}

export interface ConferenceEvents {
  /** Every roster change: the whole roster, what changed and the member it concerns (null for a bootstrap or clear). */
  members: { members: ConferenceMember[]; action: RosterAction; member: ConferenceMember | null };
  memberjoin: ConferenceMember;
  memberupdate: ConferenceMember;
  memberleave: ConferenceMember;
  chat: ConferenceChat;
  /** The island's reply to a moderator command (`conf-command`, `response`, `responseData`). */
  response: Record<string, unknown>;
  /** The member left: `leave()` or the island (`left`), or the call ended (`ended`). */
  ended: { reason: 'left' | 'ended' };
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

// Every error the SDK raises: a VertoError with a stable code.
import type { HangupCause, HangupReason } from './events.js';

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
  | 'conference'
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
export type ConferenceErrorReason = 'not-moderator' | 'no-chat' | 'left';
/** A conference action the member's standing does not allow. */
export class ConferenceError extends VertoError {
  constructor(reason: ConferenceErrorReason, message: string);
  readonly code: 'conference';
  readonly reason: ConferenceErrorReason;
}
/** A listener or hook failed; `cause` is what it threw, `event` what it listened to. */
export class ListenerError extends VertoError {
  constructor(event: string, cause: unknown);
  readonly code: 'listener';
  readonly event: string;
}

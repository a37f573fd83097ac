/**
 * Verto JS SDK: a browser client for FreeSWITCH mod_verto islands behind the Verto gateway.
 * The public API is what this module exports; everything else is internal.
 */
export { VertoClient } from './client.js';
export { Call } from './call/call.js';
export { Conference } from './conference/conference.js';
export { LocalCause, hangupReason } from './call/hangup-cause.js';
export { CallStates } from './call/call-state.js';
export { ClientStates } from './session/client-state.js';
export { defaultShouldRetry } from './session/retry-policy.js';
export { resolveIsland } from './partition/resolve-island.js';
export { PartitionMap } from './partition/partition-map.js';
export { PartitionMapError } from './partition/partition-map-error.js';
export { murmur3 } from './partition/murmur3.js';
export { Backoff } from './transport/backoff.js';
export {
  VertoError,
  SetupError,
  ArgumentError,
  MapFetchError,
  TimeoutError,
  ConnectionError,
  DisconnectedError,
  PuntError,
  MediaError,
  HangupError,
  CallStateError,
  ConferenceError,
  ListenerError,
  CloseCode,
} from './errors.js';
export { RpcCode, RpcError, AuthenticationError, SessionInUseError, WrongIslandError, RateLimitedError, CallError } from './rpc/rpc-errors.js';
export const VERSION = '0.1.0';

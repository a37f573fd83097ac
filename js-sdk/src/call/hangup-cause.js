/**
 * What a call's end means to a person. Causes are FreeSWITCH's Q.850 names (from the island's
 * `verto.bye` or a failed request) or the SDK's own {@link LocalCause}s; {@link hangupReason}
 * folds the hundred-odd of them into the dozen outcomes a softphone tells apart, so a page never
 * needs a table of FreeSWITCH names.
 */

/**
 * Causes the SDK gives to calls that ended without a `verto.bye` from the island.
 */
export const LocalCause = Object.freeze({
  /** The island hangs up unanswered calls of a lost socket with this cause (docs/protocol.md §2.3). */
  SOCKET_LOST: 'DESTINATION_OUT_OF_ORDER',
  /** The island's `verto.clientReady` after a reconnect did not list the call. */
  NOT_REATTACHED: 'NOT_REATTACHED',
  /** Another connection took the session over (`verto.punt`). */
  PUNTED: 'PUNTED',
  /** The application closed the client. */
  CLIENT_CLOSED: 'CLIENT_CLOSED',
  /** The session stopped for good (refused credentials after a reconnect, close 1008). */
  CONNECTION_FAILED: 'CONNECTION_FAILED',
  /** Local media failed (microphone, SDP, ICE gathering). */
  MEDIA_ERROR: 'MEDIA_ERROR',
  /** The call's media path died (ICE failed); a `verto.bye` with this cause tells the island. */
  MEDIA_TIMEOUT: 'MEDIA_TIMEOUT',
  /** A request about the call got no answer in time. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The island refused a request about the call without naming a cause. */
  CALL_ERROR: 'CALL_ERROR',
});

/** @type {Record<string, import('../../types/index.js').HangupReason>} */
const REASONS = {
  NORMAL_CLEARING: 'normal',
  CLIENT_CLOSED: 'normal',
  USER_BUSY: 'busy',
  NORMAL_CIRCUIT_CONGESTION: 'busy',
  NO_ANSWER: 'no-answer',
  NO_USER_RESPONSE: 'no-answer',
  ALLOTTED_TIMEOUT: 'no-answer',
  CALL_REJECTED: 'rejected',
  ORIGINATOR_CANCEL: 'cancelled',
  LOSE_RACE: 'cancelled',
  PICKED_OFF: 'cancelled',
  UNALLOCATED_NUMBER: 'not-found',
  NO_ROUTE_DESTINATION: 'not-found',
  INVALID_NUMBER_FORMAT: 'not-found',
  NUMBER_CHANGED: 'not-found',
  USER_NOT_REGISTERED: 'unavailable',
  SUBSCRIBER_ABSENT: 'unavailable',
  DESTINATION_OUT_OF_ORDER: 'connection-lost',
  NETWORK_OUT_OF_ORDER: 'connection-lost',
  NOT_REATTACHED: 'connection-lost',
  RECOVERY_ON_TIMER_EXPIRE: 'connection-lost',
  CONNECTION_FAILED: 'connection-lost',
  REQUEST_TIMEOUT: 'connection-lost',
  MEDIA_ERROR: 'media',
  MEDIA_TIMEOUT: 'media',
  INCOMPATIBLE_DESTINATION: 'media',
  BEARERCAPABILITY_NOTAVAIL: 'media',
  BEARERCAPABILITY_NOTAUTH: 'media',
  PUNTED: 'moved',
  ATTENDED_TRANSFER: 'transferred',
  BLIND_TRANSFER: 'transferred',
};

/**
 * @param {string} cause a FreeSWITCH cause name or a {@link LocalCause}
 * @returns {import('../../types/index.js').HangupReason} `failed` for causes it does not know
 */
export function hangupReason(cause) {
  return REASONS[cause] ?? 'failed';
}

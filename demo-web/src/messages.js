/**
 * What the page says to a person about SDK errors and call ends. Only the SDK's public error
 * names and codes are used, so the page keeps working with any build of the SDK.
 */

const AUTH_TEXT = {
  'Authentication Failure': 'Wrong user or password.',
  'Login Incorrect': 'Wrong user or password.',
  'Missing passwd': 'Enter the password.',
  'Missing or improper credentials': 'Sign in as user@domain.',
  'Session in use': 'This session belongs to another user. Reload the page to start a new one.',
};

const CAUSE_TEXT = {
  NORMAL_CLEARING: 'Call ended',
  USER_BUSY: 'Busy',
  NO_ANSWER: 'No answer',
  NO_USER_RESPONSE: 'No answer',
  CALL_REJECTED: 'Declined',
  ORIGINATOR_CANCEL: 'Cancelled',
  UNALLOCATED_NUMBER: 'Number not found',
  NO_ROUTE_DESTINATION: 'Number not found',
  USER_NOT_REGISTERED: 'Not signed in anywhere',
  DESTINATION_OUT_OF_ORDER: 'Call lost: connection dropped before it was answered',
  NOT_REATTACHED: 'Call lost while reconnecting',
  RECOVERY_ON_TIMER_EXPIRE: 'Call lost while reconnecting',
  PUNTED: 'Call moved to another window',
  CLIENT_CLOSED: 'Call ended',
  CONNECTION_FAILED: 'Call lost: the connection failed',
  MEDIA_ERROR: 'Microphone or audio problem',
  CALL_ERROR: 'The call could not be placed',
  REQUEST_TIMEOUT: 'Call lost: the gateway stopped answering',
  INCOMPATIBLE_DESTINATION: 'Audio could not be negotiated',
};

/**
 * @param {unknown} error an SDK error (or anything thrown)
 * @param {{domain?: string}} [context]
 * @returns {string}
 */
export function describeError(error, { domain } = {}) {
  const where = domain ? ` for ${domain}` : '';
  if (!error || typeof error !== 'object') return String(error ?? 'Unknown error');
  switch (error.name) {
    case 'AuthenticationError':
      return AUTH_TEXT[error.rpcMessage] ?? `Sign-in refused: ${error.rpcMessage ?? error.message}`;
    case 'RpcError':
      switch (error.code) {
        case -32010:
          return 'Moving to the island that serves you…';
        case -32011:
          return `No island is available${where} right now.`;
        case -32012:
          return `The island${where} is unreachable.`;
        case -32013:
          return 'The gateway is busy.';
        default:
          return error.rpcMessage ?? error.message;
      }
    case 'PuntError':
      return 'Signed out: this session was opened in another window.';
    case 'ConnectionError':
      if (error.fatal) return 'The gateway refused this connection (origin not allowed or too many connections).';
      if (error.closeCode === 1013) return 'The gateway is draining or overloaded.';
      if (error.closeCode === 4000) return 'The connection went silent.';
      return 'Cannot reach the gateway.';
    case 'TimeoutError':
      return 'The gateway did not answer in time.';
    case 'MediaError':
      return error.message.replace(/^microphone unavailable: /, 'Microphone unavailable: ');
    case 'PartitionMapError':
      return `The partition map is invalid (${error.field}).`;
    default:
      return error.message ?? String(error);
  }
}

/**
 * @param {{cause?: string, error?: unknown}} end a Call `ended` payload
 * @returns {string}
 */
export function describeCallEnd(end) {
  if (end.error && end.error.name === 'MediaError') return describeError(end.error);
  return CAUSE_TEXT[end.cause] ?? (end.cause ? end.cause.toLowerCase().replace(/_/g, ' ') : 'Call ended');
}

/**
 * What the page says to a person about SDK errors and call ends. Only the SDK's stable error
 * codes and reasons are read (never message texts, never FreeSWITCH cause names), so the words
 * survive any change of wording in the SDK or the islands.
 */

const AUTHENTICATION = {
  'invalid-credentials': 'Wrong user or password.',
  'missing-password': 'Enter the password.',
  'missing-credentials': 'Sign in as user@domain.',
  required: 'Sign-in refused: the gateway asked for credentials again.',
  refused: 'Sign-in refused.',
};

const MEDIA = {
  'permission-denied': 'Microphone blocked: allow it for this site to call.',
  'no-device': 'No microphone found.',
  'device-busy': 'The microphone is in use by another program.',
  'insecure-context': 'Calls need a secure page (https).',
  unsupported: 'This browser cannot make calls.',
  negotiation: 'Audio could not be negotiated.',
  'no-candidates': 'No network path for the audio.',
  'connection-failed': 'The audio connection failed.',
  'autoplay-blocked': 'Click the page to hear the call.',
  unknown: 'Microphone or audio problem.',
};

const CALL_ERROR = {
  'not-bridged': 'Only a call with a person can be transferred.',
  'destination-missing': 'Enter a number to transfer to.',
  'transfer-failed': 'The transfer failed.',
  'no-such-call': 'The call is already over.',
  'not-answered': 'The call is not answered yet.',
  media: 'Audio could not be negotiated.',
};

const ARGUMENT = {
  destination: 'Enter a number.',
  digits: 'Not a key of the dial pad.',
  to: 'Enter who to write to.',
  body: 'Type a message first.',
  text: 'Type a message first.',
  member: 'Pick a member of the conference.',
  devices: 'Pick a device from the list.',
};

const CONFERENCE = {
  'not-moderator': 'Only a moderator can do that.',
  'no-chat': 'This room has no chat.',
  left: 'You are no longer in the conference.',
};

const CALL_END = {
  normal: 'Call ended',
  busy: 'Busy',
  'no-answer': 'No answer',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  'not-found': 'Number not found',
  unavailable: 'Not signed in anywhere',
  'connection-lost': 'Call lost: the connection dropped',
  media: 'Audio failed',
  moved: 'Call moved to another window',
  transferred: 'Transferred',
};

/**
 * @param {unknown} error an SDK error (or anything thrown)
 * @param {{domain?: string}} [context]
 * @returns {string}
 */
export function describeError(error, { domain } = {}) {
  const where = domain ? ` for ${domain}` : '';
  const e = /** @type {any} */ (error);
  switch (e?.code) {
    case 'authentication':
      return AUTHENTICATION[e.reason] ?? AUTHENTICATION.refused;
    case 'session-in-use':
      return 'This session belongs to another user. Reload the page to start a new one.';
    case 'wrong-island':
      return 'Moving to the island that serves you…';
    case 'no-island':
      return `No island is available${where} right now.`;
    case 'island-unreachable':
      return `The island${where} is unreachable.`;
    case 'rate-limited':
      return 'The gateway is busy.';
    case 'punted':
      return 'Signed out: this session was opened in another window.';
    case 'refused':
      return 'The gateway refused this connection (origin not allowed or too many connections).';
    case 'network':
      if (e.closeCode === 1013) return 'The gateway is draining or overloaded.';
      if (e.closeCode === 4000) return 'The connection went silent.';
      return 'Cannot reach the gateway.';
    case 'timeout':
      return 'The gateway did not answer in time.';
    case 'media':
      return MEDIA[e.reason] ?? MEDIA.unknown;
    case 'call-error':
      return CALL_ERROR[e.reason] ?? 'The island refused.';
    case 'invalid-argument':
      return ARGUMENT[e.argument] ?? 'Check what you typed.';
    case 'call-state':
      return 'Not possible in this call state.';
    case 'conference':
      return CONFERENCE[e.reason] ?? 'Not possible in this conference.';
    case 'hangup':
      return describeCallEnd(e);
    case 'setup':
      return e.option === 'login' ? 'Sign in as user@domain, for example 1000@a.example.' : `This page is set up wrongly (${e.option}).`;
    case 'map-unavailable':
      return 'The partition map could not be loaded.';
    case 'partition-map':
      return `The partition map is invalid (${e.field}).`;
    case 'disconnected':
      return 'Signed out.';
    case 'rpc':
      return 'The gateway refused the request.';
    case 'listener':
      return 'Something went wrong on this page.';
    default:
      return 'Something went wrong.';
  }
}

/**
 * @param {{reason?: string, cause?: string, error?: unknown}} end a Call `ended` payload (or a HangupError)
 * @returns {string}
 */
export function describeCallEnd(end) {
  if (end.reason === 'media' && end.error) return describeError(end.error);
  const text = end.reason ? CALL_END[end.reason] : undefined;
  if (text) return text;
  return end.cause ? `Call failed (${end.cause.toLowerCase().replace(/_/g, ' ')})` : 'Call ended';
}

/**
 * The state of a call's media path, as `RTCPeerConnection.connectionState` names it. Browsers
 * without `connectionState` (Firefox before 113) report ICE only; their ICE state is mapped onto the
 * same names (`checking` → `connecting`, `completed` → `connected`).
 *
 * @param {RTCPeerConnection} pc
 * @returns {import('../../types/index.js').MediaState}
 */
export function mediaStateOf(pc) {
  const state = /** @type {any} */ (pc).connectionState;
  if (typeof state === 'string' && STATES.has(state)) return /** @type {any} */ (state);
  switch (pc.iceConnectionState) {
    case 'checking':
      return 'connecting';
    case 'connected':
    case 'completed':
      return 'connected';
    case 'disconnected':
      return 'disconnected';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'closed';
    default:
      return 'new';
  }
}

const STATES = new Set(['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed']);

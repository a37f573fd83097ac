/**
 * The read-only view of the softphone published as `window.softphone` for tests and the curious:
 * plain data only (copies, so nothing of the page can be changed through it), plus `stats()`.
 *
 * @param {any} state the softphone's snapshot
 * @param {() => import('../../js-sdk/types/index.js').VertoClient|null} client
 * @param {() => Promise<{packetsReceived: number, packetsSent: number, audioLevel: number, bytesReceived: number}>} stats
 */
export function readOnlyView(state, client, stats) {
  return Object.freeze({
    get state() {
      return client()?.state ?? state.connection;
    },
    get island() {
      return state.island;
    },
    get gateway() {
      return state.gateway;
    },
    get sessid() {
      return state.sessid;
    },
    get lastError() {
      return state.error ? { ...state.error } : null;
    },
    get call() {
      return state.call
        ? { id: state.call.id, state: state.call.state, direction: state.call.direction, held: state.call.held, muted: state.call.muted, video: state.call.video, cameraOn: state.call.cameraOn, sharing: state.call.sharing }
        : null;
    },
    get conference() {
      const conf = state.conference;
      return conf ? { room: conf.room, isModerator: conf.isModerator, members: conf.members.map((m) => ({ ...m })) } : null;
    },
    get reconnectAttempt() {
      return state.reconnect?.attempt ?? 0;
    },
    async stats() {
      const s = await stats();
      return { packetsReceived: s.packetsReceived, packetsSent: s.packetsSent, audioLevel: s.audioLevel, bytesReceived: s.bytesReceived };
    },
  });
}

/**
 * @param {import('../../js-sdk/types/index.js').Call|null} call
 * @returns {Promise<{packetsReceived: number, packetsSent: number, audioLevel: number, bytesReceived: number, packetsLost: number, jitter: number, roundTripTime?: number}>}
 */
export async function callStats(call) {
  const zero = { packetsReceived: 0, packetsSent: 0, audioLevel: 0, bytesReceived: 0, packetsLost: 0, jitter: 0, roundTripTime: undefined };
  if (!call || !call.peerConnection) return zero;
  try {
    return await call.stats();
  } catch {
    return zero;
  }
}

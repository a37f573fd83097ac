/**
 * @typedef {object} AudioStats
 * @property {number} packetsReceived inbound-rtp audio
 * @property {number} packetsSent outbound-rtp audio
 * @property {number} bytesReceived inbound-rtp audio
 * @property {number} bytesSent outbound-rtp audio
 * @property {number} packetsLost inbound-rtp audio
 * @property {number} jitter seconds, inbound-rtp audio
 * @property {number} audioLevel 0..1 of the received audio (inbound-rtp, or the receiving track's stats)
 * @property {number|undefined} roundTripTime seconds, from the peer's RTCP receiver reports
 */

/**
 * Reduces a WebRTC stats report (W3C webrtc-stats) to the audio figures a softphone shows.
 *
 * @param {RTCStatsReport|Iterable<[string, any]>} report
 * @returns {AudioStats}
 */
export function audioStats(report) {
  const stats = {
    packetsReceived: 0,
    packetsSent: 0,
    bytesReceived: 0,
    bytesSent: 0,
    packetsLost: 0,
    jitter: 0,
    audioLevel: 0,
    roundTripTime: undefined,
  };
  let inboundLevel;
  let trackLevel;
  const source = /** @type {any} */ (report);
  const each = typeof source.forEach === 'function' ? (fn) => source.forEach(fn) : (fn) => [...source].forEach(([, s]) => fn(s));
  each((s) => {
    const kind = s.kind ?? s.mediaType;
    if (kind !== 'audio') return;
    if (s.type === 'inbound-rtp') {
      stats.packetsReceived += s.packetsReceived ?? 0;
      stats.bytesReceived += s.bytesReceived ?? 0;
      stats.packetsLost += s.packetsLost ?? 0;
      stats.jitter = Math.max(stats.jitter, s.jitter ?? 0);
      if (typeof s.audioLevel === 'number') inboundLevel = Math.max(inboundLevel ?? 0, s.audioLevel);
    } else if (s.type === 'outbound-rtp') {
      stats.packetsSent += s.packetsSent ?? 0;
      stats.bytesSent += s.bytesSent ?? 0;
    } else if (s.type === 'remote-inbound-rtp' && typeof s.roundTripTime === 'number') {
      stats.roundTripTime = s.roundTripTime;
    } else if (s.type === 'track' && s.remoteSource && typeof s.audioLevel === 'number') {
      trackLevel = s.audioLevel;
    }
  });
  stats.audioLevel = inboundLevel ?? trackLevel ?? 0;
  return stats;
}

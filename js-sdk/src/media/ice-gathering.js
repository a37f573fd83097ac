/**
 * Waits until a peer connection's SDP is complete enough to send. Verto has no trickle ICE
 * (docs/protocol.md §6.1): every SDP carries its candidates. Like verto.js (§1.7) the wait ends
 * when gathering completes, or `graceMs` after the first candidate (a slow STUN or TURN server
 * must not hold a call up), or after `timeoutMs` in any case.
 *
 * @param {RTCPeerConnection} pc
 * @param {object} options
 * @param {import('../clock.js').Clock} options.clock
 * @param {number} options.timeoutMs
 * @param {number} options.graceMs
 * @param {boolean} [options.again] a renegotiation that added sections: wait for new gathering even
 *   though the state still says `complete` from the first offer
 * @returns {Promise<void>}
 */
export function iceGatheringDone(pc, { clock, timeoutMs, graceMs, again = false }) {
  return new Promise((resolve) => {
    if (!again && pc.iceGatheringState === 'complete') {
      resolve();
      return;
    }
    let grace = null;
    const hard = clock.setTimeout(done, timeoutMs);
    function onState() {
      if (pc.iceGatheringState === 'complete') done();
    }
    function onCandidate(event) {
      if (!event.candidate) done();
      else if (grace === null) grace = clock.setTimeout(done, graceMs);
    }
    function done() {
      clock.clearTimeout(hard);
      if (grace !== null) clock.clearTimeout(grace);
      pc.removeEventListener('icegatheringstatechange', onState);
      pc.removeEventListener('icecandidate', onCandidate);
      resolve();
    }
    pc.addEventListener('icegatheringstatechange', onState);
    pc.addEventListener('icecandidate', onCandidate);
  });
}

/**
 * True when every live media section of `sdp` carries a candidate (nothing left to gather: a
 * re-offer of the same sections keeps the candidates it had).
 *
 * @param {string} sdp
 */
export function everySectionHasCandidates(sdp) {
  const sections = sdp.split(/^(?=m=)/m).slice(1);
  return sections.every((section) => /^m=\S+ 0 /.test(section) || /^a=candidate:/m.test(section));
}

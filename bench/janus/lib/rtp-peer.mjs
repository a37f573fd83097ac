// One generator peer: a libdatachannel PeerConnection with one Opus audio track (sendrecv) that sends raw RTP
// (RFC 3550 §5.1 header: sequence +1, timestamp +960 at 48 kHz, its own SSRC) through track.sendMessageBinary,
// which SRTP-protects it, and counts the RTP that comes back. RTCP on the same track (rtcp-mux) is not counted.
import ndc from 'node-datachannel';

const PAYLOAD = 160;
const OPUS_PT = 111;

function isRtcp(m) {
  return m.length >= 2 && m[1] >= 192 && m[1] <= 223; // RFC 5761 §4
}

export class RtpPeer {
  constructor(name, bindAddress) {
    this.name = name;
    this.ssrc = (Math.random() * 0xfffffff0 + 1) >>> 0;
    this.seq = (Math.random() * 0xffff) >>> 0;
    this.ts = (Math.random() * 0xffffffff) >>> 0;
    this.sent = 0;
    this.echoed = 0;
    this.sendErrors = 0;
    this.pc = new ndc.PeerConnection(name, { iceServers: [], bindAddress, disableAutoNegotiation: true });
    const audio = new ndc.Audio('0', 'SendRecv');
    audio.addOpusCodec(OPUS_PT);
    audio.addSSRC(this.ssrc, name, name, 'audio');
    this.state = 'new';
    this.pc.onStateChange((st) => {
      this.state = st;
    });
    this.track = this.pc.addTrack(audio);
    this.open = new Promise((resolve) => this.track.onOpen(resolve));
    this.track.onMessage((m) => {
      if (!isRtcp(m)) this.echoed++;
    });
    this.packet = Buffer.alloc(12 + PAYLOAD);
    this.packet[0] = 0x80;
    this.packet[1] = OPUS_PT;
    this.packet.writeUInt32BE(this.ssrc, 8);
    for (let i = 12; i < this.packet.length; i++) this.packet[i] = (i * 7) & 0xff;
  }

  /** The full offer, candidates included (no trickle), once gathering is complete. */
  offer() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: ICE gathering did not complete`)), 15000);
      const check = (s) => {
        if (s === 'complete') {
          clearTimeout(timer);
          resolve(this.pc.localDescription().sdp);
        }
      };
      this.pc.onGatheringStateChange(check);
      this.pc.setLocalDescription('offer');
      check(this.pc.gatheringState());
    });
  }

  answer(sdp) {
    try {
      this.pc.setRemoteDescription(sdp, 'answer');
    } catch (e) {
      throw new Error(`${this.name} (${this.state}, signaling ${this.pc.signalingState()}, ice ${this.pc.iceState()}): ${e.message}\n${sdp}`);
    }
  }

  /** One 20 ms Opus-sized packet. */
  send() {
    this.seq = (this.seq + 1) & 0xffff;
    this.ts = (this.ts + 960) >>> 0;
    this.packet.writeUInt16BE(this.seq, 2);
    this.packet.writeUInt32BE(this.ts, 4);
    try {
      if (this.track.sendMessageBinary(this.packet)) this.sent++;
      else this.sendErrors++;
    } catch {
      this.sendErrors++;
    }
  }

  close() {
    try {
      this.pc.close();
    } catch {
      // already closed
    }
  }
}

/**
 * Sends 50 packets/s on every peer, each peer on its own phase within the 20 ms period, and catches up after a
 * late timer (at most 3 packets at once) so that the rate holds under a loaded event loop.
 */
export function startClock(peers, packetsPerSecond = 50) {
  const period = 1000 / packetsPerSecond;
  const start = performance.now();
  const due = peers.map((_, i) => start + (i * period) / peers.length);
  const timer = setInterval(() => {
    const now = performance.now();
    for (let i = 0; i < peers.length; i++) {
      let burst = 0;
      while (due[i] <= now && burst < 3) {
        peers[i].send();
        due[i] += period;
        burst++;
      }
      if (due[i] <= now) due[i] = now + period; // too far behind: skip rather than flood
    }
  }, 2);
  return () => clearInterval(timer);
}

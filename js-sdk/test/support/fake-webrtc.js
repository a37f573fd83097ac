import { AUDIO_OFFER, AUDIO_ANSWER, withoutCandidates } from './sdp.js';

/** A local audio track as the SDK sees it: `enabled` and `stop()`. */
export class FakeTrack {
  kind = 'audio';
  enabled = true;
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

export class FakeMediaStream {
  constructor(tracks = [new FakeTrack()]) {
    this.tracks = tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getTracks() {
    return [...this.tracks];
  }
}

/**
 * An RTCPeerConnection stand-in: fixed SDP, candidates "gathered" on the next turn of the event
 * loop (or never, with `FakePeerConnection.gather = false`), a remote track on every remote
 * description, and getStats figures a test can set.
 */
export class FakePeerConnection extends EventTarget {
  /** @type {FakePeerConnection[]} */
  static instances = [];
  static gather = true;
  static failRemote = false;
  static stats = [
    { id: 'in', type: 'inbound-rtp', kind: 'audio', packetsReceived: 150, bytesReceived: 12000, packetsLost: 1, jitter: 0.004, audioLevel: 0.25 },
    { id: 'out', type: 'outbound-rtp', kind: 'audio', packetsSent: 149, bytesSent: 11800 },
    { id: 'rin', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.012 },
  ];

  static reset() {
    FakePeerConnection.instances = [];
    FakePeerConnection.gather = true;
    FakePeerConnection.failRemote = false;
  }

  constructor(config) {
    super();
    this.config = config;
    this.localDescription = null;
    this.remoteDescription = null;
    this.iceGatheringState = 'new';
    this.connectionState = 'new';
    this.iceConnectionState = 'new';
    this.closed = false;
    /** @type {FakeTrack[]} */
    this.tracks = [];
    this.remoteStream = new FakeMediaStream();
    FakePeerConnection.instances.push(this);
  }

  addTrack(track) {
    this.tracks.push(track);
  }

  async createOffer() {
    return { type: 'offer', sdp: withoutCandidates(AUDIO_OFFER) };
  }

  async createAnswer() {
    if (!this.remoteDescription) throw new Error('createAnswer without a remote offer');
    return { type: 'answer', sdp: withoutCandidates(AUDIO_ANSWER) };
  }

  async setLocalDescription(description) {
    this.localDescription = { ...description };
    if (!FakePeerConnection.gather) return;
    setImmediate(() => {
      if (this.closed) return;
      this.iceGatheringState = 'gathering';
      this.dispatchEvent(new Event('icegatheringstatechange'));
      const full = description.type === 'offer' ? AUDIO_OFFER : AUDIO_ANSWER;
      this.localDescription = { type: description.type, sdp: full };
      this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { candidate: 'candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host' } }));
      this.iceGatheringState = 'complete';
      this.dispatchEvent(new Event('icegatheringstatechange'));
      this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: null }));
    });
  }

  async setRemoteDescription(description) {
    if (FakePeerConnection.failRemote) throw new Error('fake remote description failure');
    this.remoteDescription = { ...description };
    this.dispatchEvent(Object.assign(new Event('track'), { track: new FakeTrack(), streams: [this.remoteStream] }));
  }

  /** Moves the media path to `state` as a browser would, with its event. */
  setConnectionState(state) {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }

  async getStats() {
    return new Map((this.statsList ?? FakePeerConnection.stats).map((s) => [s.id, s]));
  }

  close() {
    this.closed = true;
  }
}

/** The `media` option that puts the fakes in place. */
export function fakeMedia(overrides = {}) {
  return {
    RTCPeerConnection: FakePeerConnection,
    getUserMedia: async () => new FakeMediaStream(),
    gatherTimeoutMs: 5000,
    candidateGraceMs: 1000,
    ...overrides,
  };
}

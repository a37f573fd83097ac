import { AUDIO_OFFER, AUDIO_ANSWER, VIDEO_OFFER, VIDEO_ANSWER, SCREEN_OFFER, withoutCandidates } from './sdp.js';

/** A local track as the SDK sees it: `kind`, `enabled`, `stop()`, and `ended` when the source goes away. */
export class FakeTrack extends EventTarget {
  enabled = true;
  stopped = false;
  constructor(kind = 'audio', deviceId = 'default') {
    super();
    this.kind = kind;
    this.deviceId = deviceId;
  }
  stop() {
    this.stopped = true;
  }
  /** The source ended (a screen share stopped from the browser's own bar). */
  end() {
    this.stopped = true;
    this.dispatchEvent(new Event('ended'));
  }
}

export class FakeMediaStream {
  constructor(tracks = [new FakeTrack()]) {
    this.tracks = tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === 'video');
  }
  getTracks() {
    return [...this.tracks];
  }
  addTrack(track) {
    if (!this.tracks.includes(track)) this.tracks.push(track);
  }
  removeTrack(track) {
    this.tracks = this.tracks.filter((t) => t !== track);
  }
}

/** RTCRtpSender: the track it sends, swapped with replaceTrack. */
export class FakeSender {
  constructor(track, direction = 'sendrecv') {
    this.track = track;
    this.kind = track.kind;
    this.direction = direction;
    this.replaced = [];
  }
  async replaceTrack(track) {
    this.replaced.push(track);
    this.track = track;
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
    /** @type {FakeSender[]} */
    this.senders = [];
    this.remoteStream = new FakeMediaStream();
    FakePeerConnection.instances.push(this);
  }

  addTrack(track) {
    this.tracks.push(track);
    const sender = new FakeSender(track);
    this.senders.push(sender);
    return sender;
  }

  addTransceiver(track, init = {}) {
    this.tracks.push(track);
    const sender = new FakeSender(track, init.direction);
    this.senders.push(sender);
    return { sender, direction: init.direction };
  }

  getSenders() {
    return [...this.senders];
  }

  /** The offer this connection's senders make: audio, audio and video, or a send-only screen. */
  fullOffer() {
    const video = this.senders.some((s) => s.kind === 'video');
    if (!video) return AUDIO_OFFER;
    return this.senders.some((s) => s.kind === 'audio') ? VIDEO_OFFER : SCREEN_OFFER;
  }

  async createOffer() {
    return { type: 'offer', sdp: withoutCandidates(this.fullOffer()) };
  }

  async createAnswer() {
    if (!this.remoteDescription) throw new Error('createAnswer without a remote offer');
    return { type: 'answer', sdp: withoutCandidates(/^m=video/m.test(this.remoteDescription.sdp) ? VIDEO_ANSWER : AUDIO_ANSWER) };
  }

  async setLocalDescription(description) {
    if (description.type === 'rollback') {
      this.rolledBack = (this.rolledBack ?? 0) + 1;
      this.localDescription = this.stableLocal ?? null;
      return;
    }
    if (description.type === 'answer' || this.remoteDescription === null) this.stableLocal = this.localDescription;
    this.localDescription = { ...description };
    if (!FakePeerConnection.gather) return;
    setImmediate(() => {
      if (this.closed) return;
      this.iceGatheringState = 'gathering';
      this.dispatchEvent(new Event('icegatheringstatechange'));
      const full = description.type === 'offer' ? this.fullOffer() : /^m=video/m.test(this.remoteDescription?.sdp ?? '') ? VIDEO_ANSWER : AUDIO_ANSWER;
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

/** navigator.mediaDevices as far as device lists go: a fixed list a test may change, and `devicechange`. */
export class FakeMediaDevices extends EventTarget {
  devices = [
    { deviceId: 'mic-1', kind: 'audioinput', label: 'Built-in Microphone', groupId: 'g1' },
    { deviceId: 'mic-2', kind: 'audioinput', label: 'Headset Microphone', groupId: 'g2' },
    { deviceId: 'cam-1', kind: 'videoinput', label: 'FaceTime HD Camera', groupId: 'g3' },
    { deviceId: 'spk-1', kind: 'audiooutput', label: 'Built-in Speakers', groupId: 'g1' },
  ];
  async enumerateDevices() {
    return this.devices.map((d) => ({ ...d }));
  }
  /** A device plugged in. */
  plug(device) {
    this.devices.push(device);
    this.dispatchEvent(new Event('devicechange'));
  }
}

/** The device a constraint names (`{deviceId: {exact}}`), else the default. */
function deviceOf(constraint) {
  return (constraint && typeof constraint === 'object' && constraint.deviceId?.exact) || 'default';
}

/** The `media` option that puts the fakes in place; `requests` records every getUserMedia/getDisplayMedia. */
export function fakeMedia(overrides = {}) {
  const requests = [];
  return {
    RTCPeerConnection: FakePeerConnection,
    getUserMedia: async (constraints) => {
      requests.push({ type: 'user', constraints });
      const tracks = [];
      if (constraints?.audio) tracks.push(new FakeTrack('audio', deviceOf(constraints.audio)));
      if (constraints?.video) tracks.push(new FakeTrack('video', deviceOf(constraints.video)));
      return new FakeMediaStream(tracks);
    },
    getDisplayMedia: async (constraints) => {
      requests.push({ type: 'display', constraints });
      return new FakeMediaStream([new FakeTrack('video', 'screen')]);
    },
    requests,
    gatherTimeoutMs: 5000,
    candidateGraceMs: 1000,
    ...overrides,
  };
}

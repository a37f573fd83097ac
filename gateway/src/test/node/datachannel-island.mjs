// An island whose media is libdatachannel (through node-datachannel), a WebRTC stack we did not write, configured
// as FreeSWITCH is: full ICE, AES_CM_128_HMAC_SHA1_80 (libdatachannel's default profile set includes it), and the
// DTLS certificate given on the command line (an RSA key, as FreeSWITCH's dtls-srtp.pem).
// JSON lines on stdin, one answer line per request on stdout: {"id", ...result} or {"id", "error"}.
//   newLeg {leg}; answer {leg, sdp} -> {sdp}; offer {leg} -> {sdp}; applyAnswer {leg, sdp}; echo {leg};
//   bridge {a, b}; isolate {leg}; stats {leg} -> {state, received, sent}; close {leg}
import readline from 'node:readline';
import ndc from 'node-datachannel';

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]).filter(([k]) => k.startsWith('--')));
const config = {
  iceServers: [],
  bindAddress: args['--bind'] ?? '127.0.0.1',
  certificatePemFile: args['--cert'],
  keyPemFile: args['--key'],
};
ndc.initLogger(args['--log'] ?? 'Warning', (level, message) => process.stderr.write(`${level} ${message}\n`));

const legs = new Map();

function leg(id) {
  const l = legs.get(id);
  if (!l) throw new Error(`no leg ${id}`);
  return l;
}

function isRtcp(m) {
  return m.length >= 2 && m[1] >= 192 && m[1] <= 223; // RFC 5761 §4
}

function attach(l, track) {
  l.track = track;
  track.onMessage((m) => {
    if (isRtcp(m)) return;
    l.received++;
    const to = l.target ? legs.get(l.target) : null;
    if (!to || !to.track || !to.track.isOpen()) return;
    const out = Buffer.from(m);
    out.writeUInt32BE(to.ssrc, 8); // the receiver's stream, as FreeSWITCH sends its own SSRC
    try {
      to.track.sendMessageBinary(out);
      to.sent++;
    } catch {
      // the track closed meanwhile
    }
  });
}

function gathered(pc) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ICE gathering did not complete')), 10000);
    const check = (s) => {
      if (s === 'complete') {
        clearTimeout(timer);
        resolve(pc.localDescription().sdp);
      }
    };
    pc.onGatheringStateChange(check);
    check(pc.gatheringState());
  });
}

function newLeg(id) {
  const pc = new ndc.PeerConnection(id, config);
  const l = { id, pc, track: null, target: null, received: 0, sent: 0, state: 'new',
    ssrc: (Math.random() * 0xffffffff) >>> 0 };
  pc.onStateChange((s) => { l.state = s; });
  pc.onTrack((t) => attach(l, t));
  legs.set(id, l);
  return l;
}

const ops = {
  newLeg: ({ leg: id }) => { newLeg(id); return {}; },
  async answer({ leg: id, sdp }) {
    const l = leg(id);
    const done = gathered(l.pc);
    l.pc.setRemoteDescription(sdp, 'offer');
    return { sdp: await done };
  },
  async offer({ leg: id }) {
    const l = leg(id);
    const audio = new ndc.Audio('0', 'SendRecv');
    audio.addOpusCodec(111);
    audio.addSSRC(l.ssrc, 'island', 'island', 'audio');
    attach(l, l.pc.addTrack(audio));
    const done = gathered(l.pc);
    l.pc.setLocalDescription();
    return { sdp: await done };
  },
  applyAnswer: ({ leg: id, sdp }) => { leg(id).pc.setRemoteDescription(sdp, 'answer'); return {}; },
  echo: ({ leg: id }) => { leg(id).target = id; return {}; },
  bridge: ({ a, b }) => { leg(a).target = b; leg(b).target = a; return {}; },
  isolate: ({ leg: id }) => { leg(id).target = null; return {}; },
  stats: ({ leg: id }) => { const l = leg(id); return { state: l.state, received: l.received, sent: l.sent }; },
  close: ({ leg: id }) => {
    const l = legs.get(id);
    if (l) {
      legs.delete(id);
      l.pc.close();
    }
    return {};
  },
};

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', async (line) => {
  let req;
  try {
    req = JSON.parse(line);
    const result = await ops[req.op](req);
    process.stdout.write(JSON.stringify({ id: req.id, ...result }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: req?.id, error: String(e?.message ?? e) }) + '\n');
  }
});
rl.on('close', () => {
  for (const l of legs.values()) l.pc.close();
  ndc.cleanup();
  process.exit(0);
});
process.stdout.write(JSON.stringify({ ready: true }) + '\n');

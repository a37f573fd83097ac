// A conference member in the page, speaking raw Verto JSON-RPC over WSS as verto.js does for conferences:
// login, invite to a room (complete SDP, no trickle), the pvtData event, subscribe to the granted channels,
// bootstrap the liveArray and follow add/modify/del with wireSerno continuity, chat, moderator commands.
// What it hears is measured with a WebAudio analyser; the video it receives (the floor holder's) with getStats.
// arguments: [login, password, destination, withVideo].
const [login, passwd, destination, withVideo] = arguments;
const conf = {
  state: 'connecting', error: null, pvt: null, roster: {}, lastSerno: 0, sernoGaps: 0, chats: [], modReplies: [],
  unauthorized: null, answered: false,
};
window.conf = conf;
const sessid = crypto.randomUUID();
const callID = crypto.randomUUID();
let nextId = 1;
const waiting = new Map();
const ws = new WebSocket('wss://' + location.host + '/verto');
function send(method, params) {
  const id = nextId++;
  ws.send(JSON.stringify({ jsonrpc: '2.0', method, params: { ...params, sessid }, id }));
  return new Promise((resolve) => waiting.set(id, resolve));
}
conf.send = send;
conf.broadcast = (eventChannel, data) => send('verto.broadcast', { eventChannel, data });
conf.modCommand = (command, id, value) =>
  conf.broadcast(conf.pvt.modChannel, { application: 'conf-control', command, id, value: value ?? null });
conf.chat = (message) => conf.broadcast(conf.pvt.chatChannel, { action: 'send', message, type: 'message' });

function liveArray(data) {
  if (data.action === 'bootObj') {
    conf.roster = {};
    for (const [key, row] of data.data) conf.roster[key] = row;
    return;
  }
  if (data.wireSerno >= 0) {
    if (conf.lastSerno > 0 && data.wireSerno !== conf.lastSerno + 1) conf.sernoGaps++;
    conf.lastSerno = data.wireSerno;
  }
  if (data.action === 'add' || data.action === 'modify') conf.roster[data.hashKey] = data.data;
  if (data.action === 'del') delete conf.roster[data.hashKey];
}

async function joined(pvt) {
  conf.pvt = pvt;
  const channels = [pvt.laChannel, pvt.chatChannel, pvt.infoChannel];
  if (pvt.modChannel) channels.push(pvt.modChannel);
  const sub = await send('verto.subscribe', { eventChannel: channels });
  conf.subscribed = sub.result ? sub.result.subscribedChannels : [];
  const other = await send('verto.subscribe', { eventChannel: [pvt.laChannel.replace('conference-liveArray.', 'conference-mod.')] });
  conf.unauthorized = pvt.modChannel ? null : (other.error && other.error.unauthorizedChannels) || 'accepted';
  await conf.broadcast(pvt.laChannel, { liveArray: { command: 'bootstrap', context: pvt.laChannel, name: pvt.laName, obj: {} } });
}

ws.onmessage = async (e) => {
  const m = JSON.parse(e.data);
  if (m.id !== undefined && !m.method) {
    const r = waiting.get(m.id);
    waiting.delete(m.id);
    if (r) r(m);
    return;
  }
  if (m.id !== undefined) ws.send(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { method: m.method } }));
  const p = m.params || {};
  if ((m.method === 'verto.answer' || m.method === 'verto.media') && p.sdp && !conf.answered) {
    conf.answered = true;
    await conf.pc.setRemoteDescription({ type: 'answer', sdp: p.sdp });
    conf.state = 'active';
  } else if (m.method === 'verto.bye') {
    conf.state = 'ended';
  } else if (m.method === 'verto.event') {
    if (p.pvtData && p.pvtData.action === 'conference-liveArray-join') joined(p.pvtData);
    else if (p.data && p.data.name && p.data.action) liveArray(p.data);
    else if (p.data && p.data.direction === 'outbound') conf.chats.push(p.data);
    else if (p.data && p.data['conf-command']) conf.modReplies.push(p.data);
  }
};

ws.onopen = async () => {
  try {
    const r = await send('login', { login, passwd, loginParams: {}, userVariables: {} });
    if (!r.result) throw new Error('login: ' + JSON.stringify(r.error));
    const media = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false }, video: !!withVideo,
    });
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-compat' });
    conf.pc = pc;
    media.getTracks().forEach((t) => pc.addTrack(t, media));
    pc.ontrack = (ev) => {
      const stream = new MediaStream([ev.track]);
      if (ev.track.kind === 'video') {
        const v = document.createElement('video');
        v.muted = true;
        v.autoplay = true;
        v.playsInline = true;
        v.srcObject = stream;
        document.body.appendChild(v);
        v.play().catch(() => {});
        return;
      }
      const el = new Audio();
      el.muted = true; // a remote stream feeds WebAudio only while a media element plays it
      el.srcObject = stream;
      el.play().catch(() => {});
      const ctx = new AudioContext({ sampleRate: 48000 });
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0.5;
      ctx.createMediaStreamSource(stream).connect(analyser);
      ctx.resume();
      conf.analyser = analyser;
      conf.ctx = ctx;
    };
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && resolve();
      setTimeout(resolve, 5000);
    });
    conf.state = 'calling';
    const invite = await send('verto.invite', {
      sdp: pc.localDescription.sdp,
      dialogParams: { callID, destination_number: destination, caller_id_name: login.split('@')[0] + ' page',
        caller_id_number: login.split('@')[0], useVideo: !!withVideo },
    });
    if (!invite.result) throw new Error('invite: ' + JSON.stringify(invite.error));
  } catch (err) {
    conf.state = 'failed';
    conf.error = '' + err;
  }
};
ws.onclose = () => { if (conf.state !== 'ended') conf.state = 'closed'; };

// The level in dB of each frequency in what the member hears, from the analyser's spectrum (the loudest bin
// within 2 bins of the frequency).
conf.levels = (frequencies) => {
  if (!conf.analyser) return null;
  const bins = new Float32Array(conf.analyser.frequencyBinCount);
  conf.analyser.getFloatFrequencyData(bins);
  const hzPerBin = conf.ctx.sampleRate / conf.analyser.fftSize;
  return frequencies.map((f) => {
    const c = Math.round(f / hzPerBin);
    let best = -Infinity;
    for (let b = c - 2; b <= c + 2; b++) best = Math.max(best, bins[b]);
    return best;
  });
};
setInterval(async () => {
  if (!conf.pc) return;
  const stats = { connection: conf.pc.connectionState, ice: conf.pc.iceConnectionState };
  (await conf.pc.getStats()).forEach((r) => {
    if (r.type === 'inbound-rtp' && r.kind === 'audio') {
      stats.packetsReceived = r.packetsReceived;
      stats.audioLevel = r.audioLevel;
    }
    if (r.type === 'outbound-rtp' && r.kind === 'audio') stats.packetsSent = r.packetsSent;
    if (r.type === 'inbound-rtp' && r.kind === 'video') {
      stats.framesDecoded = r.framesDecoded || 0;
      stats.keyFramesDecoded = r.keyFramesDecoded || 0;
    }
  });
  conf.stats = stats;
}, 1000);
conf.rosterSize = () => Object.keys(conf.roster).length;
conf.mutedIds = () => Object.values(conf.roster).filter((row) => JSON.parse(row[4]).audio.muted).map((row) => row[0]);

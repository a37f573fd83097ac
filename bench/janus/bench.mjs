// Janus echotest as the peer anchor of the relay benchmark: one WebRTC generator (libdatachannel) against Janus's
// echotest and against the gateway relaying to an island's echo (9196), in one run, and the CPU each server spends
// per echoed packet. Run it through run.sh, inside a network namespace with veth0 at 198.18.0.1.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ndc from 'node-datachannel';
import { JanusEchotest } from './lib/janus-echotest.mjs';
import { RtpPeer, startClock } from './lib/rtp-peer.mjs';
import { VertoClient } from './lib/verto-client.mjs';
import { processCpuNs, selfCpuNs, startServer, threadCpuNs, threadDelta } from './lib/proc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const opt = Object.fromEntries(
  process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]).filter(([k]) => k.startsWith('--')).map(([k, v]) => [k.slice(2), v]),
);
const peerCounts = (opt.peers ?? '25').split(',').map(Number);
const warmupS = Number(opt.warmup ?? 15);
const windowS = Number(opt.seconds ?? 10);
const idleS = Number(opt.idle ?? 5);
const prewarm = Number(opt.prewarm ?? 5);
const mediaThreads = Number(opt['media-threads'] ?? 0); // the gateway's media.threads; 0: one per processor
const jar = path.resolve(opt.jar ?? path.join(here, '../../app/target/verto-gateway.jar'));
const address = opt.address ?? '198.18.0.1';
const iface = opt.interface ?? 'veth0';
const target = path.join(here, 'target');
const gatewayJvm = (opt['gateway-jvm'] ?? '').split(/\s+/).filter(Boolean);
if (opt['peer-log']) ndc.initLogger(opt['peer-log'], (level, m) => process.stderr.write(`${level} ${m}\n`));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (s) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${s}\n`);

/** Janus's private configuration: echotest and the HTTP transport on loopback only, otherwise its defaults. */
function janusConfig(dir) {
  const lib = '/usr/lib/x86_64-linux-gnu/janus';
  const others = readdirSync(`${lib}/plugins`).filter((f) => /\.so$/.test(f) && f !== 'libjanus_echotest.so');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'janus.jcfg'), `general: {
  configs_folder = "${dir}"
  plugins_folder = "${lib}/plugins"
  transports_folder = "${lib}/transports"
  events_folder = "${lib}/events"
  loggers_folder = "${lib}/loggers"
  session_timeout = 0
}
media: { rtp_port_range = "40000-40999" }
nat: { }
plugins: { disable = "${others.join(',')}" }
transports: { disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,libjanus_websockets.so" }
loggers: { disable = "libjanus_jsonlog.so" }
events: { }
`);
  writeFileSync(path.join(dir, 'janus.plugin.echotest.jcfg'), 'general: { }\n');
  writeFileSync(path.join(dir, 'janus.transport.http.jcfg'),
    'general: { http = true, port = 8088, ip = "127.0.0.1", base_path = "/janus", https = false }\nadmin: { admin_http = false }\n');
}

/**
 * The gateway's configuration: demo mode (a self-signed certificate, /metrics for loopback), media bound where the
 * generator's peers are, and the per-address budgets lifted, since every peer connects from the same address.
 */
function gatewayFiles(dir, islandUri) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ version: 1, islands: [{ id: 'fs-01', verto: islandUri }] }));
  const big = 100000;
  writeFileSync(path.join(dir, 'gateway.json'), JSON.stringify({
    mode: 'demo',
    listen: { host: '127.0.0.1', port: 0 },
    partitionMap: 'map.json',
    dataDir: 'data',
    limits: {
      connectionsPerAddress: big, connectionsPerSecondPerAddress: big, connectionBurstPerAddress: big,
      unauthenticatedPerAddress: big, maxUnauthenticated: big, maxSessions: big,
    },
    media: { bindAddress: address, browserPort: 0, islandPortMin: 0, islandPortMax: 0, tcp: false, threads: mediaThreads },
  }, null, 2));
}

function users(max) {
  return Object.fromEntries(Array.from({ length: max }, (_, i) => [`${1000 + i}`, 'bench']));
}

/** Runs `fn` over `items`, `width` at a time. */
async function limited(items, width, fn) {
  const out = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

/** The gateway's own count of SRTP/SRTCP packets received and sent over all legs, from /metrics (the demo mode admits loopback). */
function gatewayPackets(base) {
  return new Promise((resolve, reject) => {
    https.get(`${base}/metrics`, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        const read = (dir) => Number(body.match(new RegExp(`^verto_gateway_media_packets_total\\{direction="${dir}"\\} (\\S+)`, 'm'))?.[1] ?? NaN);
        resolve({ received: read('received'), sent: read('sent') });
      });
    }).on('error', reject);
  });
}

/** The server's CPU with no call, in cores, over a few seconds: what it spends whatever the packets. */
async function idleCores(pid) {
  const a = processCpuNs(pid);
  const t = process.hrtime.bigint();
  await sleep(idleS * 1000);
  const b = processCpuNs(pid);
  return (b.user + b.system - a.user - a.system) / Number(process.hrtime.bigint() - t);
}

/** `n` peers, each negotiated by `negotiate(peer, i)` (which applies the answer), their tracks open. */
async function connectPeers(name, n, negotiate) {
  const peers = Array.from({ length: n }, (_, i) => new RtpPeer(`${name}-${i}`, address));
  const t0 = Date.now();
  await limited(peers, 5, negotiate);
  const opened = await Promise.race([
    Promise.all(peers.map((p) => p.open)).then(() => true),
    sleep(30000).then(() => false),
  ]);
  if (!opened) throw new Error(`${name}: ${peers.filter((p) => !p.track.isOpen()).length} of ${n} tracks not open within 30 s`);
  log(`${name}: ${n} peers connected in ${Date.now() - t0} ms`);
  return peers;
}

/** Sets up the peers, then sends for warm-up + window and measures `pid`'s CPU. */
async function measure(name, pid, n, negotiate, counters = async () => null) {
  const idle = await idleCores(pid);
  const peers = await connectPeers(name, n, negotiate);
  const stop = startClock(peers);
  const warm = Date.now() + warmupS * 1000;
  // media must flow end to end on every peer before the window: a call whose far leg failed echoes nothing
  const echoing = Date.now() + Math.max(warmupS, 30) * 1000;
  while (peers.some((p) => p.echoed === 0) && Date.now() < echoing) await sleep(200);
  const silent = peers.filter((p) => p.echoed === 0).length;
  if (silent > 0) log(`${name}: ${silent} of ${n} peers had no packet echoed ${Math.max(warmupS, 30)} s after they started sending`);
  await sleep(Math.max(0, warm - Date.now()));
  const snap = () => ({
    t: process.hrtime.bigint(),
    sent: peers.reduce((a, p) => a + p.sent, 0),
    echoed: peers.reduce((a, p) => a + p.echoed, 0),
    errors: peers.reduce((a, p) => a + p.sendErrors, 0),
    cpu: processCpuNs(pid),
    threads: threadCpuNs(pid),
    self: selfCpuNs(),
  });
  const ca = await counters();
  const a = snap();
  await sleep(windowS * 1000);
  const b = snap();
  const cb = await counters();
  stop();
  const seconds = Number(b.t - a.t) / 1e9;
  const sent = b.sent - a.sent;
  const echoed = b.echoed - a.echoed;
  const cpu = b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system;
  const self = b.self.user + b.self.system - a.self.user - a.self.system;
  const r = {
    name, peers: n, seconds, sent, echoed,
    sentPerS: sent / seconds, echoedPerS: echoed / seconds,
    loss: sent > 0 ? Math.max(0, 1 - echoed / sent) : 1,
    sendErrors: b.errors - a.errors,
    cpuNs: cpu, cpuUserNs: b.cpu.user - a.cpu.user, cpuSystemNs: b.cpu.system - a.cpu.system,
    nsPerEchoed: echoed > 0 ? cpu / echoed : NaN,
    serverCores: cpu / 1e9 / seconds,
    generatorCores: self / 1e9 / seconds,
    load: os.loadavg()[0],
    idleCores: idle,
    silent,
    threads: threadDelta(a.threads, b.threads).map(([t, ns]) => [t, echoed > 0 ? ns / echoed : NaN]),
  };
  if (ca && cb) r.serverCounted = { received: cb.received - ca.received, sent: cb.sent - ca.sent };
  r.nsPerEchoedNet = echoed > 0 ? Math.max(0, cpu - idle * 1e9 * seconds) / echoed : NaN;
  log(`${name}: ns per echoed packet by thread: ${r.threads.map(([t, ns]) => `${t} ${ns.toFixed(0)}`).join(', ')}`);
  log(`${name}: ${r.echoedPerS.toFixed(0)} echoed/s, loss ${(r.loss * 100).toFixed(2)} %, ` +
    `${r.nsPerEchoed.toFixed(0)} ns CPU per echoed packet, server ${r.serverCores.toFixed(3)} cores, ` +
    `generator ${r.generatorCores.toFixed(3)} cores, send errors ${r.sendErrors}`);
  return { r, peers };
}

async function janusPhase(janus, n) {
  const sessions = [];
  const { r, peers } = await measure('janus', janus.child.pid, n, async (p) => {
    sessions.push(await janus.api.negotiate(await p.offer(), (sdp) => p.answer(sdp)));
  });
  peers.forEach((p) => p.close());
  await Promise.all(sessions.map((s) => janus.api.destroy(s)));
  return r;
}

/** Logs a Verto user in through the gateway and calls the island's echo with the peer's offer. */
function vertoNegotiate(gw, clients) {
  return async (p, i) => {
    const c = new VertoClient(gw.url);
    clients.push(c);
    await c.connect();
    const user = `${1000 + i}@bench.example`;
    await c.login(user, 'bench');
    p.answer(await c.invite('9196', await p.offer(), user));
  };
}

async function hangUp(peers, clients) {
  await Promise.all(clients.map((c) => c.bye()));
  peers.forEach((p) => p.close());
  clients.forEach((c) => c.close());
}

/**
 * A few calls through the freshly started gateway and island before anything is measured, so that the first phase
 * does not pay for loading and first compiling the call set-up and DTLS code. /metrics is read meanwhile, as each
 * phase reads it: a first HTTPS request takes TLS and HTTP paths the calls' signalling had not, and would otherwise
 * send code the calls share back to the compiler in the first phase.
 */
async function prewarmGateway(gw, n) {
  const clients = [];
  const peers = await connectPeers('gateway-prewarm', n, vertoNegotiate(gw, clients));
  const stop = startClock(peers);
  for (let i = 0; i < 5; i++) {
    await gatewayPackets(gw.https);
    await sleep(1000);
  }
  stop();
  await hangUp(peers, clients);
}

async function gatewayPhase(gw, n) {
  const clients = [];
  const { r, peers } = await measure('gateway', gw.child.pid, n, vertoNegotiate(gw, clients), () => gatewayPackets(gw.https));
  r.nsPerRelayed = r.echoed > 0 ? r.cpuNs / (2 * r.echoed) : NaN;
  log(`gateway: its own count over the window: ${r.serverCounted.received} packets received, ${r.serverCounted.sent} sent ` +
    `(2 × echoed = ${2 * r.echoed})`);
  await hangUp(peers, clients);
  return r;
}

function javaVersion() {
  try {
    return execFileSync('sh', ['-c', 'java -version 2>&1 | head -1']).toString().trim();
  } catch {
    return 'java ?';
  }
}

function report(rows) {
  const f0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
  const fail = (r) => (r.silent > 0 ? ` (${r.silent} of ${r.peers} peers never echoed: see the server's log)` : '');
  const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
  const label = (r) => (r.name === 'janus' ? 'Janus echotest' : 'gateway → island echo');
  const lines = [
    '# Janus echotest against the gateway, per packet',
    '',
    `${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, ${javaVersion()}, ` +
      `Janus ${opt['janus-version'] ?? ''}, gateway media.threads ${mediaThreads || 'one per processor'}. Idle ${idleS} s, warm-up ${warmupS} s, window ${windowS} s per target. ` +
      `Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`,
    '',
    '| target | peers | sent/s | echoed/s | loss | server CPU (cores) | idle CPU (cores) | ns CPU / echoed pkt | of which kernel | net of idle | ns CPU / relayed pkt | generator CPU (cores) | Janus / gateway per echoed pkt |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { janus, gateway } of rows) {
    for (const r of [janus, gateway]) {
      const ratio = r === gateway ? f2(janus.nsPerEchoed / gateway.nsPerEchoed) : '';
      lines.push(`| ${label(r)}${fail(r)} | ${r.peers} | ${f0(r.sentPerS)} | ${f0(r.echoedPerS)} | ${(r.loss * 100).toFixed(2)} % | ` +
        `${r.serverCores.toFixed(3)} | ${r.idleCores.toFixed(3)} | ${f0(r.nsPerEchoed)} | ${f0(r.echoed > 0 ? r.cpuSystemNs / r.echoed : NaN)} | ${f0(r.nsPerEchoedNet)} | ` +
        `${r.name === 'gateway' ? f0(r.nsPerRelayed) : ''} | ${r.generatorCores.toFixed(3)} | ${ratio} |`);
    }
  }
  lines.push('', 'An echoed packet is one SRTP packet in and one out of the server. Janus decrypts and encrypts it once; ' +
    'the gateway relays it twice (browser → island, island → browser), each a decrypt and an encrypt, so its ' +
    'relayed packets are twice its echoed ones. The ratio compares the whole process\'s CPU per echoed packet ' +
    '(target ≥ 6); "net of idle" takes off what the process spent with no call over the same time.', '',
    'Where the CPU went, ns per echoed packet by thread (digits in thread names shown as #):', '');
  for (const { janus, gateway } of rows) {
    for (const r of [janus, gateway]) {
      lines.push(`- ${label(r)}, ${r.peers} peers: ${r.threads.map(([t, ns]) => `\`${t}\` ${f0(ns)}`).join(', ')}`);
    }
  }
  lines.push('', 'The gateway\'s own count (`verto_gateway_media_packets_total`, SRTP and SRTCP over all legs) against ' +
    'the generator\'s 2 × echoed:', '');
  for (const { gateway: r } of rows) {
    if (!r.serverCounted) continue;
    lines.push(`- ${r.peers} peers: ${f0(r.serverCounted.received / r.seconds)} received/s, ` +
      `${f0(r.serverCounted.sent / r.seconds)} sent/s; 2 × echoed = ${f0((2 * r.echoed) / r.seconds)}/s`);
  }
  lines.push('');
  return lines.join('\n');
}

async function main() {
  mkdirSync(target, { recursive: true });
  const maxPeers = Math.max(...peerCounts);
  janusConfig(path.join(target, 'janus-conf'));
  const janus = startServer('janus', 'janus', ['-F', path.join(target, 'janus-conf'), '-C', path.join(target, 'janus-conf/janus.jcfg'), '-o', '-E', iface],
    { cwd: target, log: path.join(target, 'janus.log') });
  janus.api = new JanusEchotest('http://127.0.0.1:8088/janus');
  const gwDir = path.join(target, 'gateway');
  mkdirSync(gwDir, { recursive: true });
  writeFileSync(path.join(gwDir, 'users.json'), JSON.stringify({ domains: { 'bench.example': users(maxPeers) } }));
  // the launcher's JVM options (bin/verto-gateway)
  const jvm = ['-XX:AutoBoxCacheMax=65536', '--add-opens', 'java.base/com.sun.crypto.provider=ALL-UNNAMED'];
  const island = startServer('island', 'java', [...jvm, '-jar', jar, 'island', '--id', 'fs-01', '--port', '0',
    '--directory', path.join(gwDir, 'users.json'), '--media-address', address],
  { cwd: gwDir, log: path.join(target, 'island.log'), ready: /Island ready: \S+ (ws:\/\/\S+)/ });
  let gateway;
  try {
    const islandUri = (await island.ready)[1];
    gatewayFiles(gwDir, islandUri);
    gateway = startServer('gateway', 'java', [...jvm, ...gatewayJvm, '-jar', jar, 'gateway', '--config', path.join(gwDir, 'gateway.json')],
      { cwd: gwDir, log: path.join(target, 'gateway.log'), ready: /Gateway ready: https:\/\/localhost:(\d+)\// });
    const port = (await gateway.ready)[1];
    gateway.url = `wss://127.0.0.1:${port}/verto`;
    gateway.https = `https://127.0.0.1:${port}`;
    const deadline = Date.now() + 20000;
    for (;;) {
      try {
        opt['janus-version'] = (await janus.api.info()).version_string;
        break;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`Janus did not answer on 127.0.0.1:8088: ${e}`);
        await sleep(200);
      }
    }
    log(`janus ${opt['janus-version']} pid ${janus.child.pid}, island ${islandUri}, gateway ${gateway.url} pid ${gateway.child.pid}`);
    if (prewarm > 0) await prewarmGateway(gateway, prewarm);
    const rows = [];
    for (const n of peerCounts) {
      const row = {};
      row.janus = await janusPhase(janus, n);
      row.gateway = await gatewayPhase(gateway, n);
      log(`${n} peers: Janus / gateway per echoed packet = ${(row.janus.nsPerEchoed / row.gateway.nsPerEchoed).toFixed(2)}`);
      rows.push(row);
      await sleep(2000);
    }
    const md = report(rows);
    writeFileSync(path.join(target, 'janus-anchor.md'), md);
    writeFileSync(path.join(target, 'janus-anchor.json'), JSON.stringify(rows, null, 2));
    process.stdout.write('\n' + md);
  } finally {
    await Promise.all([gateway?.stop(), island.stop(), janus.stop()]);
  }
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`error: ${e.stack ?? e}\n`);
  process.exit(1);
});

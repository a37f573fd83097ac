// The failover timeline of a page, in the page's own clock (Date.now(), the machine's wall clock, the same as the
// test's System.currentTimeMillis()): installed before the page's scripts run, it records the sockets' opens and
// closes, the Verto methods sent and received, each peer connection's ICE and DTLS states, and, once armed, the
// session's state and island as they change and the moments received audio packets start again (sampled every 10 ms in the page, so a failover's figures do not
// depend on how often the test polls through WebDriver).
(() => {
  if (window.__timeline) return;
  const events = [];
  const pcs = [];
  const mark = (what) => events.push([Date.now(), what]);
  const method = (text) => {
    const m = /"method"\s*:\s*"([^"]+)"/.exec(String(text));
    return m ? m[1] : /"result"/.test(String(text)) ? 'result' : /"error"/.test(String(text)) ? 'error' : null;
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      mark('ws connect ' + new URL(args[0]).port);
      this.addEventListener('open', () => mark('ws open'));
      this.addEventListener('close', (e) => mark('ws close ' + e.code));
      this.addEventListener('message', (e) => {
        const m = method(e.data);
        if (m && m !== 'verto.pong' && !/"verto\.ping"/.test(e.data)) mark('ws in ' + m);
      });
    }
    send(data) {
      const m = method(data);
      if (m && m !== 'verto.ping') mark('ws out ' + m);
      return super.send(data);
    }
  };
  const NativePc = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePc {
    constructor(...args) {
      super(...args);
      const n = pcs.length;
      pcs.push({ pc: this, created: Date.now(), packets: 0, lastRise: 0 });
      mark('pc' + n + ' new');
      this.addEventListener('iceconnectionstatechange', () => mark('pc' + n + ' ice ' + this.iceConnectionState));
      this.addEventListener('connectionstatechange', () => mark('pc' + n + ' ' + this.connectionState));
    }
  };
  let timer = null;
  window.__timeline = {
    events,
    /** Samples the session's state and island and the newest peer connection's received packets every 10 ms from now on. */
    arm() {
      if (timer) return;
      let busy = false;
      let shown = '';
      timer = setInterval(async () => {
        const phone = window.softphone;
        const now = phone ? 'state ' + phone.state + ' ' + phone.island : '';
        if (now !== shown) {
          shown = now;
          mark(now);
        }
        if (busy || pcs.length === 0) return;
        busy = true;
        const n = pcs.length - 1;
        const entry = pcs[n];
        try {
          const stats = await entry.pc.getStats();
          let packets = 0;
          stats.forEach((s) => {
            if (s.type === 'inbound-rtp' && s.kind === 'audio') packets += s.packetsReceived || 0;
          });
          const now = Date.now();
          if (packets > entry.packets) {
            // a rise after 100 ms without one (or the first on this connection): media (re)started; the silence
            // before it is marked first, so that a reader can tell when it began
            if (entry.lastRise === 0 || now - entry.lastRise > 100) {
              if (entry.lastRise !== 0) mark('pc' + n + ' silent ' + (now - entry.lastRise));
              mark('pc' + n + ' media in');
            }
            entry.lastRise = now;
            entry.packets = packets;
          }
        } catch (e) {
          // a closed connection: the next tick takes the newest
        } finally {
          busy = false;
        }
      }, 10);
    },
  };
})();

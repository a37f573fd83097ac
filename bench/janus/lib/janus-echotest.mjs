// Janus's HTTP API (janus.plugin.echotest): create a session, attach the plugin, send the offer with
// {audio: true, video: false}, long-poll the session for the event that carries the answer, and trickle the
// offerer's candidates only once the answer is applied. Janus answers a=setup:active and starts DTLS as soon as
// ICE connects; with the candidates in the offer that can happen before the generator knows Janus's fingerprint,
// and libdatachannel then fails the handshake (certificate verify failed).
import { randomUUID } from 'node:crypto';

export class JanusEchotest {
  constructor(base) {
    this.base = base; // e.g. http://127.0.0.1:8088/janus
  }

  async post(path, body) {
    const r = await fetch(this.base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, transaction: randomUUID() }),
    });
    const j = await r.json();
    if (j.janus === 'error') throw new Error(`janus ${body.janus}: ${JSON.stringify(j.error)}`);
    return j;
  }

  async info() {
    const r = await fetch(this.base + '/info');
    return r.json();
  }

  /**
   * Negotiates one peer's full offer: sends it without its candidates, calls `apply(answerSdp)`, then trickles
   * the candidates (RFC 8838) and their end. Resolves to the session id.
   */
  async negotiate(offerSdp, apply) {
    const lines = offerSdp.split(/\r?\n/);
    const candidates = lines.filter((l) => l.startsWith('a=candidate:')).map((l) => l.slice(2));
    const bare = lines.filter((l) => !l.startsWith('a=candidate:') && l !== 'a=end-of-candidates').join('\r\n');
    const session = (await this.post('', { janus: 'create' })).data.id;
    const handle = (await this.post(`/${session}`, { janus: 'attach', plugin: 'janus.plugin.echotest' })).data.id;
    await this.post(`/${session}/${handle}`, {
      janus: 'message',
      body: { audio: true, video: false },
      jsep: { type: 'offer', sdp: bare },
    });
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      const r = await fetch(`${this.base}/${session}?maxev=10&rid=${Date.now()}`);
      let events = await r.json();
      if (!Array.isArray(events)) events = [events];
      for (const e of events) {
        if (e.jsep?.type === 'answer') {
          apply(e.jsep.sdp);
          await this.post(`/${session}/${handle}`, {
            janus: 'trickle',
            candidates: [...candidates.map((c) => ({ candidate: c, sdpMid: '0', sdpMLineIndex: 0 })), { completed: true }],
          });
          return session;
        }
        if (e.plugindata?.data?.error) throw new Error(`echotest: ${e.plugindata.data.error}`);
      }
    }
    throw new Error('no answer from janus.plugin.echotest within 20 s');
  }

  async destroy(session) {
    try {
      await this.post(`/${session}`, { janus: 'destroy' });
    } catch {
      // gone already
    }
  }
}

// A Verto client over WSS (docs/protocol.md §0, §3.2, §4.3): login, verto.invite with the offer, the answer from
// verto.media or verto.answer. Every request from the server gets the reply the classic client sends.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

export class VertoClient {
  constructor(url) {
    this.url = url;
    this.sessid = randomUUID();
    this.nextId = 1;
    this.pending = new Map();
    this.answerWaiters = new Map();
  }

  connect() {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(this.url, { rejectUnauthorized: false }); // the demo's self-signed certificate
      this.ws.once('open', resolve);
      this.ws.once('error', reject);
      this.ws.on('message', (data) => this.onMessage(JSON.parse(data.toString())));
    });
  }

  onMessage(m) {
    if (m.method) {
      const sdp = m.params?.sdp;
      const w = this.answerWaiters.get(m.params?.callID);
      if (sdp && w && (m.method === 'verto.media' || m.method === 'verto.answer')) {
        this.answerWaiters.delete(m.params.callID);
        w(sdp);
      }
      if (m.id !== undefined) {
        this.ws.send(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { method: m.method } }));
      }
      return;
    }
    const p = this.pending.get(m.id);
    if (p) {
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(`${p.method}: ${JSON.stringify(m.error)}`));
      else p.resolve(m.result);
    }
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', method, params: { ...params, sessid: this.sessid }, id }));
    });
  }

  login(user, password) {
    return this.request('login', { login: user, passwd: password, loginParams: {}, userVariables: {} });
  }

  /** Places a call to {@code destination}; resolves to the answer SDP. */
  async invite(destination, offerSdp, user) {
    const callID = randomUUID();
    this.callID = callID;
    const answer = new Promise((resolve, reject) => {
      this.answerWaiters.set(callID, resolve);
      setTimeout(() => reject(new Error(`no answer SDP for ${destination} within 20 s`)), 20000).unref();
    });
    await this.request('verto.invite', {
      sdp: offerSdp,
      dialogParams: {
        callID,
        destination_number: destination,
        caller_id_name: user,
        caller_id_number: user.split('@')[0],
        remote_caller_id_name: 'Outbound Call',
        remote_caller_id_number: destination,
        useVideo: false,
        useStereo: false,
        screenShare: false,
        login: user,
      },
    });
    return answer;
  }

  /** Hangs up the call (docs/protocol.md §4.5), so that neither the island nor the gateway keeps it detached. */
  async bye() {
    if (!this.callID) return;
    await Promise.race([
      this.request('verto.bye', { cause: 'NORMAL_CLEARING', dialogParams: { callID: this.callID } }).catch(() => {}),
      new Promise((r) => setTimeout(r, 5000).unref()),
    ]);
  }

  close() {
    try {
      this.ws.close();
    } catch {
      // closed already
    }
  }
}

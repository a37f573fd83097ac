import { describeError, describeCallEnd } from './messages.js';

const LOG_LIMIT = 30;

/**
 * The softphone's behaviour, without the DOM: it owns one SDK client and at most one call, and
 * publishes a plain snapshot of everything the page shows through `onChange`. It uses only the
 * SDK's public API (the SDK module is passed in, so the same code runs in the page and in tests).
 *
 * @param {object} env
 * @param {typeof import('../../js-sdk/src/index.js')} env.sdk
 * @param {typeof fetch} [env.fetch] for `/v1/demo`
 * @param {(login: string, passwd: string) => object} [env.clientOptions] extra VertoClient options
 * @param {() => number} [env.now]
 */
export function createSoftphone({ sdk, fetch = globalThis.fetch, clientOptions = () => ({}), now = () => Date.now() }) {
  /** @type {import('../../js-sdk/src/index.js').VertoClient|null} */
  let client = null;
  /** @type {import('../../js-sdk/src/index.js').Call|null} */
  let call = null;
  const listeners = new Set();
  const state = {
    phase: 'login', // login | signingIn | phone
    connection: 'idle',
    login: '',
    island: null,
    gateway: null,
    mapVersion: null,
    sessid: null,
    reconnect: null, // {attempt, delayMs, until, text} while reconnecting
    error: null, // {name, message, code, text}
    demo: null, // {users, password, echo}
    call: null, // {id, direction, state, remote, held, muted, answeredAt, endedText}
    lastCall: null, // {remote, endedText} of the call that ended last
    log: [],
  };

  function publish() {
    for (const listener of listeners) listener(state);
  }

  function log(text) {
    state.log = [{ at: now(), text }, ...state.log].slice(0, LOG_LIMIT);
  }

  function setError(error, context) {
    state.error = error ? { name: error.name, message: error.message, code: error.code ?? error.closeCode, text: describeError(error, context) } : null;
  }

  function snapshotCall() {
    state.call = call
      ? {
          id: call.id,
          direction: call.direction,
          state: call.state,
          remote: { ...call.remote },
          held: call.held,
          muted: call.muted,
          recovered: call.recovered,
          answeredAt: state.call?.id === call.id ? state.call.answeredAt : null,
        }
      : null;
  }

  function adopt(newCall) {
    if (call && !call.isEnded) {
      // One call at a time: a second caller hears busy.
      void newCall.hangup({ cause: 'USER_BUSY' });
      log(`Busy: rejected a call from ${newCall.remote.number || 'unknown'}`);
      return;
    }
    call = newCall;
    snapshotCall();
    newCall.on('statechange', ({ state: callState }) => {
      if (call !== newCall) return;
      snapshotCall();
      if ((callState === 'active' || callState === 'early') && !state.call.answeredAt) state.call.answeredAt = now();
      publish();
    });
    newCall.on('mute', () => {
      if (call === newCall) snapshotCall();
      publish();
    });
    newCall.on('display', () => {
      if (call === newCall) snapshotCall();
      publish();
    });
    newCall.on('ended', (end) => {
      const endedText = describeCallEnd(end);
      log(`${newCall.remote.number || newCall.destination}: ${endedText}`);
      if (call === newCall) {
        call = null;
        state.call = null;
        state.lastCall = { remote: { ...newCall.remote }, endedText };
      }
      publish();
    });
  }

  function wire(c) {
    c.on('statechange', ({ state: connection, error }) => {
      state.connection = connection;
      if (connection === 'ready') state.reconnect = null;
      if (connection === 'closed' && error && state.phase === 'phone') {
        setError(error, { domain: c.domain });
        state.phase = 'login';
        state.reconnect = null;
      }
      publish();
    });
    c.on('reconnecting', ({ attempt, delayMs, error }) => {
      state.reconnect = { attempt, delayMs, until: now() + delayMs, text: describeError(error, { domain: c.domain }) };
      setError(error, { domain: c.domain });
      log(`Reconnecting (attempt ${attempt}): ${state.reconnect.text}`);
      publish();
    });
    c.on('login', ({ island, gateway, sessid }) => {
      state.island = island;
      state.gateway = gateway?.id ?? null;
      state.mapVersion = gateway?.mapVersion ?? c.map?.version ?? null;
      state.sessid = sessid;
      state.error = null;
      log(`Signed in on island ${island ?? '?'} through ${gateway?.id ?? c.endpoint}`);
      publish();
    });
    c.on('incomingcall', (incoming) => {
      log(`Incoming call from ${incoming.remote.name || incoming.remote.number}`);
      adopt(incoming);
      publish();
    });
    c.on('recoveredcall', (recovered) => {
      log(`Recovered call with ${recovered.remote.name || recovered.remote.number}`);
      adopt(recovered);
      publish();
    });
    c.on('punt', () => log('Session opened elsewhere: signed out'));
  }

  const api = {
    state,

    /** @param {(state: object) => void} listener */
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Loads the demo users; the production gateway answers 404 and the form stays empty. */
    async loadDemo() {
      try {
        const response = await fetch('/v1/demo', { headers: { accept: 'application/json' } });
        if (!response.ok) return null;
        const demo = await response.json();
        if (!Array.isArray(demo.users)) return null;
        state.demo = { users: demo.users.filter((u) => typeof u === 'string'), password: demo.password ?? '', echo: demo.echo ?? '' };
        publish();
        return state.demo;
      } catch {
        return null;
      }
    },

    async login(login, passwd) {
      if (client) await api.logout();
      state.error = null;
      state.login = login.trim();
      state.phase = 'signingIn';
      publish();
      try {
        client = new sdk.VertoClient({ login: state.login, passwd, mapUrl: '/v1/partition-map', ...clientOptions(login, passwd) });
      } catch (error) {
        setError(error);
        state.phase = 'login';
        publish();
        return false;
      }
      wire(client);
      try {
        await client.connect();
      } catch (error) {
        setError(error, { domain: client.domain });
        state.phase = 'login';
        client = null;
        publish();
        return false;
      }
      state.phase = 'phone';
      publish();
      return true;
    },

    async logout() {
      const c = client;
      client = null;
      call = null;
      state.call = null;
      state.phase = 'login';
      state.reconnect = null;
      state.island = state.gateway = state.sessid = null;
      publish();
      await c?.disconnect();
      state.connection = 'idle';
      publish();
    },

    dial(destination) {
      const number = String(destination ?? '').trim();
      if (!client || client.state !== 'ready') throw new Error('Not connected');
      if (!number) throw new Error('Enter a number to call');
      if (call) throw new Error('Already in a call');
      const outgoing = client.call(number);
      log(`Calling ${number}`);
      adopt(outgoing);
      publish();
      return outgoing;
    },

    async answer() {
      if (call?.state === 'ringing') await call.answer();
    },

    async hangup() {
      const c = call;
      if (!c) return;
      await c.hangup({ cause: c.state === 'ringing' ? 'CALL_REJECTED' : 'NORMAL_CLEARING' });
    },

    toggleMute() {
      if (!call || !call.localStream) return;
      call.setMuted(!call.muted);
    },

    async toggleHold() {
      if (!call) return;
      await (call.held ? call.unhold() : call.hold());
    },

    async dtmf(digit) {
      if (call && ['early', 'active', 'held'].includes(call.state)) await call.dtmf(digit);
    },

    /** @returns {Promise<{packetsReceived: number, packetsSent: number, audioLevel: number, bytesReceived: number, packetsLost: number, jitter: number, roundTripTime?: number}>} */
    async stats() {
      const zero = { packetsReceived: 0, packetsSent: 0, audioLevel: 0, bytesReceived: 0, packetsLost: 0, jitter: 0, roundTripTime: undefined };
      if (!call || !call.peerConnection) return zero;
      try {
        return await call.stats();
      } catch {
        return zero;
      }
    },

    /** The remote audio of the current call, for the page's audio element. */
    remoteStream() {
      return call?.remoteStream ?? null;
    },

    /** The current Call, for the page to listen to its `remotestream`. */
    currentCall() {
      return call;
    },
  };

  /**
   * The read-only view published as `window.softphone` for tests and the curious: plain data
   * only, plus `stats()`.
   */
  api.view = Object.freeze({
    get state() {
      return client?.state ?? state.connection;
    },
    get island() {
      return state.island;
    },
    get gateway() {
      return state.gateway;
    },
    get sessid() {
      return state.sessid;
    },
    get lastError() {
      return state.error ? { ...state.error } : null;
    },
    get call() {
      return state.call ? { id: state.call.id, state: state.call.state, direction: state.call.direction, held: state.call.held, muted: state.call.muted } : null;
    },
    get reconnectAttempt() {
      return state.reconnect?.attempt ?? 0;
    },
    async stats() {
      const s = await api.stats();
      return { packetsReceived: s.packetsReceived, packetsSent: s.packetsSent, audioLevel: s.audioLevel, bytesReceived: s.bytesReceived };
    },
  });

  return api;
}

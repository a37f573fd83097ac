import { describeError, describeCallEnd } from './messages.js';
import { mediaActions, wireMedia, showLocal, loadDevices } from './media-actions.js';
import { readOnlyView, callStats } from './softphone-view.js';

const LOG_LIMIT = 30;
const CHAT_LIMIT = 50;

/**
 * The softphone's behaviour, without the DOM: it owns one SDK client and at most one call, and
 * publishes a plain snapshot of everything the page shows through `onChange`. It uses only the
 * SDK's public API (the SDK module is passed in, so the same code runs in the page and in tests;
 * test/public-api.test.js type-checks this file against the SDK's declarations).
 *
 * @param {object} env
 * @param {typeof import('../../js-sdk/types/index.js')} env.sdk
 * @param {typeof globalThis.fetch} [env.fetch] for `/v1/demo`
 * @param {(login: string, passwd: string) => Partial<import('../../js-sdk/types/index.js').VertoClientOptions>} [env.clientOptions] extra VertoClient options
 * @param {string} [env.mapUrl] the partition map (default: this origin's `/v1/partition-map`)
 * @param {{start(call: object): void, stop(call: object): void}} [env.ringtone] the SDK's ringtone hook
 * @param {() => number} [env.now]
 */
export function createSoftphone({ sdk, fetch = globalThis.fetch, clientOptions = () => ({}), mapUrl = '/v1/partition-map', ringtone, now = () => Date.now() }) {
  /** @type {import('../../js-sdk/types/index.js').VertoClient|null} */
  let client = null;
  /** @type {import('../../js-sdk/types/index.js').Call|null} */
  let call = null;
  /** The page's `<audio>`; every call plays into it. */
  let audioElement = null;
  /** The page's `<video>` tiles: the remote picture and the local preview. */
  let videoElements = { remote: null, local: null };
  /** The conference the call is in, followed for the page. */
  let room = null;
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
    call: null, // {id, direction, state, remote, held, muted, mediaState, audioBlocked, quality, answeredAt}
    lastCall: null, // {remote, endedText} of the call that ended last
    chat: [], // {at, from, body, mine}
    conference: null, // {room, role, isModerator, memberId, members, chat} while the call is in one
    devices: { microphones: [], cameras: [], speakers: [], selected: { microphone: null, camera: null, speaker: null } },
    notice: null, // a passing problem with an action (transfer refused, chat not sent...)
    log: [],
  };

  function publish() {
    for (const listener of listeners) listener(state);
  }

  function log(text) {
    state.log = [{ at: now(), text }, ...state.log].slice(0, LOG_LIMIT);
  }

  function setError(error, context) {
    state.error = error ? { name: error.name, code: error.code, text: describeError(error, context) } : null;
  }

  function addChat(entry) {
    state.chat = [...state.chat, { at: now(), ...entry }].slice(-CHAT_LIMIT);
  }

  /** Runs a user action; a refusal is shown as a notice in words, never thrown at the page. */
  async function attempt(action) {
    state.notice = null;
    try {
      return await action();
    } catch (error) {
      state.notice = describeError(error);
      publish();
      return undefined;
    }
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
          mediaState: call.mediaState,
          audioBlocked: call.audioBlocked,
          video: call.video,
          cameraOn: call.cameraOn,
          sharing: call.screenShareCall !== null,
          quality: state.call?.id === call.id ? state.call.quality : null,
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
    if (audioElement) newCall.attachAudio(audioElement);
    if (videoElements.remote) newCall.attachVideo(videoElements.remote);
    showLocal(videoElements.local, newCall);
    snapshotCall();
    newCall.on('statechange', ({ state: callState }) => {
      if (call !== newCall) return;
      showLocal(videoElements.local, newCall);
      snapshotCall();
      if ((callState === 'active' || callState === 'early') && !state.call.answeredAt) state.call.answeredAt = now();
      publish();
    });
    newCall.on('mute', () => {
      if (call === newCall) snapshotCall();
      publish();
    });
    for (const type of ['display', 'mediastatechange', 'audioblocked', 'camera', 'remotestream']) {
      newCall.on(type, () => {
        if (call === newCall) snapshotCall();
        if (call === newCall && type === 'camera') showLocal(videoElements.local, newCall);
        publish();
      });
    }
    newCall.on('quality', (quality) => {
      if (call !== newCall || !state.call) return;
      state.call.quality = quality;
      publish();
    });
    newCall.on('ended', (end) => {
      const endedText = describeCallEnd(end);
      log(`${newCall.remote.number || newCall.destination}: ${endedText}`);
      if (call === newCall) {
        call = null;
        state.call = null;
        room = null;
        state.conference = null;
        showLocal(videoElements.local, null);
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
    wireMedia(c, host);
    c.on('message', ({ from, body }) => {
      addChat({ from, body, mine: false });
      log(`Message from ${from}`);
      publish();
    });
    c.on('error', (error) => {
      // fatal stops are shown by statechange; here: a failed listener or answer, said in words
      if (c.state !== 'closed') {
        state.notice = describeError(error);
        publish();
      }
    });
  }

  /** What the video, device and conference actions (media-actions.js) need of the softphone. */
  const host = {
    ...{ state, now, attempt, publish, log, snapshotCall },
    call: () => call,
    client: () => client,
    room: () => room,
    setRoom: (r) => {
      room = r;
      state.conference = r ? { ...r.state } : null;
    },
    showLocal: (c) => showLocal(videoElements.local, c),
  };

  const api = {
    state,
    /** @type {ReturnType<typeof readOnlyView>} the read-only `window.softphone` */
    view: null,

    /** @param {(state: object) => void} listener */
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** A problem of the page itself (not the SDK's), shown where sign-in errors are until the next sign-in. */
    showProblem(text) {
      state.error = { name: 'PageProblem', code: 'page', text };
      publish();
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
        const extra = clientOptions(login, passwd);
        client = new sdk.VertoClient({ login: state.login, passwd, mapUrl, ringtone, ...extra, media: { qualityIntervalMs: 500, ...extra.media } });
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
      void loadDevices(client, host);
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

    /**
     * Places a call; null when it cannot (the reason is in `state.notice`).
     *
     * @param {string} destination
     * @param {{video?: boolean}} [options] a video call: the camera too
     */
    dial(destination, { video = false } = {}) {
      const number = String(destination ?? '').trim();
      const problem = !client || client.state !== 'ready' ? 'Not connected.' : !number ? 'Enter a number to call.' : call ? 'Already in a call.' : null;
      state.notice = problem;
      if (problem) {
        publish();
        return null;
      }
      const outgoing = client.call(number, { video });
      log(`${video ? 'Video call to' : 'Calling'} ${number}`);
      adopt(outgoing);
      publish();
      return outgoing;
    },

    /** @param {{video?: boolean}} [options] answer with the camera too */
    async answer({ video = false } = {}) {
      if (call?.state === 'ringing') await attempt(() => call.answer({ video }));
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

    ...mediaActions(host),

    async toggleHold() {
      const c = call;
      if (!c) return;
      await attempt(() => (c.held ? c.unhold() : c.hold()));
    },

    async dtmf(digit) {
      if (call && ['early', 'active', 'held'].includes(call.state)) await attempt(() => call.dtmf(digit));
    },

    /** Blind transfer of the other party; the call then ends as transferred. */
    async transfer(destination) {
      const c = call;
      if (!c) return false;
      const done = await attempt(async () => {
        await c.transfer(String(destination ?? ''));
        return true;
      });
      if (done) log(`Transferred ${c.remote.number || c.destination} to ${String(destination).trim()}`);
      publish();
      return done === true;
    },

    /** A chat message: to the party of the current call, or to `to` (user or user@domain). */
    async sendMessage(text, to) {
      const body = String(text ?? '');
      const target = to ?? null;
      const sent = await attempt(async () => {
        if (target) await client?.sendMessage(target, body);
        else if (call) await call.sendMessage(body);
        else throw new sdk.ArgumentError('to', 'no call and no recipient');
        return true;
      });
      if (sent) addChat({ from: state.login, body, mine: true });
      publish();
      return sent === true;
    },

    /** The page's video tiles: the remote picture and the local preview. */
    setVideoElements({ remote = null, local = null } = {}) {
      videoElements = { remote, local };
      if (call && remote) call.attachVideo(remote);
      if (call) showLocal(videoElements.local, call);
    },

    /** The page's audio element: calls play into it (and say when autoplay is blocked). */
    setAudioElement(element) {
      audioElement = element;
      if (call && element) call.attachAudio(element);
    },

    /** After autoplay was blocked: play, from a click. */
    async resumeAudio() {
      if (call) await attempt(() => call.resumeAudio());
      if (call === null || state.call === null) return;
      snapshotCall();
      publish();
    },

    /** The current call's audio figures; zeros without a call. */
    stats: () => callStats(call),
  };

  api.view = readOnlyView(state, () => client, () => api.stats());

  return api;
}

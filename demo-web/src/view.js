import { describeError } from './messages.js';
import { bindMediaView } from './media-view.js';
import { bindConferenceView } from './conference-view.js';

/**
 * Binds the page's elements to the softphone: renders every snapshot it publishes and turns
 * clicks and keys into softphone actions. Element ids and data-testid attributes are stable: the
 * end-to-end tests drive the page through them.
 */

const CALL_STATE_TEXT = {
  new: 'Preparing…',
  requesting: 'Calling…',
  trying: 'Calling…',
  early: 'Ringing…',
  ringing: 'Incoming call',
  answering: 'Connecting…',
  recovering: 'Reconnecting the call…',
  active: 'Connected',
  held: 'On hold',
  hangup: 'Hanging up…',
  destroy: 'Ended',
};

const CONNECTION_TEXT = {
  idle: 'Offline',
  connecting: 'Connecting',
  loggingIn: 'Signing in',
  ready: 'Connected',
  reconnecting: 'Reconnecting',
  closed: 'Disconnected',
};

const IN_CALL_DTMF = new Set(['early', 'active', 'held']);

const MEDIA_STATE_TEXT = {
  new: '',
  connecting: 'Audio connecting…',
  connected: 'Audio connected',
  disconnected: 'Audio interrupted…',
  failed: 'Audio failed',
  closed: '',
};

const QUALITY_TEXT = { good: 'Good line', fair: 'Fair line', poor: 'Poor line' };

/**
 * @param {Document} doc
 * @param {ReturnType<typeof import('./softphone.js').createSoftphone>} softphone
 * @param {{setInterval?: typeof setInterval}} [options]
 */
export function bindView(doc, softphone, { setInterval: every = globalThis.setInterval } = {}) {
  const $ = (id) => doc.getElementById(id);
  const el = {
    where: $('where'),
    connection: $('connection-state'),
    island: $('island'),
    gateway: $('gateway'),
    signedInAs: $('signed-in-as'),
    banner: $('reconnect-banner'),
    attempt: $('reconnect-attempt'),
    bannerDetail: $('reconnect-detail'),
    loginView: $('login-view'),
    loginForm: $('login-form'),
    loginUser: $('login-user'),
    loginPassword: $('login-password'),
    loginError: $('login-error'),
    loginSubmit: $('login-submit'),
    demoBox: $('demo-users-box'),
    demoUsers: $('demo-users'),
    demoPassword: $('demo-password'),
    demoEcho: $('demo-echo'),
    phoneView: $('phone-view'),
    error: $('error-message'),
    dialForm: $('dial-form'),
    dialInput: $('dial-input'),
    backspace: $('dial-backspace'),
    keypad: $('keypad'),
    callButton: $('call-button'),
    echoHint: $('echo-hint'),
    echoDial: $('echo-dial'),
    callPanel: $('call-panel'),
    callIdle: $('call-idle'),
    lastCall: $('last-call'),
    callActive: $('call-active'),
    avatar: $('call-avatar'),
    remote: $('call-remote'),
    callState: $('call-state'),
    timer: $('call-timer'),
    answer: $('answer-button'),
    mute: $('mute-button'),
    hold: $('hold-button'),
    hangup: $('hangup-button'),
    meter: $('level-meter'),
    meterFill: $('level-fill'),
    stats: $('call-stats'),
    log: $('activity-log'),
    sessid: $('sessid'),
    audio: $('remote-audio'),
    audioBlocked: $('audio-blocked'),
    quality: $('call-quality'),
    mediaState: $('media-state'),
    notice: $('call-notice'),
    transferForm: $('transfer-form'),
    transferInput: $('transfer-input'),
    chatLog: $('chat-log'),
    chatForm: $('chat-form'),
    chatInput: $('chat-input'),
  };
  let latest = softphone.state;
  softphone.setAudioElement(el.audio);

  const act = (promise) =>
    Promise.resolve(promise).catch((error) => {
      el.error.textContent = describeError(error);
      el.error.hidden = false;
    });

  el.loginForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const user = el.loginUser.value.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(user)) {
      showLoginError('Sign in as user@domain, for example 1000@a.example.');
      return;
    }
    void softphone.login(user, el.loginPassword.value);
  });

  el.demoUsers.addEventListener('click', (event) => {
    const user = event.target.closest('[data-user]')?.dataset.user;
    if (!user) return;
    el.loginUser.value = user;
    el.loginPassword.value = softphone.state.demo?.password ?? '';
    el.loginForm.requestSubmit();
  });

  $('logout-button').addEventListener('click', () => act(softphone.logout()));

  el.keypad.addEventListener('click', (event) => {
    const key = event.target.closest('[data-key]')?.dataset.key;
    if (!key) return;
    const call = softphone.state.call;
    if (call && IN_CALL_DTMF.has(call.state)) {
      act(softphone.dtmf(key));
      flash(event.target.closest('button'));
    } else {
      el.dialInput.value += key;
    }
  });
  el.backspace.addEventListener('click', () => {
    el.dialInput.value = el.dialInput.value.slice(0, -1);
  });
  el.dialForm.addEventListener('submit', (event) => {
    event.preventDefault();
    dial(el.dialInput.value);
  });
  el.callButton.addEventListener('click', () => dial(el.dialInput.value));
  el.echoDial.addEventListener('click', () => {
    el.dialInput.value = softphone.state.demo?.echo ?? '9196';
    dial(el.dialInput.value);
  });
  el.answer.addEventListener('click', () => act(softphone.answer()));
  el.hangup.addEventListener('click', () => act(softphone.hangup()));
  el.mute.addEventListener('click', () => act(softphone.toggleMute()));
  el.hold.addEventListener('click', () => act(softphone.toggleHold()));
  el.audioBlocked.addEventListener('click', () => act(softphone.resumeAudio()));
  el.transferForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(softphone.transfer(el.transferInput.value).then((done) => done && (el.transferInput.value = '')));
  });
  el.chatForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = el.chatInput.value;
    act(softphone.sendMessage(text).then((sent) => sent && (el.chatInput.value = '')));
  });

  function dial(number) {
    el.error.hidden = true;
    if (softphone.dial(number)) return;
    el.error.textContent = softphone.state.notice;
    el.error.hidden = false;
  }

  function showLoginError(text) {
    el.loginError.textContent = text;
    el.loginError.hidden = !text;
  }

  function flash(button) {
    button?.animate?.([{ background: 'var(--accent)' }, { background: '' }], { duration: 220 });
  }

  function render(state) {
    latest = state;
    const inPhone = state.phase === 'phone';
    el.loginView.hidden = inPhone;
    el.phoneView.hidden = !inPhone;
    el.where.hidden = !inPhone;
    el.loginSubmit.disabled = state.phase === 'signingIn';
    el.loginSubmit.textContent = state.phase === 'signingIn' ? 'Signing in…' : 'Sign in';
    // while signing in, a failed attempt that the SDK retries is shown with its reason and the attempt
    const retrying = state.phase === 'signingIn' && state.reconnect ? `${state.reconnect.text} Retrying (attempt ${state.reconnect.attempt})…` : '';
    if (!inPhone) showLoginError(state.phase === 'login' ? (state.error?.text ?? '') : retrying);

    el.connection.dataset.state = state.connection;
    el.connection.textContent = CONNECTION_TEXT[state.connection] ?? state.connection;
    el.island.textContent = state.island ?? '–';
    el.gateway.textContent = state.gateway ?? '–';
    el.signedInAs.textContent = state.login;
    el.sessid.textContent = state.sessid ?? '';

    const reconnecting = inPhone && state.reconnect !== null && state.connection !== 'ready';
    el.banner.hidden = !reconnecting;
    if (reconnecting) {
      el.attempt.textContent = String(state.reconnect.attempt);
      el.bannerDetail.textContent = `— ${state.reconnect.text}`;
    }
    // while the banner shows, it carries the reason; the box is for other errors
    el.error.hidden = !(inPhone && state.error && state.connection !== 'ready' && !reconnecting);
    if (!el.error.hidden) el.error.textContent = state.error.text;

    renderDemo(state.demo);
    renderCall(state);
    renderChat(state.chat);
    renderLog(state.log);
  }

  function renderDemo(demo) {
    el.demoBox.hidden = !demo || demo.users.length === 0;
    el.echoHint.hidden = !demo?.echo;
    if (!demo || el.demoUsers.childElementCount === demo.users.length) return;
    el.demoPassword.textContent = demo.password;
    el.demoEcho.textContent = demo.echo;
    el.echoDial.textContent = demo.echo;
    el.demoUsers.replaceChildren(
      ...demo.users.map((user) => {
        const chip = doc.createElement('button');
        chip.type = 'button';
        chip.className = 'chip';
        chip.dataset.user = user;
        chip.dataset.testid = `demo-user-${user}`;
        chip.textContent = user;
        return chip;
      }),
    );
    if (!el.loginUser.value && demo.users[0]) {
      el.loginUser.value = demo.users[0];
      el.loginPassword.value = demo.password;
    }
  }

  function renderCall(state) {
    const call = state.call;
    el.callPanel.dataset.state = call?.state ?? 'idle';
    el.callIdle.hidden = Boolean(call);
    el.callActive.hidden = !call;
    el.callButton.disabled = Boolean(call) || state.connection !== 'ready';
    el.lastCall.textContent = state.lastCall ? `Last call: ${state.lastCall.remote.name || state.lastCall.remote.number} — ${state.lastCall.endedText}` : '';
    el.notice.hidden = !state.notice;
    el.notice.textContent = state.notice ?? '';
    if (!call) {
      setLevel(0);
      return;
    }
    const name = call.remote.name || call.remote.number || 'Unknown';
    el.remote.textContent = call.remote.name && call.remote.number && call.remote.name !== call.remote.number ? `${call.remote.name} (${call.remote.number})` : name;
    el.avatar.textContent = name.trim().charAt(0).toUpperCase() || '?';
    el.callState.textContent = CALL_STATE_TEXT[call.state] ?? call.state;
    el.answer.hidden = call.state !== 'ringing';
    el.hangup.textContent = call.state === 'ringing' ? 'Decline' : 'Hang up';
    const connected = call.state === 'active' || call.state === 'held';
    el.mute.disabled = !connected;
    el.hold.disabled = !connected;
    el.mute.setAttribute('aria-pressed', String(call.muted));
    el.mute.textContent = call.muted ? 'Unmute' : 'Mute';
    el.hold.setAttribute('aria-pressed', String(call.held));
    el.hold.textContent = call.held ? 'Resume' : 'Hold';
    el.transferForm.hidden = !connected;
    el.audioBlocked.hidden = !call.audioBlocked;
    el.mediaState.dataset.state = call.mediaState;
    el.mediaState.textContent = MEDIA_STATE_TEXT[call.mediaState] ?? call.mediaState;
    renderQuality(call.quality);
    renderTimer();
  }

  function renderQuality(q) {
    el.quality.dataset.rating = q?.rating ?? 'unknown';
    el.quality.textContent = q ? QUALITY_TEXT[q.rating] : '';
    if (!q) return;
    setLevel(q.audioLevel);
    const value = (name, text) => {
      const dd = el.stats.querySelector(`[data-stat="${name}"]`);
      if (dd) dd.textContent = text;
    };
    value('packetsReceived', q.packetsReceived.toLocaleString());
    value('packetsSent', q.packetsSent.toLocaleString());
    value('bytesReceived', bytes(q.bytesReceived));
    value('packetsLost', `${q.packetsLost.toLocaleString()} (${(q.loss * 100).toFixed(1)} %)`);
    value('jitter', q.packetsReceived ? `${q.jitterMs.toFixed(1)} ms` : '–');
    value('roundTripTime', q.roundTripTimeMs === undefined ? '–' : `${q.roundTripTimeMs.toFixed(0)} ms`);
  }

  function renderChat(entries) {
    el.chatLog.replaceChildren(
      ...entries.map((entry) => {
        const li = doc.createElement('li');
        li.className = entry.mine ? 'mine' : 'theirs';
        const who = doc.createElement('strong');
        who.textContent = entry.mine ? 'You' : entry.from;
        li.append(who, doc.createTextNode(` ${entry.body}`));
        return li;
      }),
    );
  }

  function renderTimer() {
    const answeredAt = latest.call?.answeredAt;
    if (!answeredAt) {
      el.timer.textContent = '';
      return;
    }
    const seconds = Math.max(0, Math.floor((Date.now() - answeredAt) / 1000));
    el.timer.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  function renderLog(entries) {
    el.log.replaceChildren(
      ...entries.map((entry) => {
        const li = doc.createElement('li');
        const time = doc.createElement('time');
        time.textContent = new Date(entry.at).toLocaleTimeString();
        li.append(time, doc.createTextNode(entry.text));
        return li;
      }),
    );
  }

  function setLevel(level) {
    const clamped = Math.max(0, Math.min(1, level || 0));
    // audioLevel is linear; a square root reads closer to loudness
    el.meterFill.style.width = `${Math.round(Math.sqrt(clamped) * 100)}%`;
    el.meter.dataset.level = clamped.toFixed(3);
    el.meter.setAttribute('aria-valuenow', clamped.toFixed(3));
  }

  softphone.onChange(render);
  render(softphone.state);
  bindMediaView(doc, softphone, {
    dialInput: el.dialInput,
    showError: (text) => {
      el.error.textContent = text;
      el.error.hidden = !text;
    },
  });
  bindConferenceView(doc, softphone);
  every(renderTimer, 1000);
  return { render };
}

function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

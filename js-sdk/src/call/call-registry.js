import { Call, LocalCause } from './call.js';
import { chatMessage } from './chat.js';
import { randomUuid } from '../session/sessid.js';

/**
 * The calls of one client session: it makes them (outbound, from the island's `verto.invite`,
 * from a `verto.attach` for a call this page does not know) and keeps the re-attach books
 * (docs/protocol.md §2.4, §2.5): after each login, answered calls wait for the island's
 * `verto.attach`; those that `verto.clientReady` (or its deadline) leaves out are gone.
 */
export class CallRegistry {
  /** @type {Map<string, Call>} */
  #calls = new Map();
  #attachedSinceLogin = new Set();
  #clientReadyTimer = null;
  #signal;
  #clock;
  #identity;
  #emit;
  #clientReadyTimeoutMs;
  #ringtone;

  /**
   * @param {object} options
   * @param {import('./call.js').CallSignal} options.signal shared by every call; `forget` is set here
   * @param {import('../clock.js').Clock} options.clock
   * @param {{user: string, domain: string, login: string, callerIdName?: string, callerIdNumber?: string}} options.identity
   * @param {(type: 'incomingcall'|'recoveredcall'|'message', payload: any) => void} options.emit
   * @param {number} options.clientReadyTimeoutMs
   * @param {import('../../types/index.js').Ringtone} [options.ringtone] started while an inbound call rings
   */
  constructor({ signal, clock, identity, emit, clientReadyTimeoutMs, ringtone }) {
    this.#signal = { ...signal, forget: (/** @type {Call} */ call) => this.#calls.delete(call.id) };
    this.#clock = clock;
    this.#identity = identity;
    this.#emit = emit;
    this.#clientReadyTimeoutMs = clientReadyTimeoutMs;
    this.#ringtone = ringtone;
  }

  /** @returns {Call[]} calls not yet ended */
  get list() {
    return [...this.#calls.values()];
  }

  /** @param {string} callID */
  get(callID) {
    return this.#calls.get(callID);
  }

  /**
   * A new outbound call with a fresh callID (§4.2: FreeSWITCH uses it as the channel UUID).
   *
   * @param {string} destination
   * @param {import('../../types/index.js').CallOptions & {screenShare?: boolean}} options `screenShare`: a screen-share leg (§4.2)
   */
  outbound(destination, options) {
    const { user, login, callerIdName, callerIdNumber } = this.#identity;
    const screenShare = options.screenShare === true;
    const call = new Call(this.#signal, {
      id: randomUuid(),
      direction: 'outbound',
      destination,
      screenShare,
      remote: { name: options.remoteName ?? destination, number: destination },
      dialogParams: {
        destination_number: destination,
        caller_id_name: options.callerIdName ?? callerIdName ?? user,
        caller_id_number: options.callerIdNumber ?? callerIdNumber ?? user,
        remote_caller_id_name: 'Outbound Call',
        remote_caller_id_number: destination,
        useVideo: screenShare || Boolean(options.video),
        useStereo: false,
        screenShare,
        login,
        ...options.dialogParams,
      },
    });
    this.#calls.set(call.id, call);
    return call;
  }

  /** S→C `verto.invite` (§4.4): a ringing inbound call. */
  onInvite(params) {
    if (this.#calls.has(params.callID)) return;
    const { user, callerIdName, callerIdNumber } = this.#identity;
    const call = new Call(this.#signal, {
      id: params.callID,
      direction: 'inbound',
      destination: user,
      remote: remoteParty(params, 'inbound'),
      dialogParams: { callee_id_name: callerIdName ?? user, callee_id_number: callerIdNumber ?? user },
    });
    this.#calls.set(call.id, call);
    call.handleInvite(params);
    this.#ring(call);
    this.#emit('incomingcall', call);
  }

  /**
   * S→C chat (`verto.info` with `msg`): to the call it names, or else to the call with the
   * sender as its party, and always to the client.
   *
   * @param {Record<string, any>} params
   */
  onMessage(params) {
    const message = chatMessage(params);
    if (!message) return;
    const call = (message.callID !== undefined ? this.#calls.get(message.callID) : undefined) ?? this.list.find((c) => !c.isEnded && c.isParty(message.from));
    call?.handleMessage(message);
    this.#emit('message', { ...message, call: call ?? null });
  }

  /** S→C `verto.attach` (§2.4): an offer for a call of this session; unknown ones a page reload lost. */
  onAttach(params) {
    this.#attachedSinceLogin.add(params.callID);
    let call = this.#calls.get(params.callID);
    if (!call) {
      const direction = params.display_direction === 'outbound' ? 'inbound' : 'outbound';
      call = new Call(this.#signal, {
        id: params.callID,
        direction,
        destination: direction === 'inbound' ? this.#identity.user : (params.callee_id_number ?? ''),
        remote: remoteParty(params, direction),
        dialogParams: {},
        recovered: true,
      });
      this.#calls.set(call.id, call);
      this.#emit('recoveredcall', call);
    }
    call.handleAttach(params);
  }

  /**
   * S→C `verto.clientReady` (§2.5): the island is done re-attaching.
   *
   * @returns {string[]} the callIDs it re-attached
   */
  onClientReady(params) {
    const reattached = Array.isArray(params.reattached_sessions) ? params.reattached_sessions : [];
    for (const id of reattached) this.#attachedSinceLogin.add(id);
    this.#dropUnattached();
    return reattached;
  }

  /** A login succeeded: re-attaches are counted from here, until clientReady or its deadline. */
  loggedIn() {
    this.#attachedSinceLogin.clear();
    this.#clearTimer();
    this.#clientReadyTimer = this.#clock.setTimeout(() => this.#dropUnattached(), this.#clientReadyTimeoutMs);
  }

  /** The socket died: answered calls wait for a re-attach, the others end (§2.3). */
  detachAll() {
    this.#clearTimer();
    for (const call of this.list) call.detach();
  }

  /** @param {string} cause */
  endAll(cause) {
    this.#clearTimer();
    for (const call of this.list) call.endLocally(cause);
  }

  /**
   * The ringtone hook: `start` once the call rings, `stop` once it stops ringing (answered,
   * declined, cancelled, lost), exactly once each. Hook failures go to the client's `error`.
   *
   * @param {Call} call
   */
  #ring(call) {
    const ringtone = this.#ringtone;
    if (!ringtone || call.state !== 'ringing') return;
    const hook = (/** @type {'start'|'stop'} */ name) => {
      try {
        const returned = ringtone[name](call);
        if (returned && typeof (/** @type {any} */ (returned).then) === 'function') /** @type {Promise<unknown>} */ (returned).catch((error) => this.#signal.listenerFailed(error, `ringtone.${name}`));
      } catch (error) {
        this.#signal.listenerFailed(error, `ringtone.${name}`);
      }
    };
    const off = call.on('statechange', ({ state }) => {
      if (state === 'ringing') return;
      off();
      hook('stop');
    });
    hook('start');
  }

  #dropUnattached() {
    this.#clearTimer();
    for (const call of this.list) {
      if (call.state === 'recovering' && !this.#attachedSinceLogin.has(call.id)) call.endLocally(LocalCause.NOT_REATTACHED);
    }
  }

  #clearTimer() {
    if (this.#clientReadyTimer !== null) this.#clock.clearTimeout(this.#clientReadyTimer);
    this.#clientReadyTimer = null;
  }
}

/** §4.4: for island-originated calls the caller is the remote party, otherwise the callee. */
function remoteParty(params, direction) {
  return direction === 'inbound'
    ? { name: params.caller_id_name ?? '', number: params.caller_id_number ?? '' }
    : { name: params.callee_id_name ?? '', number: params.callee_id_number ?? '' };
}

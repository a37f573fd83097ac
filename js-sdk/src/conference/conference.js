import { Emitter } from '../emitter.js';
import { ArgumentError, ConferenceError } from '../errors.js';
import { CONFERENCE_EVENTS } from '../event-names.js';
import { LiveArray } from './live-array.js';
import { memberOf } from './member.js';

/**
 * The conference a call landed in (docs/protocol.md §5.4-§5.5). The island names its channels in
 * a `conference-liveArray-join` pvtData event; the conference subscribes to the liveArray, chat
 * and (for moderators) moderator channels, bootstraps the liveArray and keeps the roster from its
 * changes. Chat is a broadcast on the chat channel; moderator commands are `conf-control`
 * broadcasts on the moderator channel. After a reconnect the subscriptions are made again (the
 * island forgets them with the socket, §5.7). It ends with its call, or the island's
 * `conference-liveArray-part`.
 *
 * Events: {@link CONFERENCE_EVENTS}, with the payloads of `ConferenceEvents` in types/events.d.ts.
 * @extends {Emitter<any>}
 */
export class Conference extends Emitter {
  #host;
  #liveArray;
  /** @type {Map<string, import('../../types/index.js').ConferenceMember>} */
  #members = new Map();
  #left = false;

  /**
   * @param {ConferenceHost} host
   * @param {import('../call/call.js').Call} call
   * @param {Record<string, any>} pvtData the `conference-liveArray-join` data
   */
  constructor(host, call, pvtData) {
    super(CONFERENCE_EVENTS);
    this.#host = host;
    this.call = call;
    /** The room: the liveArray's name (`laName`), e.g. `"3500"`. */
    this.room = String(pvtData.laName ?? '');
    const memberId = Number.parseInt(String(pvtData.conferenceMemberID ?? ''), 10);
    /** This member's id in the conference (moderator commands take it). */
    this.memberId = Number.isFinite(memberId) ? memberId : null;
    /** @type {string} */
    this.role = typeof pvtData.role === 'string' ? pvtData.role : 'participant';
    this.channels = Object.freeze({
      liveArray: String(pvtData.laChannel ?? ''),
      chat: typeof pvtData.chatChannel === 'string' ? pvtData.chatChannel : null,
      mod: typeof pvtData.modChannel === 'string' ? pvtData.modChannel : null,
      info: typeof pvtData.infoChannel === 'string' ? pvtData.infoChannel : null,
    });
    /** The chat address of the room (`conf+3500@domain`). */
    this.chatID = typeof pvtData.chatID === 'string' ? pvtData.chatID : null;
    this.#liveArray = new LiveArray({
      bootstrap: () => this.#broadcast(this.channels.liveArray, { liveArray: { command: 'bootstrap', context: this.channels.liveArray, name: this.room } }),
      changed: (change) => this.#changed(change),
      lost: ({ expected, got }) => host.warn(`conference ${this.room}: liveArray changes keep going missing (expected ${expected}, got ${got}); the roster may be stale`),
    });
  }

  /** True when the island gave this member the moderator channel. */
  get isModerator() {
    return this.channels.mod !== null;
  }

  get isEnded() {
    return this.#left;
  }

  /** @returns {import('../../types/index.js').ConferenceMember[]} the roster, in the island's order */
  get members() {
    return [...this.#members.values()];
  }

  /** @returns {import('../../types/index.js').ConferenceMember|null} */
  get self() {
    return this.members.find((m) => m.self) ?? null;
  }

  /**
   * A chat message to everyone in the room (a broadcast on the chat channel).
   *
   * @param {string} text
   */
  async sendChat(text) {
    if (typeof text !== 'string' || text.trim() === '') throw new ArgumentError('text', 'a conference chat message needs a non-empty text');
    this.#requireJoined();
    if (!this.channels.chat) throw new ConferenceError('no-chat', 'the island gave this member no chat channel');
    await this.#broadcast(this.channels.chat, { action: 'send', message: text, type: 'message' });
  }

  /** @param {MemberRef} member */
  mute(member) {
    return this.command('mute', member);
  }

  /** @param {MemberRef} member */
  unmute(member) {
    return this.command('unmute', member);
  }

  /** @param {MemberRef} member makes the member hear nothing */
  deaf(member) {
    return this.command('deaf', member);
  }

  /** @param {MemberRef} member */
  undeaf(member) {
    return this.command('undeaf', member);
  }

  /** @param {MemberRef} member */
  kick(member) {
    return this.command('kick', member);
  }

  /** @param {MemberRef} member gives the member the video floor (the main picture) */
  videoFloor(member) {
    return this.command('vid-floor', member, 'force');
  }

  /**
   * Any moderator command (`conf-control`, §5.5) such as `tmute`, `volume_in` or `vid-layout`;
   * the island's reply comes as a `response` event.
   *
   * @param {string} command
   * @param {MemberRef} [member]
   * @param {unknown} [value]
   */
  async command(command, member, value) {
    if (typeof command !== 'string' || command === '') throw new ArgumentError('command', 'a moderator command is a non-empty string, e.g. "mute"');
    const id = member === undefined ? undefined : memberIdOf(member);
    this.#requireJoined();
    if (!this.channels.mod) throw new ConferenceError('not-moderator', `only a moderator may ${command}: the island gave this member no moderator channel`);
    await this.#broadcast(this.channels.mod, { application: 'conf-control', command, id, value });
  }

  /** Leaves the room: hangs up the conference call. */
  async leave() {
    if (!this.call.isEnded) await this.call.hangup();
    this.part('left');
  }

  /** @internal Subscribes to the room's channels and bootstraps the roster (on join and after a reconnect). */
  async start() {
    if (this.#left) return;
    const channels = [this.channels.liveArray, this.channels.chat, this.channels.mod].filter((c) => typeof c === 'string' && c !== '');
    await this.#host.request('verto.subscribe', { eventChannel: channels });
    if (!this.#left) this.#liveArray.bootstrap();
  }

  /**
   * @internal A `verto.event` on one of this room's channels.
   * @param {Record<string, any>} params
   */
  handleEvent(params) {
    if (this.#left) return;
    const channel = params.eventChannel;
    const data = params.data ?? {};
    if (channel === this.channels.liveArray) this.#liveArray.handle(data);
    else if (channel === this.channels.chat) {
      this.emit('chat', { from: String(data.from ?? ''), fromDisplay: String(data.fromDisplay ?? ''), message: String(data.message ?? ''), type: String(data.type ?? 'message') });
    } else if (channel === this.channels.mod) this.emit('response', data);
  }

  /**
   * @internal True when `channel` is one of this room's.
   * @param {unknown} channel
   */
  owns(channel) {
    return typeof channel === 'string' && channel !== '' && Object.values(this.channels).includes(channel);
  }

  /**
   * @internal The member left: the call ended, or the island said `conference-liveArray-part`.
   * @param {'left'|'ended'} reason
   */
  part(reason) {
    if (this.#left) return;
    this.#left = true;
    const channels = [this.channels.liveArray, this.channels.chat, this.channels.mod].filter(Boolean);
    if (this.#host.isReady()) this.#host.request('verto.unsubscribe', { eventChannel: channels }).catch(() => {});
    this.emit('ended', { reason });
  }

  /** @internal */
  listenerFailed(error, type) {
    this.#host.listenerFailed(error, type);
  }

  /** @param {import('./live-array.js').LiveArrayChange} change */
  #changed(change) {
    const self = { callID: this.call.id, memberId: this.memberId };
    /** @type {import('../../types/index.js').ConferenceMember|null} */
    let member = null;
    if (change.action === 'bootstrap' || change.action === 'clear') {
      this.#members = new Map(this.#liveArray.entries.map(([key, row]) => [key, memberOf(key, row, self)]));
    } else if (change.action === 'del') {
      member = this.#members.get(/** @type {string} */ (change.key)) ?? null;
      this.#members.delete(/** @type {string} */ (change.key));
    } else {
      member = memberOf(/** @type {string} */ (change.key), /** @type {unknown[]} */ (change.row), self);
      this.#members = new Map(this.#liveArray.entries.map(([key, row]) => [key, key === change.key ? member : (this.#members.get(key) ?? memberOf(key, row, self))]));
    }
    if (change.action === 'add' && member) this.emit('memberjoin', member);
    if (change.action === 'modify' && member) this.emit('memberupdate', member);
    if (change.action === 'del' && member) this.emit('memberleave', member);
    this.emit('members', { members: this.members, action: change.action, member });
  }

  /**
   * @param {string} channel
   * @param {Record<string, unknown>} data
   */
  #broadcast(channel, data) {
    return this.#host.request('verto.broadcast', { eventChannel: channel, data });
  }

  #requireJoined() {
    if (this.#left) throw new ConferenceError('left', `this member left conference ${this.room}`);
  }
}

/**
 * @typedef {number|string|{id: number}} MemberRef a member, or its id
 *
 * @typedef {object} ConferenceHost what a conference needs from its client
 * @property {(method: string, params: object) => Promise<any>} request on the live session
 * @property {() => boolean} isReady
 * @property {(message: string) => void} warn
 * @property {(error: unknown, type: string) => void} listenerFailed
 */

/** @param {unknown} member */
function memberIdOf(member) {
  const raw = member !== null && typeof member === 'object' ? /** @type {any} */ (member).id : member;
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new ArgumentError('member', 'name a member by its id (a number) or pass the member');
  return id;
}

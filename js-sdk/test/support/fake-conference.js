import { AUDIO_ANSWER, VIDEO_ANSWER } from './sdp.js';

/**
 * A conference room on the fake gateway, speaking liveArray as FreeSWITCH's mod_conference does
 * (docs/protocol.md §5.4-§5.5): a call to the room is answered, its session gets the
 * `conference-liveArray-join` pvtData (the moderator channel for moderators only) and is granted
 * the room's channels; a bootstrap broadcast is answered with a `bootObj` to that session alone;
 * joins, status changes and leaves go to every subscriber of the liveArray channel as `add`,
 * `modify` and `del`, numbered by `wireSerno`; chat broadcasts are republished to the chat
 * channel's subscribers; `conf-control` broadcasts on the moderator channel change the member and
 * are answered there. Rows are `["0001", number, name, "opus@48000", "<status JSON>", {}, null]`.
 */
export class FakeConference {
  /** @type {Map<string, any>} callID → member */
  members = new Map();
  serno = 0;
  #nextId = 1;
  /** Changes to number but not send: a test's lost event. */
  dropChanges = 0;
  /** Every liveArray bootstrap asked for: `{login}`. */
  bootstraps = [];
  /** Every conf-control command: `{command, id, value, login}`. */
  commands = [];

  constructor(gateway, room = '3500', { domain = 'a.example', moderators = ['1000@a.example'] } = {}) {
    this.gateway = gateway;
    this.room = room;
    this.moderators = new Set(moderators);
    this.channels = {
      liveArray: `conference-liveArray.${room}@${domain}`,
      chat: `conference-chat.${room}@${domain}`,
      mod: `conference-mod.${room}@${domain}`,
      info: `conference-info.${room}@${domain}`,
    };
  }

  /** The island answered a call to the room: the member enters. */
  join(conn, callID, params) {
    const video = /^m=video [1-9]/m.test(params.sdp ?? '');
    const dialog = params.dialogParams ?? {};
    const member = {
      id: this.#nextId++,
      callID,
      conn,
      number: dialog.caller_id_number ?? conn.login.split('@')[0],
      name: dialog.caller_id_name ?? conn.login.split('@')[0],
      audio: { muted: false, deaf: false, onHold: false, talking: false, floor: false, energyScore: 0 },
      video: video ? { visible: true, videoOnly: false, avatarPresented: false, mediaFlow: 'sendRecv', muted: false, floor: false, reservationID: null, roleID: null, videoLayerID: -1 } : false,
    };
    this.members.set(callID, member);
    setImmediate(() => {
      conn.request('verto.answer', { callID, sdp: video ? VIDEO_ANSWER : AUDIO_ANSWER });
      const moderator = this.moderators.has(conn.login);
      const granted = [this.channels.liveArray, this.channels.chat, this.channels.info, ...(moderator ? [this.channels.mod] : [])];
      for (const channel of granted) this.gateway.grant(conn, channel);
      conn.request('verto.event', {
        eventChannel: conn.sessid,
        eventType: 'channelPvtData',
        pvtData: {
          callID,
          action: 'conference-liveArray-join',
          laChannel: this.channels.liveArray,
          laName: this.room,
          role: moderator ? 'moderator' : 'participant',
          chatID: `conf+${this.room}@a.example`,
          conferenceMemberID: String(member.id),
          canvasCount: 1,
          ...(moderator ? { modChannel: this.channels.mod } : {}),
          chatChannel: this.channels.chat,
          infoChannel: this.channels.info,
        },
      });
      this.#change('add', member, { arrIndex: this.members.size - 1 });
    });
  }

  /** The member's call ended (bye from either side). */
  leave(callID, { pvt = true } = {}) {
    const member = this.members.get(callID);
    if (!member) return;
    this.members.delete(callID);
    this.#change('del', member);
    if (pvt && !member.conn.closed) member.conn.request('verto.event', { eventChannel: member.conn.sessid, eventType: 'channelPvtData', pvtData: { callID, action: 'conference-liveArray-part', laChannel: this.channels.liveArray, laName: this.room } });
  }

  /** Sets a member's audio status (talking, muted...) and says so to the room. */
  setAudio(memberId, changes) {
    const member = this.byId(memberId);
    Object.assign(member.audio, changes);
    this.#change('modify', member);
  }

  byId(memberId) {
    return [...this.members.values()].find((m) => m.id === memberId);
  }

  row(member) {
    const status = { audio: { ...member.audio }, video: member.video, oldStatus: member.audio.talking ? 'TALKING' : 'ACTIVE' };
    return [String(member.id).padStart(4, '0'), member.number, member.name, 'opus@48000', JSON.stringify(status), {}, null];
  }

  /** A `verto.broadcast` to one of the room's channels. */
  broadcast(conn, params) {
    const { eventChannel, data = {} } = params;
    if (eventChannel === this.channels.liveArray && data.liveArray?.command === 'bootstrap') {
      this.bootstraps.push({ login: conn.login });
      conn.request('verto.event', {
        eventChannel: this.channels.liveArray,
        data: { action: 'bootObj', name: this.room, wireSerno: -1, data: [...this.members.values()].map((m) => [m.callID, this.row(m)]) },
      });
      return {};
    }
    if (eventChannel === this.channels.chat && data.action === 'send') {
      this.gateway.publish(this.channels.chat, { direction: 'outbound', message: data.message, fromDisplay: conn.login.split('@')[0], from: conn.login, type: data.type });
      return {};
    }
    if (eventChannel === this.channels.mod && data.application === 'conf-control') {
      if (!this.moderators.has(conn.login)) return { message: 'Permission Denied.', code: -32002 };
      this.commands.push({ command: data.command, id: data.id, value: data.value, login: conn.login });
      this.#control(data.command, data.id);
      this.gateway.publish(this.channels.mod, { 'conf-command': data.command, response: 'OK', responseData: { id: data.id } });
      return {};
    }
    return {};
  }

  #control(command, id) {
    const member = this.byId(id);
    if (!member) return;
    const audio = { mute: { muted: true }, unmute: { muted: false }, deaf: { deaf: true }, undeaf: { deaf: false } }[command];
    if (audio) return this.setAudio(id, audio);
    if (command === 'vid-floor') {
      for (const other of this.members.values()) if (other.video) other.video.floor = other === member;
      return this.#change('modify', member);
    }
    if (command === 'kick') {
      this.leave(member.callID);
      member.conn.request('verto.bye', { callID: member.callID, cause: 'NORMAL_CLEARING', causeCode: 16 });
    }
  }

  #change(action, member, extra = {}) {
    const data = { action, name: this.room, wireSerno: ++this.serno, hashKey: member.callID, ...extra, data: this.row(member) };
    if (this.dropChanges > 0) {
      this.dropChanges--;
      return;
    }
    this.gateway.publish(this.channels.liveArray, data);
  }
}

const CHAT_LIMIT = 50;

/**
 * What the page shows of a conference the call is in: the roster (talking, muted, deaf, video
 * floor, who is this page), the room's chat, and the moderator's standing. It follows an SDK
 * `Conference` through its public events and turns page actions into its methods.
 *
 * @param {import('../../js-sdk/types/index.js').Conference} conference
 * @param {object} env
 * @param {() => void} env.changed the snapshot changed
 * @param {() => number} env.now
 * @param {string} env.login this page's `user@domain`, to tell its own chat lines
 */
export function followConference(conference, { changed, now, login }) {
  const state = {
    room: conference.room,
    role: conference.role,
    isModerator: conference.isModerator,
    memberId: conference.memberId,
    members: [],
    chat: [],
  };

  const roster = () => {
    state.members = conference.members.map((m) => ({
      id: m.id,
      name: m.name || m.number,
      number: m.number,
      talking: m.talking,
      muted: m.muted,
      deaf: m.deaf,
      floor: m.floor || Boolean(m.video?.floor),
      video: m.video !== null,
      self: m.self,
    }));
  };

  conference.on('members', () => {
    roster();
    changed();
  });
  conference.on('chat', ({ fromDisplay, from, message }) => {
    state.chat = [...state.chat, { at: now(), from: fromDisplay || from, body: message, mine: from === login }].slice(-CHAT_LIMIT);
    changed();
  });
  roster();

  return {
    state,
    conference,
    /** @param {string} text */
    sendChat(text) {
      return conference.sendChat(text);
    },
    /**
     * @param {'mute'|'unmute'|'deaf'|'undeaf'|'kick'|'videoFloor'} action
     * @param {number} memberId
     */
    moderate(action, memberId) {
      const act = { mute: conference.mute, unmute: conference.unmute, deaf: conference.deaf, undeaf: conference.undeaf, kick: conference.kick, videoFloor: conference.videoFloor }[action];
      if (!act) return Promise.reject(new Error(`unknown moderator action ${action}`));
      return act.call(conference, memberId);
    },
  };
}

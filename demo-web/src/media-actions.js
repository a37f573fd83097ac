import { describeCallEnd } from './messages.js';
import { followConference } from './conference-state.js';

/**
 * The softphone's video, screen-share, device and conference actions, and the client events they
 * follow (`conference`, `devicechange`), apart from softphone.js's calls and session. They use the
 * SDK's public API only, through the softphone's `host` (its state, current call and client).
 *
 * @typedef {object} MediaHost
 * @property {any} state the softphone's snapshot
 * @property {() => number} now
 * @property {(action: () => Promise<any>) => Promise<any>} attempt runs an action; a refusal becomes the notice
 * @property {() => void} publish
 * @property {(text: string) => void} log
 * @property {() => void} snapshotCall
 * @property {() => import('../../js-sdk/types/index.js').Call|null} call
 * @property {() => import('../../js-sdk/types/index.js').VertoClient|null} client
 * @property {() => ReturnType<typeof followConference>|null} room
 * @property {(room: ReturnType<typeof followConference>|null) => void} setRoom
 * @property {(call: import('../../js-sdk/types/index.js').Call|null) => void} showLocal
 */

/** @param {MediaHost} host */
export function mediaActions(host) {
  return {
    /** Camera on or off in the current call (an audio call asks the island for video). */
    async toggleCamera() {
      const c = host.call();
      if (!c) return;
      await host.attempt(() => c.setCamera(!c.cameraOn));
      if (host.call() === c) host.snapshotCall();
      host.publish();
    },

    /** Starts sharing the screen (a second call), or stops the share under way. */
    async toggleScreenShare() {
      const c = host.call();
      if (!c) return;
      const sharing = c.screenShareCall;
      if (sharing) {
        await host.attempt(() => sharing.hangup());
        return;
      }
      const screen = await host.attempt(async () => c.shareScreen());
      if (!screen) return;
      host.log(`Sharing the screen to ${screen.destination}`);
      screen.on('statechange', () => (host.call() === c ? (host.snapshotCall(), host.publish()) : undefined));
      screen.on('ended', (end) => {
        host.log(`Screen share ended: ${describeCallEnd(end)}`);
        if (host.call() === c) host.snapshotCall();
        host.publish();
      });
      host.snapshotCall();
      host.publish();
    },

    /**
     * Picks a device for calls; `''` goes back to the default.
     *
     * @param {'microphone'|'camera'|'speaker'} kind
     * @param {string} deviceId
     */
    async selectDevice(kind, deviceId) {
      const c = host.client();
      if (!c) return;
      await host.attempt(() => c.selectDevices({ [kind]: deviceId || null }));
      host.state.devices = { ...host.state.devices, selected: c.devices };
      host.showLocal(host.call());
      host.publish();
    },

    /** Reads the device lists again (labels appear once a device was granted). */
    async refreshDevices() {
      const c = host.client();
      if (c) await loadDevices(c, host);
    },

    /** @param {string} text a message to the conference room */
    async sendConferenceChat(text) {
      const r = host.room();
      if (!r) return false;
      const sent = await host.attempt(async () => {
        await r.sendChat(String(text ?? ''));
        return true;
      });
      host.publish();
      return sent === true;
    },

    /**
     * A moderator action on a member of the conference.
     *
     * @param {'mute'|'unmute'|'deaf'|'undeaf'|'kick'|'videoFloor'} action
     * @param {number} memberId
     */
    async moderate(action, memberId) {
      const r = host.room();
      if (!r) return;
      await host.attempt(() => r.moderate(action, memberId));
      host.publish();
    },
  };
}

/**
 * Follows the client's conference and device events.
 *
 * @param {import('../../js-sdk/types/index.js').VertoClient} c
 * @param {MediaHost} host
 */
export function wireMedia(c, host) {
    c.on('conference', (conference) => {
      if (conference.call !== host.call()) return;
      const room = followConference(conference, {
        changed: () => {
          if (host.room() === room) host.state.conference = { ...room.state };
          host.publish();
        },
        now: host.now,
        login: host.state.login,
      });
      host.setRoom(room);
      host.log(`Joined conference ${conference.room}${conference.isModerator ? ' as moderator' : ''}`);
      conference.on('ended', () => {
        if (host.room() === room) {
          host.setRoom(null);
          host.publish();
        }
      });
      host.publish();
    });
    c.on('devicechange', (lists) => {
      host.state.devices = { ...lists, selected: c.devices };
      host.log('Devices changed');
      host.publish();
    });
}

/**
 * The local preview shows what the call sends (the SDK keeps camera changes in this stream).
 *
 * @param {HTMLVideoElement|null} local
 * @param {import('../../js-sdk/types/index.js').Call|null} c
 */
export function showLocal(local, c) {
    if (!local) return;
    local.muted = true;
    local.srcObject = c?.localStream && c.localStream.getVideoTracks().length > 0 ? c.localStream : null;
  }

/**
 * @param {import('../../js-sdk/types/index.js').VertoClient} c
 * @param {MediaHost} host
 */
export async function loadDevices(c, host) {
    try {
      const lists = await c.listDevices();
      host.state.devices = { ...lists, selected: c.devices };
      host.publish();
    } catch {
      // no device list on this platform: the pickers stay empty
    }
  }

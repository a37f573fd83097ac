import { SessionClient } from './session-client.js';
import { ConferenceRegistry } from './conference/conference-registry.js';

/**
 * A Verto client behind the gateway: the session and calls of {@link SessionClient}, plus the
 * conferences its calls enter (docs/protocol.md §5.4-§5.5: routed from the session's events, made
 * again after each login) and the choice of microphone, camera and speaker.
 *
 * Events: `CLIENT_EVENTS` (src/event-names.js), with the payloads of `ClientEvents` in types/events.d.ts.
 */
export class VertoClient extends SessionClient {
  #conferences;

  /**
   * @param {import('../types/index.js').VertoClientOptions} options
   * @throws {import('./errors.js').SetupError} naming the option at fault
   */
  constructor(options) {
    super(options);
    this.#conferences = new ConferenceRegistry(this, (callID) => this.calls.find((call) => call.id === callID), options.logger ?? {});
    this.on('event', (params) => this.#conferences.route(params, this.sessid));
    // the island forgets subscriptions with the socket (§5.7)
    this.on('login', () => this.#conferences.resubscribe());
  }

  /** @returns {import('./conference/conference.js').Conference[]} conferences not yet left */
  get conferences() {
    return this.#conferences.list;
  }

  /** The devices new calls open and live calls use (`null`: the platform's default). */
  get devices() {
    return { ...this.deviceManager.selection };
  }

  /**
   * Joins a conference by calling its room number; resolves once the island says the call
   * entered the room (`conference-liveArray-join`, §5.5), with the roster on its way.
   *
   * @param {string} room e.g. `"3500"`
   * @param {import('../types/index.js').CallOptions} [options] as for `call()`, e.g. `{video: true}`
   * @returns {Promise<import('./conference/conference.js').Conference>} rejects with what ended the call first
   */
  join(room, options = {}) {
    try {
      return this.#conferences.joined(this.call(room, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The platform's microphones, cameras and speakers (labels are empty until a device was granted).
   *
   * @returns {Promise<import('../types/index.js').DeviceLists>}
   */
  listDevices() {
    return this.deviceManager.list();
  }

  /**
   * Picks devices by id (`null`: the default): new calls open them, and live calls switch at once
   * (microphone and camera by replacing the sent track, the speaker with `setSinkId`).
   *
   * @param {Partial<import('../types/index.js').DeviceSelection>} devices
   * @returns {Promise<void>}
   */
  async selectDevices(devices) {
    const changed = this.deviceManager.select(devices);
    if (Object.keys(changed).length === 0) return;
    await Promise.all(this.calls.filter((call) => !call.screenShare).map((call) => call.applyDevices(changed)));
  }
}

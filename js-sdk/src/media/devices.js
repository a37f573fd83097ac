import { ArgumentError, MediaError } from '../errors.js';

const KINDS = { audioinput: 'microphones', videoinput: 'cameras', audiooutput: 'speakers' };
const SELECTABLE = ['microphone', 'camera', 'speaker'];

/**
 * The media devices of the platform (`navigator.mediaDevices`, or `media.mediaDevices`): their
 * lists by kind, the selection new calls open and live calls switch to, and the platform's
 * `devicechange` (a headset plugged in or out) turned into fresh lists for the client's event.
 * Labels are empty until the page was granted a device once, as browsers keep them back.
 */
export class Devices {
  /** @type {import('./local-media.js').DeviceSelection} */
  selection = { microphone: null, camera: null, speaker: null };
  #platform;
  #onChange;
  /** @type {(() => void)|null} */
  #unwatch = null;

  /**
   * @param {{mediaDevices?: any}} media
   * @param {(lists: import('../../types/index.js').DeviceLists) => void} onChange
   */
  constructor(media, onChange) {
    this.#platform = () => media.mediaDevices ?? /** @type {any} */ (globalThis).navigator?.mediaDevices ?? null;
    this.#onChange = onChange;
  }

  /** @returns {Promise<import('../../types/index.js').DeviceLists>} */
  async list() {
    const platform = this.#platform();
    if (!platform || typeof platform.enumerateDevices !== 'function') throw new MediaError('unsupported', 'no device list here: navigator.mediaDevices.enumerateDevices is missing');
    /** @type {any} */
    const lists = { microphones: [], cameras: [], speakers: [] };
    for (const device of await platform.enumerateDevices()) {
      const bucket = KINDS[device.kind];
      if (bucket) lists[bucket].push({ deviceId: device.deviceId, label: device.label ?? '', groupId: device.groupId ?? '' });
    }
    return lists;
  }

  /**
   * Checks and merges a selection; `null` goes back to the platform's default.
   *
   * @param {unknown} choice
   * @returns {Partial<import('./local-media.js').DeviceSelection>} the members that changed
   */
  select(choice) {
    if (choice === null || typeof choice !== 'object') throw new ArgumentError('devices', 'selectDevices takes {microphone?, camera?, speaker?} with device ids');
    /** @type {any} */
    const changed = {};
    for (const [name, value] of Object.entries(choice)) {
      if (!SELECTABLE.includes(name)) throw new ArgumentError('devices', `"${name}" is not a device kind; the kinds are ${SELECTABLE.join(', ')}`);
      if (value !== null && (typeof value !== 'string' || value === '')) throw new ArgumentError('devices', `devices.${name} must be a device id (a non-empty string) or null`);
      if (/** @type {any} */ (this.selection)[name] !== value) changed[name] = value;
    }
    this.selection = { ...this.selection, ...changed };
    return changed;
  }

  /** Starts following the platform's `devicechange`; a no-op where it has none. */
  watch() {
    const platform = this.#platform();
    if (this.#unwatch || !platform || typeof platform.addEventListener !== 'function') return;
    const listener = () => {
      this.list().then(this.#onChange, () => {});
    };
    platform.addEventListener('devicechange', listener);
    this.#unwatch = () => platform.removeEventListener?.('devicechange', listener);
  }

  unwatch() {
    this.#unwatch?.();
    this.#unwatch = null;
  }
}

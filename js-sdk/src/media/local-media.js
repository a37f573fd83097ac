import { MediaError } from '../errors.js';

/**
 * What a call sends, taken from the platform: the microphone (and the camera for a video call)
 * through `getUserMedia`, or the screen through `getDisplayMedia` for a screen-share leg. The
 * devices picked with `selectDevices` go in as `deviceId: {exact}` constraints; a browser refusal
 * becomes a MediaError whose `reason` says why (permission, no device, busy, insecure page).
 */

/**
 * @typedef {object} DeviceSelection
 * @property {string|null} microphone
 * @property {string|null} camera
 * @property {string|null} speaker
 */

/**
 * @param {unknown} base `true`, `false` or a MediaTrackConstraints object
 * @param {string|null|undefined} deviceId
 * @returns {boolean|object}
 */
export function withDevice(base, deviceId) {
  if (!deviceId) return base ?? true;
  return { ...(base !== null && typeof base === 'object' ? base : {}), deviceId: { exact: deviceId } };
}

/**
 * The microphone, plus the camera when `video` asks for it.
 *
 * @param {import('./peer-media.js').MediaOptions} options
 * @param {{video?: boolean|object, devices?: DeviceSelection|null}} want
 * @returns {Promise<MediaStream>}
 */
export function userMedia(options, { video = false, devices = null } = {}) {
  const constraints = {
    audio: withDevice(options.audio ?? true, devices?.microphone),
    video: video ? withDevice(video === true ? (options.video ?? true) : video, devices?.camera) : false,
  };
  return acquire(options.getUserMedia ?? platformCall('getUserMedia'), constraints, video ? 'camera or microphone' : 'microphone');
}

/**
 * One track of a kind from a given device (a device change, or the camera turned on mid-call).
 *
 * @param {import('./peer-media.js').MediaOptions} options
 * @param {'audio'|'video'} kind
 * @param {string|null|undefined} deviceId
 * @returns {Promise<MediaStreamTrack>}
 */
export async function singleTrack(options, kind, deviceId) {
  const constraints =
    kind === 'audio' ? { audio: withDevice(options.audio ?? true, deviceId), video: false } : { audio: false, video: withDevice(options.video ?? true, deviceId) };
  const stream = await acquire(options.getUserMedia ?? platformCall('getUserMedia'), constraints, kind === 'audio' ? 'microphone' : 'camera');
  const [track] = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
  if (!track) throw new MediaError('no-device', `no ${kind === 'audio' ? 'microphone' : 'camera'} track came back`);
  return track;
}

/**
 * The screen, a window or a tab, as the person picks it (video only). Browsers allow this only
 * from a user gesture.
 *
 * @param {import('./peer-media.js').MediaOptions} options
 * @returns {Promise<MediaStream>}
 */
export function displayMedia(options) {
  return acquire(options.getDisplayMedia ?? platformCall('getDisplayMedia'), { video: true, audio: false }, 'screen');
}

/**
 * @param {(constraints: any) => Promise<MediaStream>} getMedia
 * @param {object} constraints
 * @param {string} what
 */
async function acquire(getMedia, constraints, what) {
  try {
    return await getMedia(constraints);
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const name = /** @type {any} */ (error)?.name;
    throw new MediaError(MediaError.reasonOf(error), `${what} unavailable: ${name && name !== 'Error' ? `${name}: ` : ''}${/** @type {any} */ (error)?.message ?? error}`, { cause: error });
  }
}

/** @param {'getUserMedia'|'getDisplayMedia'} method */
function platformCall(method) {
  const platform = /** @type {any} */ (globalThis);
  const devices = platform.navigator?.mediaDevices;
  if (!devices || typeof devices[method] !== 'function') {
    const insecure = platform.isSecureContext === false;
    return () =>
      Promise.reject(
        insecure
          ? new MediaError('insecure-context', `media unavailable: the page is not a secure context (serve it over https:// or from localhost)`)
          : new MediaError('unsupported', `media unavailable: navigator.mediaDevices.${method} is not available here (pass options.media.${method})`),
      );
  }
  return (/** @type {any} */ constraints) => devices[method](constraints);
}

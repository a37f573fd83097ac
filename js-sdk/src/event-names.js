/**
 * The events a client and a call emit (`ClientEvents` and `CallEvents` in types/events.d.ts, the
 * README's event tables). Listening for any other name is a mistake, most often a typo such as
 * `incomingCall`, that would otherwise never fire: the emitter refuses it at once.
 */
export const CLIENT_EVENTS = Object.freeze([
  'statechange',
  'connecting',
  'reconnecting',
  'login',
  'clientready',
  'incomingcall',
  'recoveredcall',
  'message',
  'map',
  'punt',
  'event',
  'info',
  'conference',
  'devicechange',
  'error',
]);

export const CALL_EVENTS = Object.freeze(['statechange', 'remotestream', 'mediastatechange', 'quality', 'audioblocked', 'mute', 'display', 'message', 'info', 'camera', 'ended']);

export const CONFERENCE_EVENTS = Object.freeze(['members', 'memberjoin', 'memberupdate', 'memberleave', 'chat', 'response', 'ended']);

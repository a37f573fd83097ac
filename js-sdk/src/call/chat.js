import { ArgumentError } from '../errors.js';

/**
 * Chat over Verto (docs/protocol.md §4.7): C→S `verto.info` with `msg: {to, body, from}`, which
 * the island delivers as S→C `verto.info` `{msg: {from, to, body}}` to every live connection of
 * the user `to` (with the callID when it travels inside a call).
 */

/**
 * The params of a C→S chat `verto.info`.
 *
 * @param {object} message
 * @param {unknown} message.to `user@domain`, or a bare user of `domain`
 * @param {unknown} message.body
 * @param {string} message.from the sender's login
 * @param {string} message.domain the sender's domain, for a bare `to`
 * @param {string} [message.callID] in a call: also marked `inDialog` for FreeSWITCH
 * @returns {Record<string, unknown>}
 * @throws {ArgumentError} on an empty recipient or body
 */
export function chatParams({ to, body, from, domain, callID }) {
  if (typeof to !== 'string' || to.trim() === '') throw new ArgumentError('to', 'a chat message needs a recipient, "user@domain" or "user"');
  if (typeof body !== 'string' || body === '') throw new ArgumentError('body', 'a chat message needs a non-empty text');
  const recipient = to.includes('@') ? to.trim() : `${to.trim()}@${domain}`;
  /** @type {Record<string, unknown>} */
  const msg = { to: recipient, body, from };
  if (callID === undefined) return { msg };
  msg.inDialog = true;
  return { msg, dialogParams: { callID } };
}

/**
 * Reads an S→C chat delivery; null when the `verto.info` carries no usable message.
 *
 * @param {Record<string, any>} params
 * @returns {{from: string, to: string, body: string, callID: string|undefined}|null}
 */
export function chatMessage(params) {
  const msg = params?.msg;
  if (msg === null || typeof msg !== 'object' || typeof msg.body !== 'string') return null;
  return {
    from: typeof msg.from === 'string' ? msg.from : '',
    to: typeof msg.to === 'string' ? msg.to : '',
    body: msg.body,
    callID: typeof params.callID === 'string' ? params.callID : undefined,
  };
}

/**
 * The user part of an address, lower-cased, for matching a message's sender to a call's party.
 *
 * @param {string} address `user@domain`, `proto+user@domain` or `user`
 */
export function userOf(address) {
  const bare = address.includes('+') ? address.slice(address.indexOf('+') + 1) : address;
  return bare.split('@')[0].trim().toLowerCase();
}

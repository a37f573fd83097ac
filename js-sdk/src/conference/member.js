/**
 * A conference member from its liveArray row, as mod_conference writes it (docs/protocol.md
 * §5.4): `["0007", number, name, "codec@rate", "<status JSON>", {user data}, null]`, keyed by
 * the member's call UUID. The status JSON holds `audio` {muted, deaf, onHold, talking, floor,
 * energyScore} and `video` (an object for video members, else `false`).
 *
 * @param {string} key
 * @param {unknown[]} row
 * @param {{callID: string, memberId: number|null}} self
 * @returns {import('../../types/index.js').ConferenceMember}
 */
export function memberOf(key, row, self) {
  const [id, number, name, codec, statusText, user] = row;
  const status = parseStatus(statusText);
  const audio = status.audio !== null && typeof status.audio === 'object' ? status.audio : {};
  const video = status.video !== null && typeof status.video === 'object' ? status.video : null;
  const memberId = Number.parseInt(String(id), 10);
  return {
    key,
    id: Number.isFinite(memberId) ? memberId : -1,
    number: typeof number === 'string' ? number : '',
    name: typeof name === 'string' ? name : '',
    codec: typeof codec === 'string' ? codec : '',
    talking: audio.talking === true,
    muted: audio.muted === true,
    deaf: audio.deaf === true,
    onHold: audio.onHold === true,
    floor: audio.floor === true,
    energyScore: typeof audio.energyScore === 'number' ? audio.energyScore : 0,
    video: video ? { muted: video.muted === true, floor: video.floor === true, visible: video.visible === true } : null,
    self: key === self.callID || (self.memberId !== null && memberId === self.memberId),
    status,
    user: user !== null && typeof user === 'object' ? /** @type {Record<string, unknown>} */ (user) : {},
  };
}

/** @param {unknown} text */
function parseStatus(text) {
  if (text !== null && typeof text === 'object') return /** @type {Record<string, any>} */ (text);
  if (typeof text !== 'string') return {};
  try {
    const parsed = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * Fixed, valid WebRTC audio SDP (complete, non-trickle, one host candidate on loopback) for
 * tests that have no WebRTC stack. The fingerprint is a well-formed SHA-256 value.
 */
const FINGERPRINT = '6B:8B:7C:3F:2E:19:A0:55:D4:01:9E:6A:73:BC:41:0D:E2:58:97:C3:1F:AA:04:6E:5B:D9:82:37:C0:E5:14:F6';

function audioSdp({ sessionId, setup, ufrag, pwd, port }) {
  return [
    'v=0',
    `o=- ${sessionId} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=msid-semantic: WMS verto-sdk-test',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 101',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=candidate:1 1 udp 2130706431 127.0.0.1 ${port} typ host`,
    `a=ice-ufrag:${ufrag}`,
    `a=ice-pwd:${pwd}`,
    `a=fingerprint:sha-256 ${FINGERPRINT}`,
    `a=setup:${setup}`,
    'a=mid:0',
    'a=sendrecv',
    'a=msid:verto-sdk-test audio0',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-16',
    'a=ssrc:1001 cname:verto-sdk-test',
    '',
  ].join('\r\n');
}

/** A VP8 video section on its own transport (no BUNDLE, docs/protocol.md §6.1). */
function videoSection({ setup, ufrag, pwd, port, direction = 'sendrecv', mid = '1' }) {
  return [
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=candidate:1 1 udp 2130706431 127.0.0.1 ${port + 1} typ host`,
    `a=ice-ufrag:${ufrag}`,
    `a=ice-pwd:${pwd}`,
    `a=fingerprint:sha-256 ${FINGERPRINT}`,
    `a=setup:${setup}`,
    `a=mid:${mid}`,
    `a=${direction}`,
    'a=rtcp-mux',
    'a=rtpmap:96 VP8/90000',
    'a=rtcp-fb:96 nack pli',
    'a=ssrc:2001 cname:verto-sdk-test',
    '',
  ].join('\r\n');
}

const OFFER = { sessionId: '4611731400430051336', setup: 'actpass', ufrag: 'sdkT', pwd: 'verto-sdk-test-ice-pwd-0001', port: 40000 };
const ANSWER = { sessionId: '5122938475610012345', setup: 'active', ufrag: 'sdkA', pwd: 'verto-sdk-test-ice-pwd-0002', port: 40002 };

/** Audio, then video: a video call's SDP. */
export const VIDEO_OFFER = audioSdp(OFFER) + videoSection(OFFER);
export const VIDEO_ANSWER = audioSdp(ANSWER) + videoSection(ANSWER);
/** A screen share: one send-only video section, no audio; and the island's receive-only answer. */
export const SCREEN_OFFER = sessionHead(OFFER) + videoSection({ ...OFFER, direction: 'sendonly', mid: '0' });
export const SCREEN_ANSWER = sessionHead(ANSWER) + videoSection({ ...ANSWER, direction: 'recvonly', mid: '0' });

function sessionHead({ sessionId }) {
  return ['v=0', `o=- ${sessionId} 2 IN IP4 127.0.0.1`, 's=-', 't=0 0', ''].join('\r\n');
}

export const AUDIO_OFFER = audioSdp({ sessionId: '4611731400430051336', setup: 'actpass', ufrag: 'sdkT', pwd: 'verto-sdk-test-ice-pwd-0001', port: 40000 });
export const AUDIO_ANSWER = audioSdp({ sessionId: '5122938475610012345', setup: 'active', ufrag: 'sdkA', pwd: 'verto-sdk-test-ice-pwd-0002', port: 40002 });

/** The same SDP without its candidate line, as `createOffer()` returns it before gathering. */
export function withoutCandidates(sdp) {
  return sdp.replace(/a=candidate:[^\r\n]*\r\n/g, '');
}

// A page using the browser's own WebSocket and DOM media types.
import { VertoClient, type CallQuality, type MediaState, type HangupReason } from '@vertogw/verto-js-sdk';

const client = new VertoClient({ login: '1000@a.example', passwd: '1234', WebSocket, mapUrl: '/v1/partition-map' });
const audio: HTMLAudioElement = document.createElement('audio');
client.on('incomingcall', async (call) => {
  call.attachAudio(audio);
  call.on('audioblocked', () => document.body.addEventListener('click', () => void call.resumeAudio(), { once: true }));
  call.on('quality', (q: CallQuality) => console.log(q.rating, q.loss, q.jitterMs));
  call.on('mediastatechange', ({ state }: { state: MediaState }) => console.log(state));
  const stream: MediaStream | null = call.remoteStream;
  const pc: RTCPeerConnection | null = call.peerConnection;
  console.log(stream?.id, pc?.connectionState);
  await call.answer();
  const { reason }: { reason: HangupReason } = await call.ended;
  console.log(reason);
});
const withMedia = new VertoClient({
  login: '1000@a.example',
  media: { RTCPeerConnection, getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c), audio: { echoCancellation: true }, iceServers: [{ urls: 'stun:stun.example.com' }] },
});
void withMedia;
await client.connect();

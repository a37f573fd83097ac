// A Node project without DOM types: media values are the SDK's own small shapes.
import WebSocket from 'ws';
import { VertoClient, type Call, type MediaStreamType, type CallEnd } from '@vertogw/verto-js-sdk';

const client = new VertoClient({ login: '1000@a.example', WebSocket, gateways: ['ws://127.0.0.1:8081/verto'], media: { qualityIntervalMs: 1000 } });
client.on('incomingcall', (call: Call) => {
  const stream: MediaStreamType | null = call.remoteStream;
  console.log(stream?.getTracks().length, call.peerConnection?.iceConnectionState, call.mediaState);
  call.attachAudio({ srcObject: null, autoplay: false, play: async () => {} });
  call.on('ended', (end: CallEnd) => console.log(end.reason, end.cause));
});
await client.connect();

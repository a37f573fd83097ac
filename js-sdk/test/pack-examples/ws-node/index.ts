// A Node service using the `ws` package, as the README says.
import WebSocket from 'ws';
import { VertoClient, type Call, type VertoError } from '@vertogw/verto-js-sdk';

const client = new VertoClient({ login: '1000@a.example', passwd: '1234', WebSocket, gateways: ['wss://gw.example.com/verto'] });
client.on('reconnecting', ({ attempt, delayMs, error }) => console.log(`retry ${attempt} in ${delayMs} ms: ${error.code}`));
client.on('incomingcall', (call: Call) => call.answer());
client.on('error', (error: VertoError) => {
  if (error.code === 'authentication') console.log('wrong password');
});
const viaFactory = new VertoClient({ login: '1000@a.example', createWebSocket: (url) => new WebSocket(url, { rejectUnauthorized: false }) });
await client.connect().catch((error: VertoError) => console.log(error.code));
void viaFactory;

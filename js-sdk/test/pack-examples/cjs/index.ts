// A CommonJS project: `require` resolves to the UMD bundle and its .d.cts declarations.
import sdk = require('@vertogw/verto-js-sdk');
import WebSocket = require('ws');

const client = new sdk.VertoClient({ login: '1000@a.example', WebSocket, gateways: ['wss://gw.example.com/verto'] });
client.on('error', (error) => {
  if (error instanceof sdk.RateLimitedError) console.log(error.retryAfterMs);
});
const island: string | null = sdk.resolveIsland({ islands: [{ id: 'fs-01' }] }, '1000', 'a.example').serving;
console.log(island);

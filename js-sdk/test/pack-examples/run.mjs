// Used by test/pack.test.js from an installed copy of the package: import (ESM) and construct, fail fast.
import * as sdk from '@vertogw/verto-js-sdk';
import WebSocket from 'ws';

const out = { exports: Object.keys(sdk).length, version: sdk.VERSION };
try {
  new sdk.VertoClient({ login: 'no-domain' });
} catch (error) {
  out.setup = { code: error.code, option: error.option, isVertoError: error instanceof sdk.VertoError };
}
const client = new sdk.VertoClient({ login: '1000@a.example', WebSocket, gateways: ['ws://127.0.0.1:1/verto'], reconnect: { maxAttempts: 1 } });
out.unreachable = await client.connect().then(() => 'connected', (error) => error.code);
console.log(JSON.stringify(out));

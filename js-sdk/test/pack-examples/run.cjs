// Used by test/pack.test.js from an installed copy of the package: require (CommonJS).
const sdk = require('@vertogw/verto-js-sdk');
const island = sdk.resolveIsland({ islands: [{ id: 'a' }, { id: 'b' }] }, '1000', 'a.example');
let setup;
try {
  new sdk.VertoClient({ login: '1000@a.example', reconnect: { maxAttempts: 0 } });
} catch (error) {
  setup = { code: error.code, option: error.option };
}
console.log(JSON.stringify({ exports: Object.keys(sdk).length, island: island.serving, setup }));

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapFromParam, allowedOrigins, ALLOWED_ORIGINS_KEY } from '../src/map-source.js';

const page = 'https://gw.example.com:8443/?map=x';

test('without ?map= the page uses its own origin\'s map', () => {
  assert.deepEqual(mapFromParam(null, page, []), { mapUrl: undefined, refused: null });
  assert.deepEqual(mapFromParam('  ', page, []), { mapUrl: undefined, refused: null });
});

test('a map on the page\'s own origin is taken, relative or absolute', () => {
  assert.deepEqual(mapFromParam('/maps/staging.json', page, []), { mapUrl: 'https://gw.example.com:8443/maps/staging.json', refused: null });
  assert.deepEqual(mapFromParam('https://gw.example.com:8443/v1/partition-map', page, []), { mapUrl: 'https://gw.example.com:8443/v1/partition-map', refused: null });
});

test('a map on another origin is refused: a crafted link cannot choose where the password goes', () => {
  for (const foreign of ['https://evil.example/map.json', 'https://gw.example.com:9443/map.json', 'http://gw.example.com:8443/map.json', '//evil.example/map.json', 'javascript:alert(1)']) {
    const { mapUrl, refused } = mapFromParam(foreign, page, []);
    assert.equal(mapUrl, undefined, foreign);
    assert.ok(refused, foreign);
  }
});

test('an origin the browser allows is taken, nothing else from it is implied', () => {
  const allowed = ['https://maps.example.net'];
  assert.equal(mapFromParam('https://maps.example.net/v7.json', page, allowed).mapUrl, 'https://maps.example.net/v7.json');
  assert.equal(mapFromParam('https://maps.example.net.evil.example/v7.json', page, allowed).mapUrl, undefined);
});

test('the allow-list is read from localStorage, origins normalised, junk ignored', () => {
  const storage = { getItem: (key) => (key === ALLOWED_ORIGINS_KEY ? 'https://maps.example.net/path, not-a-url https://b.example:444' : null) };
  assert.deepEqual(allowedOrigins(storage), ['https://maps.example.net', 'https://b.example:444']);
  assert.deepEqual(allowedOrigins(undefined), []);
  assert.deepEqual(allowedOrigins({ getItem: () => { throw new Error('blocked'); } }), []);
});

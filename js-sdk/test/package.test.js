import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import * as source from '../src/index.js';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const built = existsSync(new URL('dist/verto.esm.js', root));
const notBuilt = built ? false : 'dist/ is not built: run `npm run build` first';

test('the package has no runtime dependencies, a licence and a build before packing', () => {
  assert.equal(pkg.dependencies, undefined);
  assert.equal(pkg.peerDependencies, undefined);
  assert.equal(pkg.license, 'Apache-2.0');
  assert.equal(pkg.scripts.prepack, 'npm run build');
});

test('VERSION is the package version', () => {
  assert.equal(source.VERSION, pkg.version);
});

test('the export map points at the ESM and UMD bundles and the declarations', { skip: notBuilt }, () => {
  const entry = pkg.exports['.'];
  for (const file of [entry.import.default, entry.import.types, entry.require.default, entry.require.types, pkg.main, pkg.module, pkg.types, pkg.unpkg]) {
    assert.ok(existsSync(new URL(file, root)), `${file} exists`);
  }
});

test('the ESM bundle and the UMD bundle export exactly what src/index.js exports', { skip: notBuilt }, async () => {
  const esm = await import(new URL('dist/verto.esm.js', root));
  const umd = createRequire(import.meta.url)('../dist/verto.umd.cjs');
  const names = Object.keys(source).sort();
  assert.deepEqual(Object.keys(esm).sort(), names);
  assert.deepEqual(Object.keys(umd).sort(), names);
  assert.deepEqual(esm.resolveIsland({ islands: [{ id: 'a' }, { id: 'b' }] }, 'u', 'x.example'), source.resolveIsland({ islands: [{ id: 'a' }, { id: 'b' }] }, 'u', 'x.example'));
});

test('the declarations declare every exported name', { skip: notBuilt }, () => {
  const dts = readFileSync(new URL('dist/verto.d.ts', root), 'utf8');
  for (const name of Object.keys(source)) {
    assert.match(dts, new RegExp(`export (declare )?(class|function|const) ${name}\\b`), `${name} is declared`);
  }
});

test('the minified UMD bundle defines window.Verto for a <script> tag', { skip: notBuilt }, async () => {
  const { runInNewContext } = await import('node:vm');
  const code = readFileSync(new URL('dist/verto.umd.min.js', root), 'utf8');
  const window = { TextEncoder, URL };
  runInNewContext(code, window);
  assert.equal(typeof window.Verto.VertoClient, 'function');
  assert.deepEqual(Object.keys(window.Verto).sort(), Object.keys(source).sort());
  assert.ok(code.length < readFileSync(new URL('dist/verto.umd.cjs', root), 'utf8').length / 2, 'minified');
});

test('the bundles have no imports: they load in a page as /sdk/verto.esm.js alone', { skip: notBuilt }, () => {
  const esm = readFileSync(new URL('dist/verto.esm.js', root), 'utf8');
  assert.doesNotMatch(esm, /^\s*import\s/m);
  assert.doesNotMatch(esm, /require\(/);
});

test('the README states the size of the minified build as built (KB of 1000 bytes, rounded)', { skip: notBuilt }, () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const stated = /`dist\/verto\.umd\.min\.js` \(about (\d+) KB, (\d+) KB gzipped\)/.exec(readme);
  assert.ok(stated, 'the README states the size');
  const code = readFileSync(new URL('dist/verto.umd.min.js', root));
  assert.deepEqual([Number(stated[1]), Number(stated[2])], [Math.round(code.length / 1000), Math.round(gzipSync(code, { level: 9 }).length / 1000)]);
});

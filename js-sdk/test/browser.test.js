/**
 * The SDK in a Chromium page with no gateway running, as a developer first meets it: the minified
 * <script> build, set up by the README, settles connect() with typed errors instead of retrying
 * for ever. The page runs twice: as Chromium is, and with every API newer than the README's
 * browser floor deleted before the SDK loads (test/support/browser-floor.js), the nearest this
 * machine has to the oldest browsers the README names. Chromium runs headless on a loopback page
 * with virtual time (no sleeps); the test is skipped where Chromium is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FEATURE_TESTED, NEWER_APIS } from './support/browser-floor.js';

const bundle = new URL('../dist/verto.umd.min.js', import.meta.url);
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const skip = !existsSync(bundle) ? 'dist/ is not built: run npm run build' : !chromium ? 'no Chromium installed' : false;

/** Deletes the APIs newer than the floor from the page, before the SDK loads; says which it found. */
const BELOW_FLOOR = `<script>
  window.removed = ${JSON.stringify([...NEWER_APIS, ...FEATURE_TESTED].map((api) => api.name))}.filter((name) => {
    const path = name.split('.');
    const property = path.pop();
    const owner = path.reduce((object, key) => (object == null ? object : object[key]), window);
    if (owner == null || !(property in owner)) return false;
    for (let o = owner; o; o = Object.getPrototypeOf(o)) delete o[property];
    return !(property in owner);
  });
</script>`;

const page = (/** @type {string} */ prelude) => `<!doctype html><meta charset="utf-8">${prelude}<script src="/verto.umd.min.js"></script><pre id="out"></pre>
<script>
  const settle = (p) => p.then(() => 'resolved', (e) => ({ name: e.name, code: e.code, option: e.option, status: e.status, isVertoError: e instanceof Verto.VertoError }));
  (async () => {
    const out = {};
    try { new Verto.VertoClient({ login: '1000' }); } catch (e) { out.badLogin = { name: e.name, code: e.code, option: e.option }; }
    out.explicitMap404 = await settle(new Verto.VertoClient({ login: '1000@a.example', passwd: 'x', mapUrl: '/maps/none.json' }).connect());
    const fallback = new Verto.VertoClient({ login: '1000@a.example', passwd: 'x' });
    const endpoints = [];
    fallback.on('connecting', (e) => endpoints.push(e.endpoint));
    out.noGateway = await settle(fallback.connect());
    out.endpoints = endpoints;
    out.removed = window.removed ?? [];
    document.getElementById('out').textContent = JSON.stringify(out);
  })();
</script>`;

const VARIANTS = [
  { title: 'in a page with no gateway, setup mistakes and the same-origin fallback settle connect() with typed errors', prelude: '' },
  { title: 'the same page with every API newer than the browser floor deleted before the SDK loads', prelude: BELOW_FLOOR },
];

for (const { title, prelude } of VARIANTS) {
  test(title, { skip, timeout: 120000 }, async () => {
    const requests = [];
    const server = createServer((req, res) => {
      requests.push(req.url);
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page(prelude));
      else if (req.url === '/verto.umd.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundle));
      else res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const profile = mkdtempSync(join(tmpdir(), 'verto-sdk-chromium-'));
    try {
      const origin = `http://127.0.0.1:${server.address().port}`;
      const { stdout } = await promisify(execFile)(
        chromium,
        ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${profile}`, '--virtual-time-budget=60000', '--dump-dom', `${origin}/`],
        { maxBuffer: 4 * 1024 * 1024, timeout: 90000 },
      );
      const out = JSON.parse(/<pre id="out">([^<]*)<\/pre>/.exec(stdout)?.[1].replace(/&quot;/g, '"') ?? 'null');
      assert.ok(out, `the page reported nothing:\n${stdout.slice(0, 2000)}`);
      assert.deepEqual(out.badLogin, { name: 'SetupError', code: 'setup', option: 'login' });
      assert.deepEqual(out.explicitMap404, { name: 'MapFetchError', code: 'map-unavailable', status: 404, isVertoError: true });
      assert.equal(out.noGateway.code, 'network');
      assert.deepEqual(out.endpoints, Array(3).fill(`ws://127.0.0.1:${server.address().port}/verto`), 'the same-origin /verto, three times, then it gives up');
      assert.ok(requests.includes('/v1/partition-map?domain=a.example'), 'the default map URL was tried first');
      if (prelude) {
        assert.ok(out.removed.includes('AbortSignal.prototype.throwIfAborted') && out.removed.includes('AbortSignal.prototype.reason'), JSON.stringify(out.removed));
        assert.ok(out.removed.length >= 10, `${out.removed.length} APIs removed from the page`);
      } else assert.deepEqual(out.removed, []);
    } finally {
      server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}

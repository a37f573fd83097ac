/**
 * The README's browser support holds: the sources use nothing newer than the oldest browsers it
 * names (test/support/browser-floor.js). ESLint refuses newer APIs and syntax in src/, and the
 * behaviour tests run again in a Node where every newer API trips when the SDK touches it (a use
 * ESLint cannot see, through a variable, fails there). Chrome 93 itself cannot run here; the
 * feature list stands in for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { FLOOR, NEWER_APIS, NEWER_SYNTAX, FEATURE_TESTED, partsOf } from './support/browser-floor.js';

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL('..', import.meta.url));
const preload = fileURLToPath(new URL('./support/below-floor.js', import.meta.url));
/**
 * Everything but the tests of packaging and of a real browser, this one, and the wall-clock load
 * test of 1,000 clients (its virtual-time twin runs: same code, no timing on a busy machine).
 */
const NOT_BEHAVIOUR = ['browser-floor.test.js', 'pack.test.js', 'browser.test.js', 'package.test.js', 'reconnect-simulation.test.js'];

/** A nested `node --test` reports to its parent runner, not to stdout, while NODE_TEST_CONTEXT is set. */
function outsideTestRunner() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

test('the README states the floor this test enforces', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = /## Browser support\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  assert.ok(section.includes(`Chrome and Edge ${FLOOR.Chrome}+, Firefox ${FLOOR.Firefox}+, Safari ${FLOOR.Safari}+`), section.slice(0, 300));
});

test('ESLint refuses in src/ every API and syntax newer than the floor', async () => {
  const probes = NEWER_APIS.map((api) => {
    const { owner, property, instance, global } = partsOf(api);
    if (api.receiver) return `signal.${property};`;
    if (instance) return `value.${property}();`;
    return global ? `${property}();` : `${owner}.${property}();`;
  });
  const code = `/* global signal, value */\n${probes.join('\n')}\nexport class A { static { A.x = 1; } }\nexport const lookbehind = /(?<=a)b/;\n`;
  const [result] = await new ESLint({ cwd: sdkDir }).lintText(code, { filePath: `${sdkDir}src/floor-probe.js` });
  assert.equal(result.fatalErrorCount, 0, JSON.stringify(result.messages));
  const lines = new Set(result.messages.filter((m) => /^no-restricted-/.test(m.ruleId ?? '')).map((m) => m.line));
  probes.forEach((probe, index) => assert.ok(lines.has(index + 2), `${NEWER_APIS[index].name} is refused (${probe})`));
  assert.equal(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.line > probes.length + 1).length, NEWER_SYNTAX.length);
});

test('the sources use nothing newer than the floor', async () => {
  const results = await new ESLint({ cwd: sdkDir }).lintFiles(['src/']);
  const beyond = results.flatMap((r) => r.messages.filter((m) => m.fatal || /^no-restricted-/.test(m.ruleId ?? '')).map((m) => `${r.filePath}:${m.line} ${m.message}`));
  assert.deepEqual(beyond, []);
});

test('the built bundles parse as ES2022', { skip: existsSync(new URL('../dist/verto.esm.js', import.meta.url)) ? false : 'dist/ is not built: run npm run build' }, async () => {
  const overrideConfig = { languageOptions: { ecmaVersion: 2022, sourceType: 'module' }, rules: {} };
  const bundles = new ESLint({ cwd: sdkDir, overrideConfigFile: true, overrideConfig });
  for (const file of ['verto.esm.js', 'verto.umd.min.js']) {
    const [bundle] = await bundles.lintText(readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8'));
    assert.deepEqual(bundle.messages, [], `dist/${file} parses as ES2022`);
  }
});

test('the preload trips on newer APIs touched by the SDK only, and removes the feature-tested ones', async () => {
  const probe = `
    import vm from 'node:vm';
    const attempt = (code, filename) => { try { vm.runInThisContext(code, { filename }); return 'ran'; } catch (e) { return e.message; } };
    const sdk = new URL('src/probe.js', ${JSON.stringify(new URL('..', import.meta.url).href)}).href;
    const calls = ${JSON.stringify(['[1].at(0)', 'Object.hasOwn({}, "x")', 'new AbortController().signal.throwIfAborted()', 'new AbortController().signal.reason', 'structuredClone(1)'])};
    console.log(JSON.stringify({
      sdk: calls.map((code) => attempt(code, sdk)),
      tests: calls.map((code) => attempt(code, 'file:///elsewhere/probe.js')),
      removed: [typeof globalThis.reportError, typeof globalThis.crypto.randomUUID],
    }));`;
  const { stdout } = await run(process.execPath, ['--import', preload, '--input-type=module', '-e', probe], { cwd: sdkDir });
  const out = JSON.parse(stdout);
  for (const message of out.sdk) assert.match(message, /newer than the README's browser floor/);
  assert.deepEqual(out.tests, Array(out.tests.length).fill('ran'));
  assert.deepEqual(out.removed, FEATURE_TESTED.map(() => 'undefined'));
});

test('the behaviour tests pass with every API newer than the floor unavailable to the SDK', { timeout: 180000 }, async () => {
  const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.test.js') && !NOT_BEHAVIOUR.includes(name));
  assert.ok(files.length >= 15, files.join(' '));
  const result = await run(process.execPath, ['--import', preload, '--test', '--test-reporter=tap', ...files.map((name) => `test/${name}`)], {
    cwd: sdkDir,
    env: outsideTestRunner(),
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error) => error);
  const output = String(result.stdout ?? '');
  const count = (/** @type {string} */ what) => Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const failures = output.split('\n').filter((line) => /^\s*not ok /.test(line));
  assert.deepEqual(failures, [], output.split('\n').filter((line) => /^\s*(not ok|error:| {2}[+-] )|Error/.test(line)).slice(0, 80).join('\n'));
  assert.equal(count('fail'), 0);
  assert.ok(count('pass') >= 140, `${count('pass')} tests passed`);
  assert.equal(result.code ?? 0, 0);
});

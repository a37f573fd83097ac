/**
 * The SDK as a web developer installs it: a copy of what git tracks, as a fresh clone has it (no
 * dist/, nothing untracked), is packed with `npm pack` (its prepack builds), the tarball is installed offline into an empty
 * project, and used from ESM, from CommonJS and from TypeScript under --strict (with `ws`, with
 * the browser's WebSocket, through `require`, and in a Node project without DOM types, plus the
 * README's quick start); @arethetypeswrong/cli checks the tarball's declarations. TypeScript, ws
 * and their types come from this package's devDependencies: nothing is fetched.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL('..', import.meta.url));
const modules = join(sdkDir, 'node_modules');
const examples = fileURLToPath(new URL('./pack-examples/', import.meta.url));
const tsc = join(modules, 'typescript', 'bin', 'tsc');
const missing = ['typescript', 'ws', '@types/ws', '@types/node', '@arethetypeswrong/cli', 'rollup'].filter((name) => !existsSync(join(modules, name)));
/** The SDK's files as git tracks them (their working-tree content), test/ aside; null outside a git checkout. */
const tracked = (() => {
  try {
    const files = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: sdkDir, encoding: 'utf8' }).split('\0');
    return files.filter((file) => file !== '' && !file.startsWith('test/') && existsSync(join(sdkDir, file)));
  } catch {
    return null;
  }
})();
const skip =
  missing.length > 0 ? `devDependencies missing (${missing.join(', ')}): run npm ci` : tracked === null ? 'not a git checkout: the pack test packs what git tracks' : false;

/** @param {string} dir @param {string[]} args */
async function npm(dir, args) {
  return run('npm', args, { cwd: dir, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, maxBuffer: 16 * 1024 * 1024 });
}

describe('the packed SDK in an empty project', { skip, timeout: 240000 }, () => {
  let work;
  let tarball;
  let app;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'verto-sdk-pack-'));
    const fresh = join(work, 'fresh');
    mkdirSync(fresh);
    for (const file of tracked ?? []) {
      mkdirSync(dirname(join(fresh, file)), { recursive: true });
      copyFileSync(join(sdkDir, file), join(fresh, file));
    }
    symlinkSync(modules, join(fresh, 'node_modules'), 'dir');
    const { stdout } = await npm(fresh, ['pack', '--json', '--pack-destination', work]);
    tarball = join(work, JSON.parse(stdout)[0].filename);
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
    await npm(app, ['install', '--offline', '--no-package-lock', tarball]);
    for (const name of ['ws', '@types/ws', '@types/node', 'undici-types']) {
      if (!existsSync(join(modules, name))) continue;
      mkdirSync(join(app, 'node_modules', name, '..'), { recursive: true });
      symlinkSync(join(modules, name), join(app, 'node_modules', name), 'dir');
    }
    cpSync(examples, app, { recursive: true });
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs what git tracks: prepack builds the bundles, the declarations and the minified UMD', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n');
    assert.ok(!tracked?.some((file) => file.startsWith('dist/')), 'dist/ is build output, not tracked');
    const sources = files.filter((file) => file.startsWith('package/src/')).map((file) => file.slice('package/'.length));
    assert.deepEqual(sources.sort(), tracked?.filter((file) => file.startsWith('src/')).sort(), 'the tarball ships the tracked sources, nothing else');
    for (const file of ['package/dist/verto.esm.js', 'package/dist/verto.umd.cjs', 'package/dist/verto.umd.min.js', 'package/dist/verto.d.ts', 'package/dist/verto.d.cts', 'package/README.md', 'package/package.json']) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules', '@vertogw', 'verto-js-sdk', 'package.json'), 'utf8'));
    assert.equal(pkg.license, 'Apache-2.0');
    assert.deepEqual(pkg.exports['.'].import, { types: './dist/verto.d.ts', default: './dist/verto.esm.js' });
    assert.deepEqual(pkg.exports['.'].require, { types: './dist/verto.d.cts', default: './dist/verto.umd.cjs' });
  });

  it('imports from ESM: setup mistakes are VertoErrors, an unreachable endpoint rejects connect()', async () => {
    const { stdout } = await run(process.execPath, ['run.mjs'], { cwd: app });
    const out = JSON.parse(stdout);
    assert.ok(out.exports > 30);
    assert.deepEqual(out.setup, { code: 'setup', option: 'login', isVertoError: true });
    assert.equal(out.unreachable, 'network');
  });

  it('requires from CommonJS', async () => {
    const { stdout } = await run(process.execPath, ['run.cjs'], { cwd: app });
    const out = JSON.parse(stdout);
    assert.ok(out.exports > 30);
    assert.ok(['a', 'b'].includes(out.island));
    assert.deepEqual(out.setup, { code: 'setup', option: 'reconnect.maxAttempts' });
  });

  for (const example of ['ws-node', 'dom-browser', 'cjs', 'node-no-dom']) {
    it(`type-checks under --strict: ${example}`, async () => {
      const dir = join(app, example);
      // the example's own package.json decides ESM or CommonJS; the SDK is found in app/node_modules
      const result = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).catch((error) => error);
      assert.equal(result.code ?? 0, 0, `tsc -p ${example}:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    });
  }

  it('the README quick start type-checks as a strict TypeScript page', async () => {
    const readme = readFileSync(join(sdkDir, 'README.md'), 'utf8');
    const block = /## Quick start[\s\S]*?```js\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'the README has a Quick start js block');
    writeFileSync(join(app, 'dom-browser', 'readme.ts'), block[1]);
    const result = await run(process.execPath, [tsc, '-p', join(app, 'dom-browser')], { cwd: app }).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  });

  it('@arethetypeswrong/cli finds no problem in the tarball', async () => {
    const attw = join(modules, '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const result = await run(process.execPath, [attw, tarball, '--format', 'json'], { cwd: work, maxBuffer: 16 * 1024 * 1024 }).catch((error) => error);
    const report = JSON.parse(result.stdout);
    const problems = Object.values(report.problems ?? {}).flat();
    assert.deepEqual(problems, [], JSON.stringify(problems, null, 1).slice(0, 2000));
    assert.ok(report.analysis, 'attw analysed the package');
    assert.equal(result.code ?? 0, 0);
  });
});

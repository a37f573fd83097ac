/**
 * The page uses only the SDK's public API: the code that touches the SDK (tsconfig.json lists it)
 * is type-checked against the SDK's declarations (js-sdk/types), which declare the public API and
 * nothing internal, so a use of an internal member, or of one the SDK dropped, fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const demoDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(demoDir, 'node_modules', 'typescript', 'bin', 'tsc');

/** @param {string} project */
async function typecheck(project) {
  const result = await run(process.execPath, [tsc, '-p', project], { cwd: demoDir }).catch((error) => error);
  return { code: result.code ?? 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

test('the page code that drives the SDK type-checks against the SDK declarations', { timeout: 120000 }, async () => {
  const { code, output } = await typecheck(demoDir);
  assert.equal(code, 0, output);
});

test('the check has teeth: internal members of a client or a call are not in the declarations', { timeout: 120000 }, async () => {
  // at the depth of src/, so that its imports of ../../js-sdk resolve the same way
  const probe = mkdtempSync(join(demoDir, '.api-probe-'));
  try {
    writeFileSync(
      join(probe, 'probe.js'),
      `/**
 * @param {import('../../js-sdk/types/index.js').VertoClient} client
 * @param {import('../../js-sdk/types/index.js').Call} call
 */
export function probe(client, call) {
  client.listenerFailed(new Error('x'), 'login');
  call.handleInvite({});
  return call.state;
}
`,
    );
    writeFileSync(join(probe, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', files: ['probe.js'] }));
    const { code, output } = await typecheck(probe);
    assert.notEqual(code, 0);
    assert.match(output, /Property 'listenerFailed' does not exist/);
    assert.match(output, /Property 'handleInvite' does not exist/);
    assert.doesNotMatch(output, /'state'/);
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
});

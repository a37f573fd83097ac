import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { resolveIsland, murmur3 } from '../src/index.js';

// The repository's partition vectors, the same file the Java partitioner passes (docs/partitioning.md).
const testdataDir = process.env.VERTO_TESTDATA_DIR ?? resolve(fileURLToPath(new URL('../../testdata', import.meta.url)));
const vectors = JSON.parse(readFileSync(resolve(testdataDir, 'partitioning/vectors.json'), 'utf8'));

test('the shared vectors file holds murmur3 values and island cases', () => {
  assert.ok(vectors.murmur3_32.length > 0);
  assert.ok(vectors.cases.length > 0);
});

test('murmur3_32 matches every shared vector over UTF-8 bytes', () => {
  for (const { utf8, murmur3_32: expected } of vectors.murmur3_32) {
    assert.equal(murmur3(utf8), expected, `murmur3_32(${JSON.stringify(utf8)})`);
  }
});

test('resolveIsland gives the home, serving island and key of every shared case', () => {
  for (const c of vectors.cases) {
    const actual = resolveIsland(vectors.maps[c.map], c.user, c.domain, c.down);
    assert.deepEqual(
      actual,
      { home: c.home, serving: c.serving, key: c.key },
      `${c.map} ${JSON.stringify(c.user)}@${JSON.stringify(c.domain)} down=${c.down.join(',')}`,
    );
  }
});

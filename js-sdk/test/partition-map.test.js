import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PartitionMap, PartitionMapError, resolveIsland } from '../src/index.js';

const good = { version: 3, partitionBy: 'domain', islands: [{ id: 'fs-01' }, { id: 'spare-a', role: 'spare' }], pins: {} };

function refusal(map, field) {
  assert.throws(
    () => new PartitionMap(map),
    (e) => e instanceof PartitionMapError && e.field === field && e.message.startsWith(`${field}: `),
    `expected a refusal naming ${field}`,
  );
}

test('a map with no active island is refused', () => refusal({ islands: [{ id: 'spare', role: 'spare' }] }, 'islands'));
test('a duplicate island id is refused', () => refusal({ islands: [{ id: 'a' }, { id: 'a' }] }, 'islands[1].id'));
test('an island id outside [A-Za-z0-9._-]{1,64} is refused', () => {
  refusal({ islands: [{ id: 'fs 01' }] }, 'islands[0].id');
  refusal({ islands: [{ id: '' }] }, 'islands[0].id');
  refusal({ islands: [{ id: 'x'.repeat(65) }] }, 'islands[0].id');
  refusal({ islands: [{}] }, 'islands[0].id');
});
test('a weight out of 1..64 or not an integer is refused', () => {
  for (const weight of [0, 65, 1.5, '2', null]) refusal({ islands: [{ id: 'a', weight }] }, 'islands[0].weight');
});
test('an unknown role is refused', () => refusal({ islands: [{ id: 'a', role: 'backup' }] }, 'islands[0].role'));
test('a pin to an unknown island is refused', () => refusal({ islands: [{ id: 'a' }], pins: { 'x.example': 'b' } }, 'pins.x.example'));
test('a pin to a spare island is refused', () => refusal({ ...good, pins: { 'x.example': 'spare-a' } }, 'pins.x.example'));
test('an unknown partitionBy is refused', () => refusal({ ...good, partitionBy: 'user' }, 'partitionBy'));
test('a negative or fractional version is refused', () => {
  refusal({ ...good, version: -1 }, 'version');
  refusal({ ...good, version: 1.5 }, 'version');
});
test('a gateway endpoint that is not ws:// or wss:// is refused', () => {
  refusal({ ...good, gateways: ['https://gw/verto'] }, 'gateways[0]');
  refusal({ ...good, islands: [{ id: 'a', gateways: [42] }] }, 'islands[0].gateways[0]');
});
test('a map that is not an object is refused', () => {
  refusal(null, 'map');
  refusal([], 'map');
  refusal({}, 'islands');
});

test('defaults: weight 1, role active, partitionBy domain, version 0', () => {
  const map = new PartitionMap({ islands: [{ id: 'a' }] });
  assert.deepEqual(map.islands[0], { id: 'a', weight: 1, role: 'active', state: undefined, gateways: undefined });
  assert.equal(map.partitionBy, 'domain');
  assert.equal(map.version, 0);
});

test('an island\'s own gateways are preferred to the top-level list', () => {
  const map = new PartitionMap({ ...good, gateways: ['wss://all/verto'], islands: [{ id: 'fs-01', gateways: ['wss://one/verto'] }, { id: 'fs-02' }] });
  assert.deepEqual(map.endpointsFor('fs-01'), ['wss://one/verto']);
  assert.deepEqual(map.endpointsFor('fs-02'), ['wss://all/verto']);
  assert.deepEqual(map.endpointsFor(null), ['wss://all/verto']);
});

test('the down set defaults to the islands the map reports down', () => {
  const map = { islands: [{ id: 'fs-01', state: 'down' }, { id: 'spare', role: 'spare', state: 'up' }] };
  assert.deepEqual(resolveIsland(map, '1000', 'a.example'), { home: 'fs-01', serving: 'spare', key: 'a.example' });
  assert.deepEqual(resolveIsland(map, '1000', 'a.example', []), { home: 'fs-01', serving: 'fs-01', key: 'a.example' });
});

test('folding trims white space and lowers ASCII letters only', () => {
  const map = { partitionBy: 'extension', islands: [{ id: 'a' }] };
  assert.equal(resolveIsland(map, ' \tAlice\n', '  ACME.Example ').key, 'alice@acme.example');
  assert.equal(resolveIsland(map, 'ZOË', 'x').key, 'zoË@x', 'no Unicode case folding');
  assert.equal(resolveIsland(map, 'İ', 'x').key, 'İ@x');
});

test('pins match the folded domain', () => {
  const map = { islands: [{ id: 'a' }, { id: 'b' }], pins: { 'acme.example': 'b' } };
  assert.equal(resolveIsland(map, 'u', ' ACME.example').home, 'b');
});

test('an empty user or domain is invalid input, not a partition', () => {
  const byExtension = { partitionBy: 'extension', islands: [{ id: 'a' }] };
  assert.throws(() => resolveIsland(byExtension, '  ', 'a.example'), (e) => e instanceof PartitionMapError && e.field === 'user');
  assert.throws(() => resolveIsland(good, 'u', ' '), (e) => e instanceof PartitionMapError && e.field === 'domain');
  assert.throws(() => resolveIsland(good, 'u', null), (e) => e instanceof PartitionMapError && e.field === 'domain');
});

test('resolveIsland accepts a validated PartitionMap as well as raw JSON', () => {
  const raw = { islands: [{ id: 'a' }, { id: 'b', weight: 3 }] };
  assert.deepEqual(resolveIsland(new PartitionMap(raw), 'u', 'd.example'), resolveIsland(raw, 'u', 'd.example'));
});

/**
 * The README's API reference is the API: its export table lists exactly what src/index.js
 * exports, its method, property, option and event tables exactly what the declarations declare
 * (and the runtime has), its error table every error code. A name added to one and not the other,
 * or documented and since removed, fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as sdk from '../src/index.js';
import { CALL_EVENTS, CLIENT_EVENTS, CONFERENCE_EVENTS } from '../src/event-names.js';
import { setup } from './support/harness.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const declarations = (/** @type {string} */ part) => readFileSync(new URL(`../types/${part}.d.ts`, import.meta.url), 'utf8');

/** The text under a `##`/`###` heading, up to the next heading of any level. */
function section(/** @type {string} */ title) {
  const match = new RegExp(`^#{2,3} ${title}\\n([\\s\\S]*?)(?=^#{2,3} |(?![\\s\\S]))`, 'm').exec(readme);
  assert.ok(match, `the README has a "${title}" section`);
  return match[1];
}

/** The names in the first column of the table whose header starts with `| first |`, in `text`. */
function firstColumn(/** @type {string} */ text, /** @type {string} */ first) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  assert.ok(start >= 0, `a table headed "${first}"`);
  const names = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    names.push(...ticked(line.split('|')[1]));
  }
  return names;
}

/** Identifiers in backticks, a call's name without its arguments (`connect()` → connect). */
function ticked(/** @type {string} */ text) {
  return [...text.matchAll(/`([A-Za-z_$][\w$]*)(?:\([^`]*\))?`/g)].map((m) => m[1]);
}

/** The `Properties: ...` paragraph of a section. */
function properties(/** @type {string} */ text) {
  const paragraph = /^Properties: ([\s\S]*?)\n\n/m.exec(text);
  assert.ok(paragraph, 'a Properties paragraph');
  return ticked(paragraph[1].replace(/\(`[^)]*`\)|`\{[^`]*\}`/g, ''));
}

/** Members of `export class Name` (or `export interface Name`) in a declaration file. */
function declared(/** @type {string} */ file, /** @type {string} */ kind, /** @type {string} */ name) {
  const body = new RegExp(`^export ${kind} ${name}\\b[^{]*\\{\\n([\\s\\S]*?)^\\}`, 'm').exec(declarations(file));
  assert.ok(body, `${file}.d.ts declares ${kind} ${name}`);
  const methods = [];
  const fields = [];
  for (const line of body[1].split('\n')) {
    const member = /^ {2}(?:readonly |protected )?([A-Za-z_$][\w$]*)(\??)([(:<])/.exec(line);
    if (!member || member[1] === 'constructor') continue;
    (member[3] === ':' ? fields : methods).push(member[1]);
  }
  return { methods, fields };
}

const sorted = (/** @type {Iterable<string>} */ names) => [...new Set(names)].sort();

test('the export table lists every export of the package, and nothing else', () => {
  assert.deepEqual(sorted(firstColumn(section('API reference'), 'export')), sorted(Object.keys(sdk)));
});

test('the VertoClient methods and properties are the declared ones, and exist', () => {
  const text = section('VertoClient');
  const { methods, fields } = declared('api', 'class', 'VertoClient');
  assert.deepEqual(sorted(firstColumn(text, 'method')), sorted(methods));
  assert.deepEqual(sorted(properties(text)), sorted(fields));
  const client = new sdk.VertoClient({ login: '1000@a.example', passwd: 'x', gateways: ['wss://gw.example/verto'], WebSocket: class {} });
  for (const name of methods) assert.equal(typeof client[name], 'function', `client.${name}()`);
  for (const name of fields) assert.ok(name in client, `client.${name}`);
});

test('the VertoClient options are the declared ones', () => {
  assert.deepEqual(sorted(firstColumn(section('VertoClient'), 'option')), sorted(declared('options', 'interface', 'VertoClientOptions').fields));
});

test('the Call methods and properties are the declared ones, and exist on a call', async () => {
  const text = section('Call');
  const { methods, fields } = declared('api', 'class', 'Call');
  assert.deepEqual(sorted(firstColumn(text, 'method')), sorted(methods));
  assert.deepEqual(sorted(properties(text)), sorted(fields));
  const { client } = setup();
  await client.connect();
  const call = client.call('9196');
  for (const name of methods) assert.equal(typeof call[name], 'function', `call.${name}()`);
  for (const name of fields) assert.ok(name in call, `call.${name}`);
  await call.hangup();
  await client.disconnect();
});

test('the event tables name exactly the events the declarations type and the emitters accept', () => {
  const clientEvents = declared('events', 'interface', 'ClientEvents').fields;
  const callEvents = declared('events', 'interface', 'CallEvents').fields;
  assert.deepEqual(sorted(firstColumn(section('VertoClient'), 'event')), sorted(clientEvents));
  assert.deepEqual(sorted(CLIENT_EVENTS), sorted(clientEvents));
  assert.deepEqual(sorted(firstColumn(section('Call'), 'event')), sorted(callEvents));
  assert.deepEqual(sorted(CALL_EVENTS), sorted(callEvents));
});

test('the error table covers every error code, with exported VertoError classes', () => {
  const lines = section('Errors')
    .split('\n')
    .filter((line) => /^\| `/.test(line));
  const codes = lines.flatMap((line) => [...line.split('|')[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  const union = /export type VertoErrorCode =([^;]*);/.exec(declarations('errors'))?.[1] ?? '';
  assert.deepEqual(sorted(codes), sorted([...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1])));
  for (const line of lines) {
    for (const name of ticked(line.split('|')[2])) {
      const type = /** @type {any} */ (sdk)[name];
      assert.ok(type === sdk.VertoError || type?.prototype instanceof sdk.VertoError, `${name} is an exported VertoError`);
    }
  }
});

test('the Conference methods, properties and events are the declared ones', () => {
  const text = section('Conference');
  const { methods, fields } = declared('api', 'class', 'Conference');
  assert.deepEqual(sorted(firstColumn(text, 'method')), sorted(methods));
  assert.deepEqual(sorted(properties(text)), sorted(fields));
  const conferenceEvents = declared('events', 'interface', 'ConferenceEvents').fields;
  assert.deepEqual(sorted(firstColumn(text, 'event')), sorted(conferenceEvents));
  assert.deepEqual(sorted(CONFERENCE_EVENTS), sorted(conferenceEvents));
  for (const name of methods) assert.equal(typeof sdk.Conference.prototype[name], 'function', `conference.${name}()`);
});

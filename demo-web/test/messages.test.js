import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConnectionError, TimeoutError, PuntError, MediaError, SetupError, ArgumentError, HangupError } from '../../js-sdk/src/index.js';
import { rpcErrorForTest } from '../../js-sdk/test/support/errors.js';
import { describeError, describeCallEnd } from '../src/messages.js';

test('refused credentials read by their reason, whatever the island wrote', () => {
  assert.equal(describeError(rpcErrorForTest('login', { code: -32001, message: 'Authentication Failure' })), 'Wrong user or password.');
  assert.equal(describeError(rpcErrorForTest('login', { code: -32001, message: 'Login Incorrect' })), 'Wrong user or password.');
  assert.equal(describeError(rpcErrorForTest('login', { code: -32001, message: 'Missing passwd' })), 'Enter the password.');
  assert.match(describeError(rpcErrorForTest('login', { code: -32001, message: 'Session in use' })), /another user/);
});

test('gateway errors name the island trouble and the domain', () => {
  assert.equal(describeError(rpcErrorForTest('login', { code: -32011, message: 'No island available' }), { domain: 'a.example' }), 'No island is available for a.example right now.');
  assert.equal(describeError(rpcErrorForTest('login', { code: -32012, message: 'Island unreachable' }), { domain: 'b.example' }), 'The island for b.example is unreachable.');
  assert.equal(describeError(rpcErrorForTest('login', { code: -32013, message: 'Rate limited', data: { retryAfterMs: 5 } })), 'The gateway is busy.');
  assert.match(describeError(rpcErrorForTest('verto.modify', { code: -32002, message: 'call is not bridged' })), /Only a call with a person/);
});

test('connection troubles are told apart', () => {
  assert.match(describeError(new ConnectionError('x', { closeCode: 1008, fatal: true })), /refused this connection/);
  assert.match(describeError(new ConnectionError('x', { closeCode: 1013 })), /draining or overloaded/);
  assert.equal(describeError(new ConnectionError('x', { closeCode: 1006 })), 'Cannot reach the gateway.');
  assert.equal(describeError(new TimeoutError('login', 10000)), 'The gateway did not answer in time.');
  assert.match(describeError(new PuntError()), /another window/);
  assert.equal(describeError(new SetupError('login', 'x')), 'Sign in as user@domain, for example 1000@a.example.');
  assert.equal(describeError(new ArgumentError('body', 'x')), 'Type a message first.');
});

test('media problems read by their reason', () => {
  assert.equal(describeError(new MediaError('permission-denied', 'microphone unavailable: NotAllowedError: Permission denied')), 'Microphone blocked: allow it for this site to call.');
  assert.equal(describeError(new MediaError('no-device', 'x')), 'No microphone found.');
  assert.equal(describeError(new MediaError('insecure-context', 'x')), 'Calls need a secure page (https).');
});

test('call ends read by their reason; a cause the SDK does not know is named', () => {
  assert.equal(describeCallEnd({ reason: 'busy', cause: 'USER_BUSY' }), 'Busy');
  assert.equal(describeCallEnd({ reason: 'connection-lost', cause: 'NOT_REATTACHED' }), 'Call lost: the connection dropped');
  assert.equal(describeCallEnd({ reason: 'transferred', cause: 'NORMAL_CLEARING' }), 'Transferred');
  assert.equal(describeCallEnd({ reason: 'failed', cause: 'SOME_NEW_CAUSE' }), 'Call failed (some new cause)');
  assert.equal(describeCallEnd({ reason: 'media', cause: 'MEDIA_ERROR', error: new MediaError('permission-denied', 'x') }), 'Microphone blocked: allow it for this site to call.');
  assert.equal(describeError(new HangupError('c1', { cause: 'NO_ANSWER', reason: 'no-answer' })), 'No answer');
});

test('the page never reads message texts, and words no FreeSWITCH cause name', () => {
  const read = (file) => readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8');
  for (const file of ['messages.js', 'softphone.js', 'view.js', 'app.js']) {
    assert.doesNotMatch(read(file), /error\??\.message\b|\.rpcMessage|\.details\b|\.test\(.*error/, `${file} reads an error message`);
  }
  for (const file of ['messages.js', 'view.js']) assert.doesNotMatch(read(file), /'[A-Z]+_[A-Z_]+'/, `${file} names a FreeSWITCH cause`);
});

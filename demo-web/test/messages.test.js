import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RpcError, AuthenticationError, ConnectionError, TimeoutError, PuntError, MediaError } from '../../js-sdk/src/index.js';
import { describeError, describeCallEnd } from '../src/messages.js';

test('refused credentials read as a wrong user or password', () => {
  assert.equal(describeError(new AuthenticationError('login', { code: -32001, message: 'Authentication Failure' })), 'Wrong user or password.');
  assert.equal(describeError(new AuthenticationError('login', { code: -32001, message: 'Login Incorrect' })), 'Wrong user or password.');
  assert.match(describeError(new AuthenticationError('login', { code: -32001, message: 'Session in use' })), /another user/);
});

test('gateway errors name the island trouble and the domain', () => {
  assert.equal(describeError(new RpcError('login', { code: -32011, message: 'No island available' }), { domain: 'a.example' }), 'No island is available for a.example right now.');
  assert.equal(describeError(new RpcError('login', { code: -32012, message: 'Island unreachable' }), { domain: 'b.example' }), 'The island for b.example is unreachable.');
  assert.equal(describeError(new RpcError('login', { code: -32013, message: 'Rate limited' })), 'The gateway is busy.');
});

test('connection troubles are told apart', () => {
  assert.match(describeError(new ConnectionError('x', { closeCode: 1008, fatal: true })), /refused this connection/);
  assert.match(describeError(new ConnectionError('x', { closeCode: 1013 })), /draining or overloaded/);
  assert.equal(describeError(new ConnectionError('x', { closeCode: 1006 })), 'Cannot reach the gateway.');
  assert.equal(describeError(new TimeoutError('login', 10000)), 'The gateway did not answer in time.');
  assert.match(describeError(new PuntError()), /another window/);
  assert.equal(describeError(new MediaError('microphone unavailable: Permission denied')), 'Microphone unavailable: Permission denied');
});

test('call ends read as people say them, unknown causes in lower case', () => {
  assert.equal(describeCallEnd({ cause: 'USER_BUSY' }), 'Busy');
  assert.equal(describeCallEnd({ cause: 'NOT_REATTACHED' }), 'Call lost while reconnecting');
  assert.equal(describeCallEnd({ cause: 'SOME_NEW_CAUSE' }), 'some new cause');
  assert.equal(describeCallEnd({ cause: 'MEDIA_ERROR', error: new MediaError('microphone unavailable: NotAllowedError') }), 'Microphone unavailable: NotAllowedError');
});

import { VertoClient } from '../../src/index.js';
import { FakeGateway } from './fake-gateway.js';
import { FakeClock } from './fake-clock.js';
import { fakeMedia, FakePeerConnection } from './fake-webrtc.js';

/** A one-island map whose gateways are the fake gateways' names. */
export function mapFor(gateways, { version = 1, islands } = {}) {
  return {
    version,
    partitionBy: 'domain',
    islands: islands ?? [{ id: 'fs-01', role: 'active', weight: 1, state: 'up' }],
    pins: {},
    gateways: gateways.map((g) => g.name),
  };
}

/** A fetch that serves maps from a table of URL prefixes, counting requests. */
export function mapFetch(routes) {
  const calls = [];
  const fetch = async (url) => {
    calls.push(url);
    for (const [prefix, body] of Object.entries(routes)) {
      if (url.startsWith(prefix)) {
        const value = typeof body === 'function' ? body(url) : body;
        if (value instanceof Error) throw value;
        return { ok: true, status: 200, json: async () => structuredClone(value) };
      }
    }
    throw new TypeError(`fetch failed: ${url}`);
  };
  fetch.calls = calls;
  return fetch;
}

/** Routes sockets to whichever fake gateway the URL names. */
export function socketRouter(gateways) {
  return (url) => {
    const gateway = gateways.find((g) => url.startsWith(g.name));
    if (!gateway) throw new Error(`no fake gateway at ${url}`);
    return gateway.createWebSocket(url);
  };
}

/**
 * A client wired to fake gateways, a fake clock and fake WebRTC. Options go through to
 * VertoClient; `random` defaults to 0 (first endpoint, no jitter) so tests read deterministically.
 */
export function setup({ gateways = [new FakeGateway()], map, fetch, clientOptions = {} } = {}) {
  FakePeerConnection.reset();
  const clock = new FakeClock();
  const theMap = map ?? mapFor(gateways);
  const client = new VertoClient({
    login: '1000@a.example',
    passwd: '1234',
    mapUrl: 'https://map.test/v1/partition-map',
    fetch: fetch ?? mapFetch({ 'https://map.test/': theMap }),
    createWebSocket: socketRouter(gateways),
    sessid: 'sess-0001',
    clock,
    random: () => 0,
    media: fakeMedia(),
    keepalive: { idleMs: 25000, timeoutMs: 10000 },
    ...clientOptions,
  });
  const events = [];
  for (const type of ['statechange', 'connecting', 'reconnecting', 'login', 'clientready', 'incomingcall', 'recoveredcall', 'punt', 'error', 'map', 'event', 'info']) {
    client.on(type, (payload) => events.push({ type, payload }));
  }
  return { client, clock, gateway: gateways[0], gateways, events, states: () => events.filter((e) => e.type === 'statechange').map((e) => e.payload.state) };
}

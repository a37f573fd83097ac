import { before, after } from 'node:test';
import { VertoClient } from '../../src/index.js';
import { startDemoJar, insecureFetch, recordingSockets } from './demo-jar.js';
import { fakeMedia } from './fake-webrtc.js';

/**
 * The demo jar for the enclosing `describe`: started before its tests, stopped after them, with
 * the clients its tests connected disconnected first. `jar.demo` is the jar's `/v1/demo` answer;
 * `jar.client(login)` connects an SDK client (fake media) and returns it with its recorded `wire`.
 */
export function demoJarClients() {
  const clients = [];
  const jar = { gateway: null, demo: null };
  before(async () => {
    jar.gateway = await startDemoJar();
    jar.demo = await (await insecureFetch(`${jar.gateway.base}/v1/demo`)).json();
  });
  after(async () => {
    await Promise.allSettled(clients.map((c) => c.disconnect()));
    await jar.gateway?.stop();
  });
  jar.client = async (login) => {
    const sockets = recordingSockets();
    const c = new VertoClient({ login, passwd: jar.demo.password, mapUrl: `${jar.gateway.base}/v1/partition-map`, fetch: insecureFetch, createWebSocket: sockets.createWebSocket, media: fakeMedia() });
    clients.push(c);
    await c.connect();
    return { client: c, wire: sockets.wire };
  };
  return jar;
}

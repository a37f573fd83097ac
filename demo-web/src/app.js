/**
 * The demo page's entry point. The SDK comes from the gateway (`/sdk/verto.esm.js`, served from
 * the js-sdk jar); everything the page does goes through its public API.
 */
import { createSoftphone } from './softphone.js';
import { bindView } from './view.js';
import { Ringer } from './ringer.js';

async function main() {
  let sdk;
  try {
    sdk = await import('./sdk/verto.esm.js');
  } catch (error) {
    const box = document.getElementById('login-error');
    box.textContent = `The SDK could not be loaded from /sdk/verto.esm.js (${error.message}).`;
    box.hidden = false;
    return;
  }
  // ?map=URL reads the partition map from URL instead of this gateway's /v1/partition-map.
  const mapUrl = new URLSearchParams(location.search).get('map');
  const softphone = createSoftphone({ sdk, clientOptions: () => (mapUrl ? { mapUrl } : {}) });
  // A read-only view for tests and the console: state, island, gateway, lastError, stats().
  Object.defineProperty(window, 'softphone', { value: softphone.view, enumerable: true });
  bindView(document, softphone, { ringer: new Ringer() });
  await softphone.loadDemo();
}

void main();

/**
 * The demo page's entry point. The SDK comes from the gateway (`/sdk/verto.esm.js`, served from
 * the js-sdk jar); everything the page does goes through its public API.
 */
import { createSoftphone } from './softphone.js';
import { bindView } from './view.js';
import { Ringer } from './ringer.js';
import { mapFromParam, allowedOrigins, ALLOWED_ORIGINS_KEY } from './map-source.js';

async function main() {
  const box = document.getElementById('login-error');
  let sdk;
  try {
    sdk = await import('./sdk/verto.esm.js');
  } catch (error) {
    box.textContent = 'The SDK could not be loaded from /sdk/verto.esm.js.';
    box.hidden = false;
    globalThis.console?.error(error);
    return;
  }
  // ?map=URL: a partition map on this origin, or on an origin this browser allows (never any link's choice).
  const { mapUrl, refused } = mapFromParam(new URLSearchParams(location.search).get('map'), location.href, allowedOrigins(globalThis.localStorage));
  const softphone = createSoftphone({ sdk, mapUrl, ringtone: new Ringer() });
  // A read-only view for tests and the console: state, island, gateway, lastError, stats().
  Object.defineProperty(window, 'softphone', { value: softphone.view, enumerable: true });
  bindView(document, softphone);
  if (refused) softphone.showProblem(`The map in this link is on another site and was ignored (allow its origin in localStorage "${ALLOWED_ORIGINS_KEY}" to use it).`);
  await softphone.loadDemo();
}

void main();

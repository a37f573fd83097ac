import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const src = new URL('../src/', import.meta.url);
const read = (name) => readFileSync(new URL(name, src), 'utf8');
const html = read('index.html');

test('every element the views bind exists in the page, once', () => {
  const ids = ['view.js', 'media-view.js', 'conference-view.js'].flatMap((file) => [...read(file).matchAll(/\$\('([^']+)'\)/g)].map((m) => m[1]));
  assert.ok(ids.length > 45);
  for (const id of ids) {
    const count = html.split(` id="${id}"`).length - 1;
    assert.equal(count, 1, `#${id} appears ${count} times in index.html`);
  }
});

test('the hooks end-to-end tests rely on are on the page', () => {
  for (const testid of [
    'login-form', 'login-user', 'login-password', 'login-submit', 'login-error', 'demo-users',
    'connection-state', 'island', 'gateway', 'reconnect-banner', 'reconnect-attempt', 'error-message',
    'dial-input', 'call-button', 'dial-key-1', 'dial-key-star', 'dial-key-hash', 'call-panel', 'call-state', 'call-remote',
    'answer-button', 'hangup-button', 'mute-button', 'hold-button', 'level-meter', 'call-stats', 'remote-audio', 'logout-button',
    'audio-blocked', 'call-quality', 'media-state', 'call-notice', 'transfer-form', 'transfer-input', 'transfer-button', 'chat-log', 'chat-form', 'chat-input', 'chat-send',
    'video-call-button', 'answer-video-button', 'video-stage', 'remote-video', 'local-video', 'camera-button', 'screen-button',
    'microphone-select', 'camera-select', 'speaker-select', 'conference-panel', 'conference-room', 'conference-role', 'roster',
    'conference-chat-log', 'conference-chat-form', 'conference-chat-input', 'conference-chat-send',
  ]) {
    assert.match(html, new RegExp(`data-testid="${testid}"`), testid);
  }
});

test('the page loads nothing from another origin (no CDN, no web fonts)', () => {
  for (const file of readdirSync(src)) {
    const text = read(file);
    assert.doesNotMatch(text, /(src|href)=["']?(https?:)?\/\//i, `${file} references another origin`);
    assert.doesNotMatch(text, /@import|url\(\s*["']?https?:/i, `${file} imports remote CSS`);
    assert.doesNotMatch(text, /import\s[^;]*from\s+["']https?:/, `${file} imports a remote module`);
  }
});

test('the page takes the SDK from the gateway at /sdk/verto.esm.js, and nothing else from it', () => {
  const app = read('app.js');
  assert.match(app, /import\('\.\/sdk\/verto\.esm\.js'\)/);
  for (const file of ['softphone.js', 'view.js', 'media-view.js', 'conference-view.js', 'conference-state.js', 'messages.js', 'ringer.js', 'map-source.js']) {
    assert.doesNotMatch(read(file), /from\s+['"][^'"]*(js-sdk|sdk\/)/, `${file} must get the SDK passed in, not import it`);
  }
});

test('the layout adapts to phone width', () => {
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  const css = read('styles.css');
  assert.match(css, /@media \(max-width: 720px\)/);
  const phone = css.slice(css.indexOf('@media (max-width: 720px)'));
  assert.match(phone, /\.video-stage \{ aspect-ratio: 3 \/ 4; \}/, 'a portrait video tile on a phone');
  assert.match(phone, /\.roster \.mod \{ width: 100%; \}/, 'moderator buttons wrap under the member on a phone');
});

test('video elements play inline and muted (iOS autoplay); the sound comes from the audio element', () => {
  for (const id of ['remote-video', 'local-video']) {
    assert.match(html, new RegExp(`<video[^>]* id="${id}"[^>]*autoplay playsinline muted`), id);
  }
});

test('the page takes ?map= only through the same-origin check', () => {
  const app = read('app.js');
  assert.match(app, /mapFromParam\(new URLSearchParams\(location\.search\)\.get\('map'\)/);
  assert.doesNotMatch(app, /mapUrl\s*\?\s*\{\s*mapUrl\s*\}/, 'no raw ?map= pass-through');
});

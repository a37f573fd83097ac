// The operator console (docs/operations.md, "Operator console"). The admin token is typed once, kept in this
// tab's sessionStorage and sent as a bearer token; the live view comes over server-sent events opened with a
// one-time ticket, never with the token in a URL. Server data is only ever set as text, never as HTML.
'use strict';

const KEY = 'vertoAdminToken';
const $ = (id) => document.getElementById(id);
let events = null;
let retry = null;

function token() {
  return sessionStorage.getItem(KEY);
}

async function api(method, path, body) {
  const headers = { Authorization: 'Bearer ' + token() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers, body, cache: 'no-store' });
  let json = null;
  try {
    json = await res.json();
  } catch (e) {
    json = null;
  }
  return { status: res.status, body: json };
}

function errorText(r) {
  const b = r.body || {};
  return r.status + ': ' + (b.error || 'no answer') + (b.field ? ' (field ' + b.field + ')' : '');
}

async function signIn(t) {
  sessionStorage.setItem(KEY, t);
  const r = await api('GET', '/v1/admin/console');
  if (r.status !== 200) {
    sessionStorage.removeItem(KEY);
    $('login-error').textContent = r.status === 401
      ? 'The admin token was refused: ' + ((r.body && r.body.error) || 'unauthorized')
      : 'The gateway answered ' + errorText(r);
    return;
  }
  $('login-error').textContent = '';
  $('login').hidden = true;
  $('console').hidden = false;
  render(r.body);
  listen();
  loadMap();
}

function signOut() {
  sessionStorage.removeItem(KEY);
  if (events) events.close();
  clearTimeout(retry);
  location.reload();
}

async function listen() {
  if (events) events.close();
  const r = await api('POST', '/v1/admin/events/ticket', '{}');
  if (r.status !== 200) {
    live('reconnecting', 'no ticket (' + errorText(r) + ')');
    retry = setTimeout(listen, 3000);
    return;
  }
  events = new EventSource('/v1/admin/events?ticket=' + encodeURIComponent(r.body.ticket));
  events.addEventListener('console', (e) => {
    live('live', 'live');
    render(JSON.parse(e.data));
  });
  events.onerror = () => {
    // a ticket is good once: a new stream needs a new ticket
    events.close();
    live('reconnecting', 'reconnecting');
    retry = setTimeout(listen, 2000);
  };
}

function live(cls, text) {
  $('live').className = 'tag ' + cls;
  $('live').textContent = text;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function pairs(obj) {
  return Object.entries(obj || {}).map(([k, v]) => k + ': ' + v).join(', ');
}

function body(tableId) {
  const tb = $(tableId).querySelector('tbody');
  tb.replaceChildren();
  return tb;
}

function render(v) {
  $('self').textContent = v.self;
  $('mode').textContent = v.mode === 'fleet' ? 'fleet' + (v.decider ? ', deciding' : '') : 'single gateway';
  $('health').textContent = v.health;
  $('health').className = 'tag ' + v.health;
  $('map-version').textContent = v.mapVersion;

  let tb = body('islands');
  for (const [id, i] of Object.entries(v.islands || {})) {
    const tr = tb.insertRow();
    tr.dataset.island = id;
    cell(tr, id);
    cell(tr, i.role);
    cell(tr, i.verdict, 'verdict ' + i.verdict);
    cell(tr, pairs(i.gateways));
    cell(tr, i.sessions, 'sessions');
    cell(tr, i.calls, 'calls');
    cell(tr, (i.domains || []).join(', '));
  }

  tb = body('partitions');
  for (const [home, p] of Object.entries(v.partitions || {})) {
    const tr = tb.insertRow();
    tr.dataset.partition = home;
    cell(tr, home);
    cell(tr, p.island === null ? 'nobody' : p.island, 'served-by');
    cell(tr, p.epoch);
    cell(tr, p.takeover ? 'spare ' + p.island + ' serves ' + home : '', p.takeover ? 'takeover' : '');
    const td = cell(tr, '');
    if (v.mode === 'fleet') {
      // taking an island out of service in a fleet: its partition moves to a spare, and back home later
      if (p.takeover) {
        td.appendChild(move('Move home', home, home));
      } else {
        const spare = Object.entries(v.islands || {}).find(([, i]) => i.role === 'spare' && i.verdict === 'up');
        if (spare) td.appendChild(move('Move to ' + spare[0], home, spare[0]));
      }
    }
  }

  tb = body('gateways');
  for (const [id, g] of Object.entries(v.gateways || {})) {
    const tr = tb.insertRow();
    tr.dataset.gateway = id;
    cell(tr, id + (g.self ? ' (this one)' : ''));
    cell(tr, g.health, 'health ' + g.health);
    cell(tr, g.sessions);
    cell(tr, pairs(g.sessionsByIsland));
    cell(tr, pairs(g.callsByIsland));
    cell(tr, (g.endpoints || []).join(' '));
    const td = cell(tr, '');
    if (g.self) {
      td.appendChild(button(v.draining ? 'Undrain' : 'Drain', v.draining ? 'undrain' : 'drain'));
    }
  }

  tb = body('calls');
  for (const c of v.calls || []) {
    for (const m of c.media) {
      for (const leg of ['browser', 'island']) {
        const q = m[leg];
        const tr = tb.insertRow();
        tr.dataset.call = c.callId;
        tr.dataset.leg = leg;
        cell(tr, c.callId);
        cell(tr, c.state);
        cell(tr, m.index);
        cell(tr, leg);
        cell(tr, q.lossRatio === null ? '-' : (q.lossRatio * 100).toFixed(1) + ' %', 'loss');
        cell(tr, q.cumulativeLost === null ? '-' : q.cumulativeLost);
        cell(tr, q.jitterMs === null ? '-' : q.jitterMs + ' ms', 'jitter');
        cell(tr, q.rttMs === null ? '-' : q.rttMs + ' ms', 'rtt');
        cell(tr, q.reports);
      }
    }
  }
}

function button(label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = action;
  b.addEventListener('click', async () => {
    const r = await api('POST', '/v1/admin/' + action, '{}');
    $('action-status').textContent = r.status === 200
      ? (r.body.draining ? 'This gateway is draining.' : 'This gateway is serving.')
      : action + ' failed: ' + errorText(r);
  });
  return b;
}

function move(label, partition, island) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = 'move';
  b.addEventListener('click', async () => {
    const r = await api('POST', '/v1/admin/move', JSON.stringify({ partition, island }));
    $('action-status').textContent = r.status === 200 ? 'Moved: ' + r.body.result : 'move failed: ' + errorText(r);
  });
  return b;
}

function mapStatus(text, cls) {
  $('map-status').textContent = text;
  $('map-status').className = cls;
}

async function loadMap() {
  const r = await api('GET', '/v1/admin/partition-map');
  if (r.status !== 200) {
    mapStatus('Could not read the map: ' + errorText(r), 'error');
    return;
  }
  $('map-text').value = JSON.stringify(r.body, null, 2);
  $('map-reload').hidden = true;
  mapStatus('Map version ' + r.body.version + ' loaded.', 'ok');
}

async function validate() {
  const r = await api('POST', '/v1/admin/partition-map/validate', $('map-text').value);
  if (r.status === 200) {
    mapStatus('Valid: version ' + r.body.version + ', ' + r.body.islands + ' islands.', 'ok');
    return true;
  }
  refused(r);
  return false;
}

function refused(r) {
  mapStatus('Refused ' + errorText(r), 'error');
  $('map-reload').hidden = r.status !== 409;
}

async function save() {
  if (!(await validate())) return;
  const r = await api('PUT', '/v1/admin/partition-map', $('map-text').value);
  if (r.status === 200) {
    mapStatus('Saved: version ' + r.body.version + ' is in use.', 'ok');
  } else {
    refused(r);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    signIn($('token').value);
  });
  $('logout').addEventListener('click', signOut);
  $('map-load').addEventListener('click', loadMap);
  $('map-reload').addEventListener('click', loadMap);
  $('map-validate').addEventListener('click', validate);
  $('map-save').addEventListener('click', save);
  if (token()) signIn(token());
});

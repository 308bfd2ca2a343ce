// The pages of `lpr serve`, filled from the JSON API (docs/api.md). Every value goes in as text
// (textContent, attributes through the DOM), never as HTML, so a plate or camera id cannot inject markup.
'use strict';

const REFRESH_MS = 5000;

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  return node;
}

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.appendChild(content); else td.textContent = content ?? '';
  row.appendChild(td);
  return td;
}

function time(iso) {
  return iso ? iso.replace('T', ' ') : '';
}

function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message || '';
  box.hidden = !message;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({ error: response.status + ' ' + response.statusText }));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function stamp() {
  document.getElementById('status').textContent = 'updated ' + localTime(new Date().toISOString());
}

// A refresh keeps running through failures: a database that comes back shows again without a reload.
// `active` says whether a tick refreshes (a paused or older page does not).
function every(ms, task, active) {
  const run = () => {
    document.body.dataset.refreshes = Number(document.body.dataset.refreshes || 0) + 1;
    return task().then(() => { showError(''); stamp(); }, e => showError(e.message));
  };
  run();
  // Ticks are counted, refreshes or not: a paused page shows it is alive, and a test can wait for ticks.
  setInterval(() => {
    document.body.dataset.ticks = Number(document.body.dataset.ticks || 0) + 1;
    if (!active || active()) run();
  }, ms);
}

const pad = n => String(n).padStart(2, '0');

// An instant as the browser's time zone has it, e.g. 2024-05-01 15:02:00; UTC is on the element's title.
function localTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
      + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function utc(iso) {
  return iso ? time(iso).replace(/Z$/, '') + ' UTC' : '';
}

function timeCell(iso) {
  return el('time', localTime(iso), { datetime: iso || '', title: utc(iso) });
}

// The time zone the pages show times in, named beside each time column.
function zone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}

function labelZone() {
  for (const span of document.querySelectorAll('.tz')) span.textContent = '(' + zone() + ')';
}

// A since/until as the API takes it (UTC unless it says otherwise) to a Date; null for the forms a browser cannot read.
function utcDate(value) {
  let v = value.trim().replace(' ', 'T');
  if (/^\d{4}-\d\d-\d\d$/.test(v)) v += 'T00:00';
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(v)) v += 'Z';
  const d = new Date(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return isNaN(d) ? null : d;
}

function pickerValue(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
      + `:${pad(d.getSeconds())}`;
}

const PAGING = ['offset', 'before', 'after'];

// The filters alone, for the export links and the way back to the newest page.
function filterQuery(params, keepLimit) {
  const p = new URLSearchParams(params);
  for (const name of PAGING) p.delete(name);
  if (!keepLimit) p.delete('limit');
  return p.toString();
}

function eventsPage() {
  labelZone();
  const params = new URLSearchParams(location.search);
  document.getElementById('plate').value = params.get('plate') || '';
  const camera = document.getElementById('camera');
  if (params.get('camera')) camera.append(el('option', params.get('camera'), { value: params.get('camera') }));
  camera.value = params.get('camera') || '';
  fillCameras(camera);
  // The pickers show the browser's time; the hidden fields carry UTC, as the API reads a time without zone.
  for (const name of ['since', 'until']) {
    const hidden = document.getElementById(name);
    const picker = document.getElementById(name + '-local');
    hidden.value = params.get(name) || '';
    const d = hidden.value && utcDate(hidden.value);
    if (d) picker.value = pickerValue(d);
    const toUtc = () => {
      hidden.value = picker.value ? new Date(picker.value).toISOString().replace('.000Z', 'Z') : '';
    };
    picker.addEventListener('input', toUtc);
    picker.addEventListener('change', toUtc);
  }
  // Empty fields stay out of the URL, so a submitted form reads like a hand-written link.
  document.getElementById('filters').addEventListener('submit', event => {
    for (const input of event.target.querySelectorAll('input[name], select')) input.disabled = !input.value.trim();
  });
  const query = filterQuery(params);
  document.getElementById('export-csv').href = '/api/events.csv' + (query ? '?' + query : '');
  document.getElementById('export-json').href = '/api/events.json' + (query ? '?' + query : '');

  // Only the newest page refreshes: an older page stays as it is while new events arrive.
  let newest = !PAGING.some(name => params.has(name));
  let paused = false;
  const pause = document.getElementById('pause');
  const showRefresh = () => {
    pause.hidden = !newest;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    document.getElementById('refresh').textContent = !newest ? 'an older page: not refreshed'
        : paused ? 'auto-refresh paused' : 'auto-refresh every ' + REFRESH_MS / 1000 + ' s';
  };
  pause.addEventListener('click', () => { paused = !paused; showRefresh(); });
  showRefresh();
  every(REFRESH_MS, async () => {
    const page = await getJson('/api/events' + location.search);
    if (page.newer === null && PAGING.some(name => new URLSearchParams(location.search).has(name))) {
      // There is nothing newer than this page any more: it is the newest page, and its URL says so.
      const rest = filterQuery(location.search, true);
      history.replaceState(null, '', '/' + (rest ? '?' + rest : ''));
    }
    newest = page.newer === null;
    showRefresh();
    renderEvents(page);
    renderPaging(page);
  }, () => newest && !paused);
}

// The cameras the job has reported, for the camera filter; the one in the URL stays even when unknown.
async function fillCameras(select) {
  try {
    const { cameras } = await getJson('/api/cameras');
    const known = new Set([...select.options].map(o => o.value));
    for (const c of cameras) {
      if (!known.has(c.id)) select.append(el('option', c.id, { value: c.id }));
    }
  } catch (e) {
    // The filter still works on the camera in the URL; the list of events says what failed.
  }
}

function renderEvents(page) {
  const body = document.querySelector('#events tbody');
  const rows = page.events.map(e => {
    const row = el('tr', null, { 'data-id': e.event_id });
    const img = el('img', null, { src: e.crop_url, alt: 'crop of ' + e.plate, class: 'crop', loading: 'lazy' });
    img.addEventListener('error', () => img.replaceWith(el('span', 'no crop', { class: 'muted' })));
    cell(row, img);
    cell(row, el('a', e.plate, { href: e.page_url, class: 'plate' }));
    cell(row, confidence(e));
    cell(row, e.camera_id);
    cell(row, timeCell(e.first_seen));
    cell(row, timeCell(e.last_seen));
    cell(row, e.frames);
    // A row with stored values that could not be read is shown with what could, and says so.
    if (e.unreadable) row.title = 'unreadable: ' + e.unreadable.join('; ');
    return row;
  });
  body.replaceChildren(...rows);
  document.getElementById('empty').hidden = rows.length > 0;
  document.getElementById('total').textContent = page.total === 1 ? '1 event matches'
      : page.total.toLocaleString('en') + ' events match';
}

function confidence(e) {
  return Math.round(e.confidence * 100) + ' %';
}

// The API's keyset links as page links: each page stays the same page while new events arrive.
function renderPaging(page) {
  const link = (id, api) => {
    const a = document.getElementById(id);
    const query = api === null ? '' : api.substring(api.indexOf('?') + 1);
    a.href = '/' + (query ? '?' + query : '');
    a.hidden = api === null;
  };
  link('newer', page.newer);
  link('older', page.next);
  const rest = filterQuery(location.search, true);
  link('newest', page.newer === null ? null : '/api/events?' + rest);
}

async function eventPage() {
  const id = decodeURIComponent(location.pathname.split('/').pop());
  try {
    const e = await getJson('/api/events/' + encodeURIComponent(id));
    document.title = 'lpr: ' + e.plate;
    document.getElementById('plate').textContent = e.plate;
    showSnapshot(e);
    const img = document.getElementById('crop');
    img.addEventListener('error', () => img.replaceWith(el('p', 'no crop stored for this event', { class: 'muted' })));
    img.src = e.crop_url;
    const details = document.getElementById('details');
    const box = e.box ? `${fmt(e.box.x1)},${fmt(e.box.y1)} – ${fmt(e.box.x2)},${fmt(e.box.y2)} `
        + `(${fmt(e.box.x2 - e.box.x1)}×${fmt(e.box.y2 - e.box.y1)} px)` : 'none';
    const facts = [['Camera', e.camera_id], [`First seen (${zone()})`, timeCell(e.first_seen)],
        [`Last seen (${zone()})`, timeCell(e.last_seen)], ['Confidence', confidence(e)], ['Frames', e.frames], ['Votes', e.votes],
        ['Detector confidence', e.detection_score.toFixed(3)], ['Text score (lower is better)', e.text_score.toFixed(1)],
        ['Box in the frame', box], ['Event id', e.event_id]];
    // Stored values that could not be read are named, the rest of the event is still shown.
    if (e.unreadable) facts.push(['Unreadable stored values', e.unreadable.join('; ')]);
    for (const [term, value] of facts) {
      details.append(el('dt', term), value instanceof Node ? el('dd').appendChild(value).parentNode : el('dd', value));
    }
    // The winning text, then the runner-ups the vote considered; events stored before runner-ups were kept
    // only say how many frames read something else.
    const texts = [{ plate: e.plate, votes: e.votes }, ...e.runner_ups];
    if (texts.length === 1 && e.frames > e.votes) texts.push({ plate: 'other texts (not stored)', votes: e.frames - e.votes });
    const rows = texts.map(t => {
      const row = el('tr');
      cell(row, t.plate);
      cell(row, t.votes);
      return row;
    });
    document.querySelector('#texts tbody').replaceChildren(...rows);
  } catch (err) {
    showError(err.message);
  }
}

// The full frame, with the plate's box drawn by the page over it (never burnt into the JPEG): the overlay's
// viewBox is the frame's size, the space the box is in, so the box lands on the plate at any displayed size.
function showSnapshot(e) {
  const s = e.snapshot;
  if (!s) {
    document.getElementById('no-snapshot').hidden = false;
    return;
  }
  const overlay = document.getElementById('overlay');
  overlay.setAttribute('viewBox', `0 0 ${s.source_width} ${s.source_height}`);
  const rect = document.getElementById('plate-box');
  if (e.box) {
    rect.setAttribute('x', e.box.x1);
    rect.setAttribute('y', e.box.y1);
    rect.setAttribute('width', e.box.x2 - e.box.x1);
    rect.setAttribute('height', e.box.y2 - e.box.y1);
  } else {
    rect.remove();
  }
  const img = document.getElementById('snapshot');
  img.width = s.width;
  img.height = s.height;
  img.src = s.url;
  document.getElementById('scene').hidden = false;
}

function fmt(n) {
  return Math.round(n);
}

function camerasPage() {
  labelZone();
  every(REFRESH_MS, async () => {
    const { cameras } = await getJson('/api/cameras');
    const rows = cameras.map(c => {
      const row = el('tr', null, { 'data-id': c.id });
      cell(row, el('a', c.id, { href: '/?camera=' + encodeURIComponent(c.id), title: 'events of ' + c.id }));
      const state = cell(row, el('span', c.state, { class: 'state state-' + c.state }));
      // A row the job stopped writing: its state is only the last one the job saw.
      if (c.stale) {
        row.classList.add('stale');
        state.append(' ', el('span', 'stale', { class: 'state state-stale',
          title: 'not updated since ' + utc(c.updatedAt) + ': the job may have stopped' }));
      }
      cell(row, c.reason);
      cell(row, timeCell(c.since));
      cell(row, c.framesAnalysed);
      cell(row, c.reconnects);
      cell(row, timeCell(c.updatedAt));
      cell(row, c.url ?? '');
      return row;
    });
    document.querySelector('#cameras tbody').replaceChildren(...rows);
    document.getElementById('empty').hidden = rows.length > 0;
  });
}

// Open journeys are what is inside now; closed ones show how long they took.
function journeysPage() {
  labelZone();
  every(REFRESH_MS, async () => {
    const [inside, latest] = await Promise.all([getJson('/api/journeys?open=true&limit=500'),
      getJson('/api/journeys')]);
    document.getElementById('inside').textContent = Object.entries(inside.inside)
      .map(([name, n]) => name + ': ' + n).join(', ') || 'nobody inside';
    document.querySelector('#open tbody').replaceChildren(...inside.journeys.map(j => {
      const row = el('tr', null, { 'data-entry': j.entry_event_id });
      [j.journey, j.plate, timeCell(j.entry_time), j.entry_camera].forEach(v => cell(row, v));
      return row;
    }));
    document.querySelector('#journeys tbody').replaceChildren(...latest.journeys.map(j => {
      const row = el('tr', null, { 'data-entry': j.entry_event_id });
      cell(row, j.journey);
      cell(row, el('span', j.state, { class: 'state state-' + j.state }));
      [j.plate, timeCell(j.entry_time), j.exit_time ? timeCell(j.exit_time) : '', j.duration ?? ''].forEach(v => cell(row, v));
      return row;
    }));
    document.getElementById('empty').hidden = latest.journeys.length > 0;
  });
}

const pages = { events: eventsPage, event: eventPage, cameras: camerasPage, journeys: journeysPage };
pages[document.body.dataset.page]();

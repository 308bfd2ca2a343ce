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
  document.getElementById('status').textContent = 'updated ' + new Date().toISOString().substring(11, 19) + ' UTC';
}

// A refresh keeps running through failures: a database that comes back shows again without a reload.
function every(ms, task) {
  const run = () => task().then(() => { showError(''); stamp(); }, e => showError(e.message));
  run();
  setInterval(run, ms);
}

function eventsPage() {
  const params = new URLSearchParams(location.search);
  for (const name of ['plate', 'camera', 'since', 'until']) {
    document.getElementById(name).value = params.get(name) || '';
  }
  // Empty fields stay out of the URL, so a submitted form reads like a hand-written link.
  document.getElementById('filters').addEventListener('submit', event => {
    for (const input of event.target.querySelectorAll('input')) input.disabled = !input.value.trim();
  });
  every(REFRESH_MS, async () => {
    const page = await getJson('/api/events' + location.search);
    renderEvents(page);
    renderPaging(params, page);
  });
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
    cell(row, time(e.first_seen));
    cell(row, time(e.last_seen));
    cell(row, e.frames);
    // A row with stored values that could not be read is shown with what could, and says so.
    if (e.unreadable) row.title = 'unreadable: ' + e.unreadable.join('; ');
    return row;
  });
  body.replaceChildren(...rows);
  document.getElementById('empty').hidden = rows.length > 0;
}

function confidence(e) {
  return Math.round(e.confidence * 100) + ' %';
}

function renderPaging(params, page) {
  const link = (id, offset, show) => {
    const a = document.getElementById(id);
    const p = new URLSearchParams(params);
    if (offset > 0) p.set('offset', offset); else p.delete('offset');
    a.href = '/?' + p.toString();
    a.hidden = !show;
  };
  link('newer', Math.max(0, page.offset - page.limit), page.offset > 0);
  link('older', page.offset + page.limit, page.next !== null);
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
    const facts = [['Camera', e.camera_id], ['First seen (UTC)', time(e.first_seen)],
        ['Last seen (UTC)', time(e.last_seen)], ['Confidence', confidence(e)], ['Frames', e.frames], ['Votes', e.votes],
        ['Detector confidence', e.detection_score.toFixed(3)], ['Text score (lower is better)', e.text_score.toFixed(1)],
        ['Box in the frame', box], ['Event id', e.event_id]];
    // Stored values that could not be read are named, the rest of the event is still shown.
    if (e.unreadable) facts.push(['Unreadable stored values', e.unreadable.join('; ')]);
    for (const [term, value] of facts) {
      details.append(el('dt', term), el('dd', value));
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
  every(REFRESH_MS, async () => {
    const { cameras } = await getJson('/api/cameras');
    const rows = cameras.map(c => {
      const row = el('tr', null, { 'data-id': c.id });
      cell(row, c.id);
      cell(row, el('span', c.state, { class: 'state state-' + c.state }));
      cell(row, c.reason);
      cell(row, time(c.since));
      cell(row, c.framesAnalysed);
      cell(row, c.reconnects);
      cell(row, time(c.updatedAt));
      cell(row, c.url ?? '');
      return row;
    });
    document.querySelector('#cameras tbody').replaceChildren(...rows);
    document.getElementById('empty').hidden = rows.length > 0;
  });
}

// Open journeys are what is inside now; closed ones show how long they took.
function journeysPage() {
  every(REFRESH_MS, async () => {
    const [inside, latest] = await Promise.all([getJson('/api/journeys?open=true&limit=500'),
      getJson('/api/journeys')]);
    document.getElementById('inside').textContent = Object.entries(inside.inside)
      .map(([name, n]) => name + ': ' + n).join(', ') || 'nobody inside';
    document.querySelector('#open tbody').replaceChildren(...inside.journeys.map(j => {
      const row = el('tr', null, { 'data-entry': j.entry_event_id });
      [j.journey, j.plate, time(j.entry_time), j.entry_camera].forEach(v => cell(row, v));
      return row;
    }));
    document.querySelector('#journeys tbody').replaceChildren(...latest.journeys.map(j => {
      const row = el('tr', null, { 'data-entry': j.entry_event_id });
      cell(row, j.journey);
      cell(row, el('span', j.state, { class: 'state state-' + j.state }));
      [j.plate, time(j.entry_time), time(j.exit_time), j.duration ?? ''].forEach(v => cell(row, v));
      return row;
    }));
    document.getElementById('empty').hidden = latest.journeys.length > 0;
  });
}

const pages = { events: eventsPage, event: eventPage, cameras: camerasPage, journeys: journeysPage };
pages[document.body.dataset.page]();

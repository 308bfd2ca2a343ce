// The watch-list and alerts pages, and the alerts badge: filled from /api/watchlist and /api/alerts.
// Text from the database only ever goes into textContent, never into HTML. All in one function scope, so
// that nothing here replaces a name of lpr.js, which the other pages load beside it.
(function () {
"use strict";

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  row.appendChild(td);
  return td;
}

function showError(message) {
  const p = document.getElementById("error");
  if (p) {
    p.textContent = message;
    p.hidden = false;
  }
}

async function api(path, options) {
  // Absolute from the origin: a page opened as http://user:token@host/ cannot fetch a URL relative to it.
  const response = await fetch(new URL(path, window.location.origin), Object.assign({credentials: "same-origin"}, options || {}));
  if (!response.ok) {
    let message = response.status + "";
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response.status === 204 ? null : response.json();
}

async function badge() {
  const span = document.getElementById("badge");
  if (!span) return;
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const body = await api("/api/alerts?limit=1000&since=" + encodeURIComponent(since));
  span.textContent = body.alerts.length;
  span.title = "alerts in the last 24 hours";
  span.hidden = body.alerts.length === 0;
}

async function watchlist() {
  const body = await api("/api/watchlist");
  const tbody = document.querySelector("#entries tbody");
  tbody.replaceChildren();
  for (const e of body.entries) {
    const row = document.createElement("tr");
    cell(row, e.plate);
    cell(row, e.near ? "near" : "");
    cell(row, e.level);
    cell(row, e.until);
    cell(row, e.cameras.length ? e.cameras.join(", ") : "all");
    cell(row, e.note);
    const actions = cell(row, "");
    if (body.editable) {
      const remove = document.createElement("button");
      remove.textContent = "Remove";
      remove.addEventListener("click", () => api("/api/watchlist/" + encodeURIComponent(e.plate), {method: "DELETE"})
        .then(watchlist).catch(err => showError(err.message)));
      actions.appendChild(remove);
    }
    tbody.appendChild(row);
  }
  document.getElementById("empty").hidden = body.entries.length > 0;
  document.getElementById("add").hidden = !body.editable;
  document.getElementById("readonly").hidden = body.editable;
}

function addForm() {
  const form = document.getElementById("add");
  form.addEventListener("submit", event => {
    event.preventDefault();
    const data = new FormData(form);
    const cameras = String(data.get("cameras") || "").split(",").map(c => c.trim()).filter(c => c && c !== "all");
    const entry = {plate: data.get("plate"), near: data.get("near") === "on", note: data.get("note"),
      level: data.get("level"), until: data.get("until"), cameras: cameras};
    api("/api/watchlist", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(entry)})
      .then(() => { form.reset(); return watchlist(); })
      .catch(err => showError(err.message));
  });
}

async function alerts() {
  const body = await api("/api/alerts?limit=200");
  const tbody = document.querySelector("#alerts tbody");
  tbody.replaceChildren();
  for (const a of body.alerts) {
    const row = document.createElement("tr");
    cell(row, a.seen_at);
    cell(row, a.camera_id);
    cell(row, a.plate);
    cell(row, a.confidence.toFixed(2));
    cell(row, a.level);
    cell(row, a.entry);
    cell(row, a.note);
    const link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(a.event_id);
    link.textContent = "event";
    cell(row, "").appendChild(link);
    tbody.appendChild(row);
  }
  document.getElementById("empty").hidden = body.alerts.length > 0;
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "watchlist") {
    addForm();
    watchlist().catch(err => showError(err.message));
  } else if (page === "alerts") {
    alerts().catch(err => showError(err.message));
  }
  badge().catch(() => { /* the badge is a hint; the pages say what failed */ });
});
})();

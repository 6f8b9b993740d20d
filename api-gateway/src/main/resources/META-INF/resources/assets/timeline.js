// The timeline page: draws the public API's events along a time axis. No framework, no build step.
// Every value from the API reaches the page through textContent or a checked attribute, never as markup:
// article text is written by outsiders. The key lives in sessionStorage (this tab only) and is sent only
// to this origin, as "Authorization: Bearer".
"use strict";
(function () {
  const KEY_STORAGE = "eventline.readKey";
  const PAGE_LIMIT = 500;        // events per request (the API's maximum)
  const MAX_PAGES = 4;           // at most 2,000 events drawn
  const POLL_MILLIS = 3000;      // live updates: a conditional request every 3 s (304 while nothing changed)
  const MAX_FEED_READS = 20;     // change-feed pages read in one go while the feed says more are waiting
  const DAY = 86400000;
  const GRANULARITY_LABEL = { day: "day", week: "week", month: "month", quarter: "quarter", season: "season",
    year: "year", decade: "decade", century: "century", interval: "interval" };

  const $ = (id) => document.getElementById(id);
  // Live updates. "All events" (with the filters typed here) is re-read with If-None-Match: the API has no
  // change feed for an ad-hoc query. A saved timeline follows its change feed (/timelines/{id}/changes),
  // polled with If-None-Match too: each poll is a 304 (a quarter request) while nothing changed, and a change
  // brings only the changed events, not every page again. Chosen over the SSE stream (/stream), which would
  // need fetch() and a hand-written SSE parser (EventSource cannot send the key), a reconnect with
  // Last-Event-ID, and a connection held open through the gateway per tab, for updates at most 3 s sooner.
  const state = { key: null, etag: null, feed: null, events: [], seen: null, fresh: new Set(), selected: null,
    pollTimer: null, savedAvailable: false, timelines: new Map(), generation: 0 };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setStatus(text) { $("status").textContent = text; }

  // ---- the key ---------------------------------------------------------------------------------------
  function askForKey(message) {
    stopPolling();
    state.key = null;
    sessionStorage.removeItem(KEY_STORAGE);
    $("app").hidden = true;
    $("forget-key").hidden = true;
    $("key-panel").hidden = false;
    $("key-error").textContent = message || "";
    setStatus("");
    $("key").focus();
  }

  function useKey(key) {
    state.key = key;
    sessionStorage.setItem(KEY_STORAGE, key);
    $("key-panel").hidden = true;
    $("app").hidden = false;
    $("forget-key").hidden = false;
    state.seen = null;
    loadSavedTimelines();
    reload();
  }

  // ---- the API ---------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ("HTTP " + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, extraHeaders) {
    const headers = Object.assign({ "Accept": "application/json", "Authorization": "Bearer " + state.key },
      extraHeaders || {});
    const response = await fetch(path, { headers: headers, cache: "no-store", credentials: "omit" });
    if (response.status === 401) {
      askForKey("The gateway does not accept this key.");
      throw new ApiError(401, null);
    }
    if (response.status === 304) return { status: 304, response: response };
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* not a problem document */ }
      throw new ApiError(response.status, problem);
    }
    return { status: response.status, response: response, body: await response.json() };
  }

  function filters() {
    return {
      entity: $("entity").value.trim(), q: $("q").value.trim(),
      from: $("from").value.trim(), to: $("to").value.trim(), saved: $("saved").value,
    };
  }

  function eventsPath(f, cursor) {
    const params = new URLSearchParams();
    if (f.saved) {
      // A saved timeline's filter is its own; the fields show it and are not sent.
      params.append("limit", String(PAGE_LIMIT));
      if (cursor) params.append("cursor", cursor);
      return savedPath(f.saved) + "/events?" + params.toString();
    }
    if (f.entity) params.append("entity", f.entity);
    if (f.q) params.append("q", f.q);
    if (f.from) params.append("from", f.from);
    if (f.to) params.append("to", f.to);
    params.append("limit", String(PAGE_LIMIT));
    if (cursor) params.append("cursor", cursor);
    return "/api/v1/events?" + params.toString();
  }

  function savedPath(id) {
    return "/api/v1/timelines/" + encodeURIComponent(id);
  }

  // Reads every page of the current filters. With an ETag from the last read, the first page is asked
  // conditionally: the timeline API's tag changes with any change to any event, so a 304 means nothing changed.
  async function fetchEvents(conditional) {
    const f = filters();
    const first = await api(eventsPath(f), conditional && state.etag ? { "If-None-Match": state.etag } : null);
    if (first.status === 304) return null;
    const etag = first.response.headers.get("ETag");
    let events = first.body.events || [];
    let next = first.body.next;
    for (let page = 1; next && page < MAX_PAGES; page++) {
      const more = await api(eventsPath(f, next));
      events = events.concat(more.body.events || []);
      next = more.body.next;
    }
    // The API counts at most its cap and says so (totalExact false): "1000+", not a wrong exact figure.
    const total = first.body.totalExact === false ? first.body.total + "+" : first.body.total;
    return { events: events, etag: etag, total: total, truncated: Boolean(next) };
  }

  async function reload() {
    state.etag = null;
    state.feed = null;
    state.seen = null;
    state.fresh = new Set();
    state.generation++;
    $("filter-error").textContent = "";
    showSavedFilter();
    await refresh(false);
    schedulePoll();
  }

  function live() {
    return " · live, checked " + new Date().toLocaleTimeString();
  }

  async function refresh(conditional) {
    if (!state.key) return;
    const generation = state.generation;
    const saved = filters().saved;
    try {
      if (saved && state.feed) {
        await followFeed(saved, generation);
        return;
      }
      // The feed's cursor is taken before the events are read: a change in between comes again, harmlessly.
      const feed = saved ? { cursor: (await api(savedPath(saved) + "/changes")).body.cursor, etag: null } : null;
      const result = await fetchEvents(conditional);
      if (generation !== state.generation) return; // the filters changed meanwhile: a newer read draws
      if (result === null) {
        setStatus(summary() + live());
        return;
      }
      state.etag = result.etag;
      state.feed = feed;
      const previous = state.seen;
      const fresh = previous ? result.events.filter((e) => !previous.has(e.id)).map((e) => e.id) : [];
      state.events = result.events;
      show(fresh, result.truncated ? " (first " + result.events.length + " of " + result.total + ")" : "");
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) {
        // The feed's cursor expired (or the timeline was redefined): read it all again.
        state.feed = null;
        return refresh(false);
      }
      if (e instanceof ApiError && e.status === 401) return;
      if (e instanceof ApiError && e.status === 400) {
        $("filter-error").textContent = e.message;
      } else if (e instanceof ApiError && e.status === 403) {
        $("filter-error").textContent = "This key may not read timelines: " + e.message;
      } else {
        setStatus("Could not read the timeline: " + e.message + " (retrying)");
      }
    }
  }

  // Applies the saved timeline's changes since the cursor: added and changed events are put in (in the API's
  // order), merged and removed ones taken out.
  async function followFeed(saved, generation) {
    const byId = new Map(state.events.map((e) => [e.id, e]));
    const previous = new Set(byId.keys());
    let changed = false;
    for (let read = 0; read < MAX_FEED_READS; read++) {
      const page = await api(savedPath(saved) + "/changes?since=" + encodeURIComponent(state.feed.cursor),
        state.feed.etag ? { "If-None-Match": state.feed.etag } : null);
      if (generation !== state.generation) return;
      if (page.status === 304) break;
      for (const change of page.body.changes || []) {
        if ((change.kind === "added" || change.kind === "changed") && change.event) {
          byId.set(change.event.id, change.event);
        } else {
          byId.delete(change.id);
        }
        changed = true;
      }
      state.feed = { cursor: page.body.cursor, etag: page.response.headers.get("ETag") };
      if (!page.body.more) break;
    }
    if (!changed) {
      setStatus(summary() + live());
      return;
    }
    state.events = Array.from(byId.values()).sort(timelineOrder);
    show(state.events.filter((e) => !previous.has(e.id)).map((e) => e.id), "");
  }

  // The API's order: start date, the longer period first (a year before its months), first reported, id.
  function timelineOrder(a, b) {
    const byStart = dayOf(a.date.start) - dayOf(b.date.start);
    if (byStart) return byStart;
    const byEnd = dayOf(b.date.end) - dayOf(a.date.end);
    if (byEnd) return byEnd;
    const byReport = String(a.firstReportedAt || "").localeCompare(String(b.firstReportedAt || ""));
    if (byReport) return byReport;
    return Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id));
  }

  function show(fresh, note) {
    state.seen = new Set(state.events.map((e) => e.id));
    for (const id of fresh) state.fresh.add(id);
    render(state.fresh);
    let text = summary() + note;
    if (state.fresh.size) text += " · " + state.fresh.size + " new";
    setStatus(text + live());
  }

  function summary() {
    const n = state.events.length;
    return n + (n === 1 ? " event" : " events");
  }

  function schedulePoll() {
    stopPolling();
    state.pollTimer = window.setTimeout(async function tick() {
      await refresh(true);
      if (state.key) state.pollTimer = window.setTimeout(tick, POLL_MILLIS);
    }, POLL_MILLIS);
  }

  function stopPolling() {
    if (state.pollTimer) window.clearTimeout(state.pollTimer);
    state.pollTimer = null;
  }

  // Saved timelines, where the timeline service offers them; otherwise the picker is left with "All events".
  async function loadSavedTimelines() {
    const select = $("saved");
    while (select.options.length > 1) select.remove(1);
    try {
      const result = await api("/api/v1/timelines?limit=500");
      const body = result.body;
      const list = body.timelines || [];
      state.timelines.clear();
      for (const timeline of list) {
        if (!timeline || timeline.id === undefined) continue;
        const option = el("option", null, timeline.name || timeline.id);
        option.value = String(timeline.id);
        state.timelines.set(option.value, timeline);
        select.appendChild(option);
      }
      state.savedAvailable = true;
      select.disabled = false;
      select.title = "";
    } catch (e) {
      state.savedAvailable = false;
      select.disabled = true;
      select.title = "No saved timelines are available from this gateway.";
    }
  }

  // With a saved timeline picked, the filter fields show its stored filter and cannot be edited.
  function showSavedFilter() {
    const timeline = state.timelines.get(filters().saved);
    const fields = { entity: timeline ? (timeline.entities || []).join(", ") : null, q: timeline ? timeline.words : null,
      from: timeline ? timeline.from : null, to: timeline ? timeline.to : null };
    for (const id of ["entity", "q", "from", "to"]) {
      if (timeline) $(id).value = fields[id] || "";
      else if ($(id).disabled) $(id).value = "";
      $(id).disabled = Boolean(timeline);
    }
  }

  // ---- drawing ---------------------------------------------------------------------------------------
  function dayOf(isoDate) {
    const m = /^(-?\d{1,6})-(\d{2})-(\d{2})$/.exec(isoDate || "");
    if (!m) return NaN;
    const d = new Date(0);
    d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime();
  }

  function kindOf(event) {
    const date = event.date || {};
    if (date.granularity === "interval") return "interval";
    if (date.granularity === "day" || date.start === date.end) return "point";
    return "span";
  }

  function dateLabel(date) {
    if (!date) return "";
    const value = String(date.value || "");
    if (date.granularity === "decade" && /^\d{3}$/.test(value)) return value + "0s";
    if (date.granularity === "century" && /^\d{2}$/.test(value)) return value + "00s";
    // TimeML's years before Christ: BC0490 is 490 BC
    return value.replace(/BC0*(\d+)/g, "$1 BC").replace("/", " – ");
  }

  // An axis year as people write it: the API's days count years as ISO does, 0 being 1 BC, -489 490 BC.
  function yearLabel(year) {
    return year > 0 ? String(year) : (1 - year) + " BC";
  }

  function monthLabel(d) {
    const month = String(d.getUTCMonth() + 1).padStart(2, "0");
    return d.getUTCFullYear() > 0 ? d.getUTCFullYear() + "-" + month : month + "/" + yearLabel(d.getUTCFullYear());
  }

  function ticks(min, max) {
    const startYear = new Date(min).getUTCFullYear();
    const endYear = new Date(max).getUTCFullYear();
    const years = endYear - startYear;
    const result = [];
    if (years < 3) {
      const months = Math.max(1, Math.round((max - min) / DAY / 30));
      const step = [1, 2, 3, 6, 12].find((s) => months / s <= 8) || 12;
      const d = new Date(0);
      d.setUTCFullYear(startYear, 0, 1); // Date.UTC would read a year 0 to 99 as 1900 to 1999
      while (d.getTime() <= max) {
        if (d.getTime() >= min && d.getUTCMonth() % step === 0) {
          result.push({ at: d.getTime(), label: monthLabel(d) });
        }
        d.setUTCMonth(d.getUTCMonth() + 1);
      }
      return result;
    }
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => years / s <= 8) || 1000;
    for (let y = Math.ceil(startYear / step) * step; y <= endYear; y += step) {
      const d = new Date(0);
      d.setUTCFullYear(y, 0, 1);
      d.setUTCHours(0, 0, 0, 0);
      if (d.getTime() >= min && d.getTime() <= max) result.push({ at: d.getTime(), label: yearLabel(y) });
    }
    return result;
  }

  function render(fresh) {
    const rows = $("rows");
    const axis = $("axis");
    rows.replaceChildren();
    axis.replaceChildren();
    const events = state.events.filter((e) => e && e.date && !isNaN(dayOf(e.date.start)) && !isNaN(dayOf(e.date.end)));
    $("empty").hidden = events.length > 0;
    if (!events.length) return;

    let min = Math.min(...events.map((e) => dayOf(e.date.start)));
    let max = Math.max(...events.map((e) => dayOf(e.date.end) + DAY));
    const pad = Math.max((max - min) * 0.02, 15 * DAY);
    min -= pad;
    max += pad;
    const pct = (t) => ((t - min) / (max - min)) * 100;
    const tickList = ticks(min, max);
    for (const tick of tickList) {
      const label = el("span", "tick", tick.label);
      label.style.left = pct(tick.at) + "%";
      axis.appendChild(label);
    }

    for (const event of events) {
      const kind = kindOf(event);
      const row = el("li", "row");
      row.tabIndex = 0;
      row.dataset.id = String(event.id);
      row.dataset.kind = kind;
      row.dataset.granularity = String(event.date.granularity || "");
      if (fresh.has(event.id)) row.classList.add("new");
      if (state.selected === event.id) row.classList.add("selected");

      const label = el("div", "label");
      label.appendChild(el("span", "date", dateLabel(event.date)));
      label.appendChild(el("span", "gran", GRANULARITY_LABEL[event.date.granularity] || event.date.granularity || ""));
      const text = el("span", "text", event.text);
      text.title = String(event.text || "");
      label.appendChild(text);
      row.appendChild(label);

      const track = el("div", "track");
      for (const tick of tickList) {
        const line = el("span", "gridline");
        line.style.left = pct(tick.at) + "%";
        track.appendChild(line);
      }
      const mark = el("span", "mark " + kind);
      const start = dayOf(event.date.start);
      const end = dayOf(event.date.end) + DAY;
      if (kind === "point") {
        mark.style.left = pct((start + end) / 2) + "%";
      } else {
        mark.style.left = pct(start) + "%";
        mark.style.width = (pct(end) - pct(start)) + "%";
      }
      mark.title = dateLabel(event.date) + " (" + (event.date.granularity || "") + ")";
      track.appendChild(mark);
      row.appendChild(track);

      row.addEventListener("click", () => showDetails(event.id));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showDetails(event.id); } });
      rows.appendChild(row);
    }
  }

  function safeUrl(value) {
    try {
      const url = new URL(String(value), window.location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  async function showDetails(id) {
    state.selected = id;
    for (const row of document.querySelectorAll(".row")) row.classList.toggle("selected", row.dataset.id === String(id));
    const panel = $("details");
    panel.hidden = false;
    panel.dataset.id = String(id);
    $("details-sources").replaceChildren(el("li", null, "Loading…"));
    let event;
    try {
      event = (await api("/api/v1/events/" + encodeURIComponent(id))).body;
    } catch (e) {
      $("details-sources").replaceChildren(el("li", "error", "Could not read this event: " + e.message));
      return;
    }
    if (state.selected !== id) return;
    $("details-date").textContent = dateLabel(event.date) + " · " + ((event.date && event.date.granularity) || "");
    $("details-text").textContent = event.text || "";
    $("details-meta").textContent = (event.reportCount || 0) + " report(s) from " + (event.outletCount || 0)
      + " outlet(s)" + (event.firstReportedAt ? ", first on " + event.firstReportedAt : "");
    const entities = (event.entities || []).map((e) => e && e.text).filter(Boolean);
    $("details-entities").textContent = entities.length ? "Entities: " + entities.join(", ") : "";
    const list = $("details-sources");
    list.replaceChildren();
    for (const source of event.sources || []) {
      const item = el("li", "source");
      const href = safeUrl(source.url);
      const title = el(href ? "a" : "span", "source-title", source.title || source.url || source.articleId);
      if (href) {
        title.href = href;
        title.target = "_blank";
        title.rel = "noopener noreferrer";
      }
      item.appendChild(title);
      item.appendChild(el("span", "source-meta", [source.source, source.publishedAt, source.statedDate && ("stated as " + source.statedDate)]
        .filter(Boolean).join(" · ")));
      if (source.text) item.appendChild(el("span", "source-text", source.text));
      list.appendChild(item);
    }
    if (!list.children.length) list.appendChild(el("li", null, "No source is listed."));
  }

  // ---- wiring ----------------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", () => {
    $("key-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const key = $("key").value.trim();
      $("key").value = "";
      if (key) useKey(key);
    });
    $("forget-key").addEventListener("click", () => askForKey("Key forgotten."));
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); reload(); });
    $("saved").addEventListener("change", () => reload());
    $("clear").addEventListener("click", () => {
      for (const id of ["entity", "q", "from", "to"]) $(id).value = "";
      $("saved").value = "";
      reload();
    });
    $("close-details").addEventListener("click", () => {
      $("details").hidden = true;
      state.selected = null;
      for (const row of document.querySelectorAll(".row.selected")) row.classList.remove("selected");
    });
    const stored = sessionStorage.getItem(KEY_STORAGE);
    if (stored) useKey(stored); else askForKey();
  });
})();

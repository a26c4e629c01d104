// The live page: one JSON snapshot from /status, then one per server-sent event from /events. Charts keep the
// samples this page has seen (the server keeps no history), drawn with uPlot from the crawler's own jar.
(function () {
  "use strict";
  var MAX_POINTS = 1200;
  var series = { t: [], done: [], failed: [], queued: [], inFlight: [], threads: [], heap: [], cpu: [] };
  var charts = {};
  var updates = 0;
  var shownCrawl = null;
  var endShown = false;

  function el(id) { return document.getElementById(id); }
  function fixed(x, digits) { return Number(x || 0).toFixed(digits); }
  function mb(bytes) { return fixed((bytes || 0) / 1048576, 0); }
  function count(s, outcome) { return (s && s.outcomes && s.outcomes[outcome]) || 0; }

  function chart(id, labels, colors) {
    var box = el(id);
    var width = Math.max(280, box.clientWidth || 320);
    var opts = { width: width, height: 180, legend: { live: false }, scales: { x: { time: false } },
      axes: [{ label: "s" }, {}], series: [{ label: "s" }] };
    labels.forEach(function (label, i) { opts.series.push({ label: label, stroke: colors[i], width: 2 }); });
    var data = [[]];
    labels.forEach(function () { data.push([]); });
    return new uPlot(opts, data, box);
  }

  function setUpCharts() {
    if (typeof uPlot === "undefined") {
      return;
    }
    charts.progress = chart("chart-progress", ["records done", "failed", "queued"], ["#2563eb", "#dc2626", "#f59e0b"]);
    charts.threads = chart("chart-threads", ["in flight", "live threads"], ["#dc2626", "#059669"]);
    charts.memory = chart("chart-memory", ["heap MB", "CPU s"], ["#7c3aed", "#6b7280"]);
  }

  function sample(status) {
    var s = status.summary;
    if (!s || status.state === "waiting") {
      return;
    }
    if (status.crawl !== shownCrawl) {  // the next rung of a ladder: its charts start again
      shownCrawl = status.crawl;
      endShown = false;
      Object.keys(series).forEach(function (k) { series[k] = []; });
    }
    if (endShown) {  // a finished crawl's snapshot repeats until the next one starts
      return;
    }
    endShown = status.state === "finished";
    var t = s.wallSeconds;
    var last = series.t.length - 1;
    if (last >= 0 && t <= series.t[last]) {
      if (!endShown) {
        return;
      }
      // the summary ends at the last record, which can come a moment before the last live sample: the end takes
      // that sample's place, so time on the charts never runs backwards
      t = series.t[last];
      Object.keys(series).forEach(function (k) { series[k].pop(); });
    }
    series.t.push(t);
    series.done.push(s.records);
    series.failed.push(count(s, "failed"));
    series.queued.push(status.queued);
    series.inFlight.push(status.inFlight);
    series.threads.push(status.liveThreads);
    series.heap.push(Number(mb(status.heapBytes)));
    series.cpu.push(s.cpuSeconds < 0 ? null : s.cpuSeconds);
    if (series.t.length > MAX_POINTS) {
      Object.keys(series).forEach(function (k) { series[k].shift(); });
    }
    el("chart-progress").setAttribute("data-points", String(series.t.length));
    if (charts.progress) {
      charts.progress.setData([series.t, series.done, series.failed, series.queued]);
      charts.threads.setData([series.t, series.inFlight, series.threads]);
      charts.memory.setData([series.t, series.heap, series.cpu]);
    }
  }

  function rows(tbody, lines) {
    tbody.textContent = "";
    lines.forEach(function (cells) {
      var tr = document.createElement("tr");
      cells.forEach(function (cell, i) {
        var td = document.createElement("td");
        td.textContent = cell;
        if (i > 0 && /^-?[0-9.]+$/.test(String(cell))) { td.className = "n"; }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  function render(status) {
    var s = status.summary;
    updates++;
    el("title").textContent = status.title;
    el("crawl").textContent = status.crawl || "waiting for a crawl";
    el("state").textContent = status.state;
    el("state").className = "state " + status.state;
    el("updated").textContent = "updated " + updates + " times";
    el("updated").setAttribute("data-updates", String(updates));
    el("queued").textContent = status.queued;
    el("inflight").textContent = status.inFlight;
    el("threads").textContent = status.liveThreads;
    el("heap").textContent = mb(status.heapBytes);
    if (s) {
      el("done").textContent = s.records;
      el("pages").textContent = s.pages;
      el("rate").textContent = fixed(s.pagesPerSecond, 1);
      el("errors").textContent = count(s, "failed");
      el("cpu").textContent = s.cpuSeconds < 0 ? "-" : fixed(s.cpuSeconds, 1);
      rows(el("reasons"), Object.keys(s.reasons).map(function (r) { return [r, s.reasons[r]]; }));
    }
    sample(status);
    var ladder = status.ladder || [];
    el("ladder-section").hidden = status.title !== "compare" || ladder.length === 0;
    rows(el("ladder"), ladder.map(function (r) {
      var x = r.summary;
      return [r.crawl, x.pages, fixed(x.wallSeconds, 2), fixed(x.pagesPerSecond, 1), x.peakInFlight, x.peakThreads,
        fixed(x.cpuSeconds, 1), mb(x.peakHeapBytes)];
    }));
    var nodes = status.cluster || [];
    el("cluster-section").hidden = nodes.length === 0;
    rows(el("nodes"), nodes.map(function (n) { return [n.node, n.role, n.mode, fixed(n.pagesPerSecond, 1)]; }));
  }

  setUpCharts();
  fetch("status").then(function (r) { return r.json(); }).then(render).then(function () {
    var events = new EventSource("events");
    events.onmessage = function (e) { render(JSON.parse(e.data)); };
  });
})();

// The live page: one JSON snapshot from /status, then one per server-sent event from /events. Charts keep the
// samples this page has seen (the server keeps no history), drawn with uPlot from the crawler's own jar.
(function () {
  "use strict";
  var MAX_POINTS = 1200;
  var series = { t: [], done: [], failed: [], queued: [], inFlight: [], threads: [], heap: [], cpu: [] };
  var charts = {};
  var updates = 0;
  var shownCrawl = null;
  // each reason's count at each sample of series.t (reasons that appear later start with zeros)
  var reasonSeries = {};
  var SVG = "http://www.w3.org/2000/svg";
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
      reasonSeries = {};
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
      Object.keys(reasonSeries).forEach(function (k) { reasonSeries[k].pop(); });
    }
    series.t.push(t);
    series.done.push(s.records);
    series.failed.push(count(s, "failed"));
    series.queued.push(status.queued);
    series.inFlight.push(status.inFlight);
    series.threads.push(status.liveThreads);
    series.heap.push(Number(mb(status.heapBytes)));
    series.cpu.push(s.cpuSeconds < 0 ? null : s.cpuSeconds);
    var reasons = s.reasons || {};
    Object.keys(reasons).forEach(function (r) {
      if (!reasonSeries[r]) {
        reasonSeries[r] = series.t.slice(0, -1).map(function () { return 0; });
      }
    });
    Object.keys(reasonSeries).forEach(function (r) { reasonSeries[r].push(reasons[r] || 0); });
    if (series.t.length > MAX_POINTS) {
      Object.keys(series).forEach(function (k) { series[k].shift(); });
      Object.keys(reasonSeries).forEach(function (k) { reasonSeries[k].shift(); });
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

  // a small line of one reason's count over the samples seen, drawn as SVG (no chart library needed)
  function spark(values) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "spark");
    svg.setAttribute("viewBox", "0 0 160 24");
    svg.setAttribute("preserveAspectRatio", "none");
    var max = Math.max.apply(null, [1].concat(values));
    var n = Math.max(1, values.length - 1);
    var points = values.map(function (v, i) {
      return fixed(i * 160 / n, 1) + "," + fixed(23 - v * 22 / max, 1);
    }).join(" ");
    var line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points);
    svg.appendChild(line);
    svg.setAttribute("data-points", String(values.length));
    return svg;
  }

  function reasonRows(s) {
    var tbody = el("reasons");
    tbody.textContent = "";
    Object.keys(s.reasons).forEach(function (r) {
      var tr = document.createElement("tr");
      var name = document.createElement("td");
      name.textContent = r;
      var n = document.createElement("td");
      n.className = "n";
      n.textContent = s.reasons[r];
      var over = document.createElement("td");
      over.appendChild(spark(reasonSeries[r] || [s.reasons[r]]));
      tr.appendChild(name);
      tr.appendChild(n);
      tr.appendChild(over);
      tbody.appendChild(tr);
    });
  }

  function hostOf(url) {
    var m = /^([a-z]+:\/\/[^\/?#]+)/i.exec(url || "");
    return m ? m[1] : url;
  }

  function answer(h) {
    return h.lastError ? h.lastError : h.lastStatus > 0 ? String(h.lastStatus) : "-";
  }

  function hostRows(status) {
    var hosts = status.hosts || [];
    el("hosts-count").textContent = hosts.length ? "(" + hosts.length + " shown)" : "";
    rows(el("hosts"), hosts.map(function (h) {
      return [h.host, h.queued, h.inFlight, h.delayMs, answer(h), fixed(h.backoffMs / 1000, 1)];
    }));
    [].forEach.call(el("hosts").rows, function (tr, i) {
      tr.cells[0].className = "host";
      tr.setAttribute("data-host", hosts[i].host);
    });
  }

  function slotRows(status) {
    var strips = status.slots || [];
    var busy = [];
    var total = 0;
    var slots = 0;
    strips.forEach(function (f) {
      total += f.busy;
      slots += f.slots;
      f.shown.forEach(function (b) { busy.push({ fetcher: f.fetcher, slot: b.slot, url: b.url, age: b.ageMs }); });
    });
    el("slots-busy").textContent = strips.length ? "(" + total + " of " + slots + " busy)" : "";
    el("slots-busy").setAttribute("data-busy", String(total));
    var oldest = Math.max.apply(null, [1].concat(busy.map(function (b) { return b.age; })));
    var tbody = el("slots");
    tbody.textContent = "";
    busy.forEach(function (b) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-slot", (strips.length > 1 ? b.fetcher + "/" : "") + b.slot);
      tr.title = b.url;
      [String(b.slot), hostOf(b.url), fixed(b.age / 1000, 1)].forEach(function (text, i) {
        var td = document.createElement("td");
        td.textContent = text;
        td.className = i === 1 ? "host" : "n";
        tr.appendChild(td);
      });
      var cell = document.createElement("td");
      var bar = document.createElement("div");
      bar.className = "bar";
      bar.style.width = fixed(100 * b.age / oldest, 1) + "%";
      cell.appendChild(bar);
      tr.appendChild(cell);
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
    }
    sample(status);
    if (s) {
      reasonRows(s);
    }
    hostRows(status);
    slotRows(status);
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

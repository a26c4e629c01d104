package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.output.SummaryTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.json.OutputPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code compare.json}, the charts and {@code report.html} (table, charts, notes) into one folder. */
public final class CompareReport {
    /** Every column of the first table, defined where it is read. */
    private static final String COLUMNS = """
            <dl>
            <dt>mode, conc</dt><dd>how fetches run, and how many may be in flight at once (sequential: 1).</dd>
            <dt>pages, failed, skipped</dt><dd>records by outcome: HTML pages fetched and parsed; URLs that ended in an
            error after the retries; URLs not fetched (robots, scope, depth, page limit, not HTML).</dd>
            <dt>wall s</dt><dd>first request to last record.</dd>
            <dt>pages/s</dt><dd>pages over wall seconds.</dd>
            <dt>speed-up</dt><dd>sequential's wall time over this run's.</dd>
            <dt>ideal s</dt><dd>the shortest possible time for this crawl at this concurrency: a discrete-event
            simulation over the ground-truth link graph, the sites' exact latencies and faults, per-host limits and
            Crawl-delay.</dd>
            <dt>x ideal</dt><dd>wall / ideal. Two rungs are not meant to come near 1, and that is their lesson:
            processes counts its worker JVMs' starts in its wall time, and poll spins one core over sockets that are
            not ready, which delays the ones that are.</dd>
            <dt>p50 ms, p99 ms</dt><dd>fetch latency of the records that got a response, median and 99th percentile.</dd>
            <dt>peak in flight</dt><dd>most requests out at the same moment, as the crawler counted them.</dd>
            <dt>threads</dt><dd>peak live platform threads of the crawler JVM (the sites run in another process).</dd>
            <dt>cpu s</dt><dd>CPU seconds the crawler process used during the run, all threads (processes: its
            fetch worker JVMs' CPU added).</dd>
            <dt>heap MB</dt><dd>peak used heap (processes: plus the resident memory of every fetch worker JVM in the
            same sample, which is what a process pool costs).</dd>
            </dl>
            """;
    private static final String LADDER_COLUMNS = """
            <dl>
            <dt>x sequential</dt><dd>sequential's wall time over this run's.</dd>
            <dt>request s</dt><dd>every task's time from its hand-over to the fetch until its outcome (fetch and parse),
            added up: the waiting this crawl had to do, the same in every mode give or take each mode's own cost.</dd>
            <dt>in flight</dt><dd>request s over wall s: how many requests overlapped on average (1: one after another).
            </dd>
            <dt>cores busy</dt><dd>cpu s over wall s: how many cores the crawler kept busy (the poll mode burns one
            while it waits).</dd>
            <dt>published rung, published x</dt><dd>the same rung of the classic crawler ladder as its source published
            it (10 pages of example.com, Python, raw sockets), and its time over that series' sequential time. Its
            absolute times are another machine's and the internet's; compare the ratios.</dd>
            </dl>
            """;
    /** Says on the page whether every chart loaded, so a missing picture is seen (and a browser test can read it). */
    private static final String CHART_CHECK = """
            <script>
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var broken = images.filter(function (i) { return !i.complete || i.naturalWidth === 0; })
                  .map(function (i) { return i.getAttribute('src'); });
              var status = document.getElementById('charts-status');
              status.textContent = broken.length ? 'charts missing: ' + broken.join(', ')
                  : 'all ' + images.length + ' charts loaded';
              status.className = broken.length ? 'bad' : '';
            });
            </script>
            """;

    private CompareReport() {
    }

    public static Path write(Path dir, List<RunResult> results, List<String> notes, JsonObject context) {
        try {
            Files.createDirectories(dir);
            JsonArray runs = new JsonArray();
            results.forEach(r -> runs.add(r.toJson()));
            JsonObject json = context.copy().put("runs", runs).put("notes", new JsonArray(List.copyOf(notes)));
            OutputPaths.writeWhole(dir.resolve("compare.json"), (json.encodePrettily() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            List<String> charts = Charts.write(results, dir);
            Path html = dir.resolve("report.html");
            OutputPaths.writeWhole(html, html(results, notes, charts, context).getBytes(StandardCharsets.UTF_8));
            return html;
        } catch (IOException | UncheckedIOException e) {
            throw new OutputFailure("compare report", dir, e, null);
        }
    }

    private static String html(List<RunResult> results, List<String> notes, List<String> charts, JsonObject context) {
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>crawlcase compare</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.bad{color:#b00;font-weight:bold}</style></head><body>\n");
        h.append("<h1>crawlcase: the same crawl, every I/O model</h1>\n<p>")
                .append(escape(context.getString("machine", ""))).append("<br>Sites: ")
                .append(escape(context.getString("sites", ""))).append(", command: <code>")
                .append(escape(context.getString("command", ""))).append("</code></p>\n<table><tr>");
        SummaryTable<RunResult> table = CompareTable.of(results);
        for (String header : table.headers()) {
            h.append("<th>").append(escape(header)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : table.cells()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        h.append(COLUMNS);
        h.append("<h2>The ladder: the same waiting, strung out or overlapped</h2>\n").append(table(LadderTable.HEADERS, LadderTable.rows(results)));
        h.append(LADDER_COLUMNS);
        h.append("<ul>\n");
        for (String note : notes) {
            h.append("<li").append(note.startsWith("MISMATCH") ? " class=\"bad\"" : "").append(">")
                    .append(escape(note)).append("</li>\n");
        }
        h.append("</ul>\n");
        h.append("<p id=\"charts-status\">charts not checked (the page's script did not run)</p>\n");
        for (String chart : charts) {
            h.append("<p><img src=\"").append(chart).append("\" alt=\"").append(chart).append("\"></p>\n");
        }
        return h.append(CHART_CHECK).append("</body></html>\n").toString();
    }

    private static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder h = new StringBuilder("<table><tr>");
        headers.forEach(cell -> h.append("<th>").append(escape(cell)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(cell -> h.append("<td>").append(escape(cell)).append("</td>"));
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

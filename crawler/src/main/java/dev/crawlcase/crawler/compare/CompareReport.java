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
        h.append("<h1>crawlcase: the same crawl, four I/O models</h1>\n<p>")
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
        h.append("</table>\n<p><em>wall s</em>: first request to last record. <em>ideal s</em>: the shortest possible "
                + "time for this crawl at this concurrency (discrete-event simulation over the ground-truth link graph, "
                + "the sites' exact latencies and faults, per-host limits and Crawl-delay). <em>x ideal</em>: wall / ideal. "
                + "<em>threads</em>: peak live platform threads of the crawler JVM (the sites run in another process).</p>\n");
        h.append("<ul>\n");
        for (String note : notes) {
            h.append("<li").append(note.startsWith("MISMATCH") ? " class=\"bad\"" : "").append(">")
                    .append(escape(note)).append("</li>\n");
        }
        h.append("</ul>\n");
        for (String chart : charts) {
            h.append("<p><img src=\"").append(chart).append("\" alt=\"").append(chart).append("\"></p>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

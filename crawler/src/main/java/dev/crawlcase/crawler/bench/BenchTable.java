package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.output.TextTable;

import java.util.List;

/** A scenario's table as plain text (the terminal) or as Markdown (the README), each with target and verdict. */
final class BenchTable {
    private BenchTable() {
    }

    static String text(ScenarioResult r) {
        TextTable table = new TextTable(r.headers().toArray(String[]::new));
        r.rows().forEach(row -> table.row(row.toArray(String[]::new)));
        StringBuilder out = new StringBuilder(r.title()).append('\n').append(table.render());
        appendVerdict(out, r, "");
        return out.toString();
    }

    static String markdown(ScenarioResult r) {
        StringBuilder out = new StringBuilder("**").append(r.title()).append("**\n\n");
        markdownRow(out, r.headers());
        out.append('|');
        for (int c = 0; c < r.headers().size(); c++) {
            out.append(c == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        r.rows().forEach(row -> markdownRow(out, row));
        out.append('\n');
        appendVerdict(out, r, "- ");
        return out.toString();
    }

    static String verdictWord(Boolean met) {
        return met == null ? "NOT JUDGED" : met ? "MET" : "NOT MET";
    }

    private static void appendVerdict(StringBuilder out, ScenarioResult r, String bullet) {
        out.append(bullet).append("target: ").append(r.target()).append(" -> ").append(verdictWord(r.met()))
                .append(": ").append(r.verdict()).append('\n');
        r.notes().forEach(n -> out.append(bullet).append("note: ").append(n).append('\n'));
    }

    private static void markdownRow(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c -> out.append(' ').append(c.replace("|", "\\|")).append(" |"));
        out.append('\n');
    }
}

package dev.crawlcase.crawler.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, a rule, then rows; the first column left-aligned, the rest right-aligned. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... headers) {
        rows.add(headers);
    }

    public TextTable row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    public String render() {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            appendRow(out, rows.get(r), width);
            if (r == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                appendRow(out, rule, width);
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] row, int[] width) {
        for (int c = 0; c < row.length; c++) {
            String pad = " ".repeat(width[c] - row[c].length());
            out.append(c == 0 ? row[c] + pad : pad + row[c]);
            out.append(c == row.length - 1 ? "\n" : "  ");
        }
    }
}

package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.mode.FetchTimeline.Span;

import java.util.List;
import java.util.Locale;

/**
 * The picture of why blocking is slow: one panel per mode, one row per slot (a thread, a worker, a place for a
 * request in flight), each task a bar from the moment it was handed to its fetch to its outcome, split into connect,
 * wait for the first byte and body where the mode's client reports them ({@code FetchPhases}). All panels share
 * one time axis, so sequential's bars lie end to end across the whole width while the concurrent modes stack the
 * same bars into a short band. Written as SVG by hand: rectangles and text, nothing a chart library would add.
 */
final class TimelineSvg {
    private static final int WIDTH = 1000;
    private static final int LEFT = 170;
    private static final int RIGHT = 20;
    private static final int PANEL_ROWS_PX = 120;
    private static final int PANEL_GAP = 34;
    private static final int AXIS = 40;
    private static final String[] FILLS = {"#3b6fb6", "#8fb3e3"};
    private static final String FAILED = "#c0392b";
    /** A request's phases, where its client can tell them: connecting, waiting for the first byte, the body. */
    static final String CONNECT = "#f0b429";
    static final String WAIT = "#b9cde8";
    static final String BODY = "#1f4e8c";

    private TimelineSvg() {
    }

    static String of(List<RunResult> runs) {
        double endMs = runs.stream().mapToDouble(r -> lastEnd(r) - firstStart(r)).max().orElse(1);
        double scale = (WIDTH - LEFT - RIGHT) / endMs;
        int height = 30 + runs.size() * (PANEL_ROWS_PX + PANEL_GAP) + AXIS + 20;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" "
                        + "fill=\"white\"/>%n<text x=\"%d\" y=\"18\" font-size=\"15\">Every request of the same crawl, "
                        + "one row per slot, on one time axis</text>%n", WIDTH, height, WIDTH, height, LEFT));
        int top = 30;
        for (RunResult run : runs) {
            panel(svg, run, top, scale);
            top += PANEL_ROWS_PX + PANEL_GAP;
        }
        axis(svg, top, endMs, scale);
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, RunResult run, int top, double scale) {
        int slots = run.timeline().stream().mapToInt(Span::slot).max().orElse(0) + 1;
        double row = (double) PANEL_ROWS_PX / Math.max(slots, 1);
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s (%d)</text>%n",
                top + 14, CompareReport.escape(run.mode().label()), run.concurrency()));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%d rows, %d requests</text>%n",
                top + 30, slots, run.timeline().size()));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%.1f s of requests</text>%n",
                top + 46, run.requestSeconds()));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">in %.1f s of wall time</text>%n",
                top + 62, run.wallSeconds()));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>%n",
                LEFT, top, WIDTH - LEFT - RIGHT, PANEL_ROWS_PX));
        int[] perSlot = new int[slots];
        double origin = firstStart(run);
        for (Span span : run.timeline()) {
            double y = top + span.slot() * row;
            double height = Math.max(0.5, row - (row > 3 ? 1 : 0));
            double x = LEFT + (span.startMs() - origin) * scale;
            if (span.failed() || !span.phases().knowsFirstByte()) {
                String fill = span.failed() ? FAILED : FILLS[perSlot[span.slot()]++ % 2];
                bar(svg, x, y, Math.max(0.6, span.millis() * scale), height, fill);
                continue;
            }
            // the phases are measured from the attempt's start; a phase cannot end after the span does
            double connect = span.phases().knowsConnect() ? Math.min(span.phases().connectMs(), span.millis()) : 0;
            double firstByte = Math.max(connect, Math.min(span.phases().firstByteMs(), span.millis()));
            if (connect > 0) {
                bar(svg, x, y, connect * scale, height, CONNECT);
            }
            bar(svg, x + connect * scale, y, (firstByte - connect) * scale, height, WAIT);
            bar(svg, x + firstByte * scale, y, Math.max(0.6, (span.millis() - firstByte) * scale), height, BODY);
        }
    }

    private static void bar(StringBuilder svg, double x, double y, double width, double height, String fill) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n", x, y, width, height,
                fill));
    }

    private static void axis(StringBuilder svg, int top, double endMs, double scale) {
        double step = niceStep(endMs / 1000 / 8);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, top, WIDTH - RIGHT, top));
        for (double s = 0; s * 1000 <= endMs; s += step) {
            double x = LEFT + s * 1000 * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, top, x, top + 5, x, top + 18,
                    step < 1 ? String.format(Locale.ROOT, "%.1f", s) : String.format(Locale.ROOT, "%.0f", s)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the run's first "
                + "request (red: it failed)</text>%n", (LEFT + WIDTH - RIGHT) / 2, top + 34));
        legend(svg, top + 52);
    }

    /** What the colours mean: a request split into its phases where the mode's client reports them. */
    private static void legend(StringBuilder svg, int y) {
        String[][] keys = {{CONNECT, "connect"}, {WAIT, "waiting for the first byte"}, {BODY, "body (and parse)"},
                {FILLS[0], "no phases reported"}};
        double x = LEFT;
        for (String[] key : keys) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x, y - 10, key[0], x + 16, y, key[1]));
            x += 16 + 7 * key[1].length() + 18;
        }
    }

    /** Each run's time starts at its first request, as its wall time does. */
    private static double firstStart(RunResult run) {
        return run.timeline().stream().mapToDouble(Span::startMs).min().orElse(0);
    }

    private static double lastEnd(RunResult run) {
        return run.timeline().stream().mapToDouble(Span::endMs).max().orElse(1);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-3))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }
}

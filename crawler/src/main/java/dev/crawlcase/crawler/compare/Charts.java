package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.task.Mode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The comparison's charts as PNG files (XChart, headless). Returns the file names it wrote. */
final class Charts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    static List<String> write(List<RunResult> results, Path dir) {
        System.setProperty("java.awt.headless", "true");
        // PNGs are encoded in memory: ImageIO's file cache registers a shutdown hook, which fails once the JVM is
        // stopping, and a stopped compare still writes the charts of the runs that finished
        ImageIO.setUseCache(false);
        List<String> files = new ArrayList<>();
        List<RunResult> main = results.stream().filter(r -> !r.sweep()).toList();
        if (!main.isEmpty()) {
            files.add(save(wallTimeByMode(main), dir, "wall-time-by-mode"));
        }
        List<RunResult> timed = main.stream().filter(r -> !r.timeline().isEmpty()).toList();
        if (!timed.isEmpty()) {
            files.add(save(waitingByMode(timed), dir, "waiting-by-mode"));
            files.add(writeSvg(TimelineSvg.of(timed), dir, "timeline"));
            files.add(save(LatencyHistogram.chart(timed, WIDTH, HEIGHT), dir, "latency-histogram"));
        }
        List<RunResult> sampled = main.stream().filter(r -> r.resources().size() > 1).toList();
        if (!sampled.isEmpty()) {
            files.add(save(ResourceCharts.threads(sampled, WIDTH, HEIGHT), dir, "threads-over-time"));
            files.add(save(ResourceCharts.coresBusy(sampled, WIDTH, HEIGHT), dir, "cores-busy-over-time"));
        }
        List<RunResult> sweep = results.stream().filter(RunResult::sweep).toList();
        if (sweep.stream().map(RunResult::concurrency).distinct().count() > 1) {
            files.add(save(sweepChart(sweep, "Wall time against concurrency", "wall time (s)", RunResult::wallSeconds,
                    "ideal (simulated)", level -> idealAt(sweep, level)), dir, "time-vs-concurrency"));
            files.add(save(sweepChart(sweep, "Live crawler threads against concurrency", "peak live threads",
                    r -> r.peakThreads(), null, null), dir, "threads-vs-concurrency"));
            files.add(save(sweepChart(sweep, "Requests in flight: measured peak against configured",
                    "measured peak in flight", r -> r.summary().peakInFlight(), "configured",
                    level -> (double) level), dir, "in-flight-vs-concurrency"));
        }
        return files;
    }

    private static CategoryChart wallTimeByMode(List<RunResult> runs) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Wall time of the same crawl, by mode").xAxisTitle("mode (concurrency)")
                .yAxisTitle("wall time (s)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0.0");
        List<String> names = runs.stream().map(r -> r.mode().label() + " (" + r.concurrency() + ")").toList();
        chart.addSeries("measured", names, runs.stream().map(RunResult::wallSeconds).toList());
        if (runs.stream().noneMatch(r -> Double.isNaN(r.idealSeconds()))) {
            chart.addSeries("ideal (simulated)", names, runs.stream().map(RunResult::idealSeconds).toList());
        }
        return chart;
    }

    /** The simulated shortest time at this concurrency (the same for every mode), or NaN when unknown. */
    private static double idealAt(List<RunResult> runs, int level) {
        return runs.stream().filter(r -> r.concurrency() == level).mapToDouble(RunResult::idealSeconds)
                .filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
    }

    /** The same waiting in every mode, strung out (sequential: wall = requests added up) or overlapped. */
    private static CategoryChart waitingByMode(List<RunResult> runs) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Why blocking is slow: the same waiting, strung out or overlapped")
                .xAxisTitle("mode (concurrency)").yAxisTitle("seconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#0.0");
        List<String> names = runs.stream().map(r -> r.mode().label() + " (" + r.concurrency() + ")").toList();
        chart.addSeries("every request's time, added up", names, runs.stream().map(RunResult::requestSeconds).toList());
        chart.addSeries("wall time", names, runs.stream().map(RunResult::wallSeconds).toList());
        return chart;
    }

    private static String writeSvg(String svg, Path dir, String name) {
        try {
            Files.writeString(dir.resolve(name + ".svg"), svg, StandardCharsets.UTF_8);
            return name + ".svg";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sweep figure against the configured concurrency: one tick per measured point (a category axis, so the
     * ticks are the values that ran, evenly spaced as a geometric sweep would be on a log axis), one line per mode
     * with its own marker and dash so that equal lines stay visible, and optionally a reference line (the ideal time,
     * or the configured concurrency itself).
     */
    private static CategoryChart sweepChart(List<RunResult> runs, String title, String yTitle,
                                            ToDoubleFunction<RunResult> y, String referenceName,
                                            ToDoubleFunction<Integer> reference) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("configured concurrency (requests allowed in flight; one tick per measured point)")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true);  // every point on its tick; markers and dashes keep lines apart
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        List<Integer> levels = runs.stream().map(RunResult::concurrency).distinct().sorted().toList();
        List<String> ticks = levels.stream().map(String::valueOf).toList();
        BasicStroke[] dashes = {new BasicStroke(2f), dashed(8f), dashed(3f)};
        int n = 0;
        for (Mode mode : Mode.values()) {
            List<Double> values = new ArrayList<>();
            for (int level : levels) {
                // a mode not run at this level leaves a gap (XChart draws no point for null)
                values.add(runs.stream().filter(r -> r.mode() == mode && r.concurrency() == level).findFirst()
                        .map(y::applyAsDouble).orElse(null));
            }
            if (values.stream().anyMatch(v -> v != null)) {
                chart.addSeries(mode.label(), ticks, values).setLineStyle(dashes[n++ % dashes.length]);
            }
        }
        if (reference != null) {
            List<Double> values = levels.stream().map(reference::applyAsDouble).toList();
            if (values.stream().noneMatch(v -> v.isNaN())) {
                chart.addSeries(referenceName, ticks, values).setMarker(SeriesMarkers.NONE)
                        .setLineColor(Color.GRAY).setLineStyle(dashed(2f));
            }
        }
        return chart;
    }

    private static BasicStroke dashed(float dash) {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {dash, dash}, 0f);
    }

    private static String save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String name) {
        try {
            BitmapEncoder.saveBitmap(chart, dir.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
            return name + ".png";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

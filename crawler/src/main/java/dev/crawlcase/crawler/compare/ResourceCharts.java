package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.metrics.ResourceSampler.Sample;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads and CPU over each run, one line per mode, time from the run's start: the thread pool's thread count
 * climbs with the requests in flight while the others stay flat; cores busy shows what the waiting costs in CPU
 * (the poll mode keeps a core busy while it waits, the others sleep).
 */
final class ResourceCharts {
    /** Cores busy is averaged over windows this long: one 100 ms sample is mostly scheduling noise. */
    private static final double WINDOW_MS = 500;

    private ResourceCharts() {
    }

    static XYChart threads(List<RunResult> runs, int width, int height) {
        XYChart chart = chart("Live crawler threads during each run", "live platform threads", width, height);
        for (RunResult run : runs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Sample s : run.resources()) {
                x.add(s.atMs() / 1000);
                y.add((double) s.threads());
            }
            chart.addSeries(name(run), x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    static XYChart coresBusy(List<RunResult> runs, int width, int height) {
        XYChart chart = chart("Cores busy during each run (crawler process CPU, 0.5 s windows)", "cores busy",
                width, height);
        for (RunResult run : runs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            Sample from = null;
            for (Sample s : run.resources()) {
                if (from == null) {
                    from = s;
                } else if (s.atMs() - from.atMs() >= WINDOW_MS && s.cpuSeconds() >= 0) {
                    x.add(s.atMs() / 1000);
                    y.add((s.cpuSeconds() - from.cpuSeconds()) / ((s.atMs() - from.atMs()) / 1000));
                    from = s;
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(name(run), x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static XYChart chart(String title, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("seconds since the run started").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static String name(RunResult run) {
        return run.mode().label() + " (" + run.concurrency() + ")";
    }
}

package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.mode.FetchTimeline.Span;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;

/**
 * How long single requests took, per mode: the share of requests in each 10 ms bin, one line per mode, up to the
 * 99th percentile of all of them. The lines lie on top of each other when the modes wait the same; a mode whose
 * requests take longer (its own overhead, or a queue before the socket) shows as a line shifted right.
 */
final class LatencyHistogram {
    private static final double BIN_MS = 10;

    private LatencyHistogram() {
    }

    static XYChart chart(List<RunResult> runs, int width, int height) {
        double[] all = runs.stream().flatMap(r -> r.timeline().stream()).mapToDouble(Span::millis).sorted().toArray();
        double top = all.length == 0 ? BIN_MS : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))];
        int bins = (int) Math.ceil(top / BIN_MS) + 1;
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("Time per request (fetch and parse), share of requests per 10 ms")
                .xAxisTitle("ms per request (bins of 10 ms, up to the 99th percentile)")
                .yAxisTitle("share of requests (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        for (RunResult run : runs) {
            double[] share = new double[bins];
            for (Span span : run.timeline()) {
                share[(int) Math.min(bins - 1, span.millis() / BIN_MS)] += 100.0 / run.timeline().size();
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                x.add(b * BIN_MS + BIN_MS / 2);
                y.add(share[b]);
            }
            chart.addSeries(run.mode().label() + " (" + run.concurrency() + ")", x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}

package dev.crawlcase.crawler.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * A scrape read by the Prometheus text format's rules (version 0.0.4): comment lines start with #, every other
 * non-empty line is a metric name, optional labels and a value. A line that breaks them fails the test.
 */
record PrometheusText(List<Sample> samples) {
    private static final Pattern LINE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*})? (\\S+)( -?\\d+)?");

    record Sample(String name, String labels, double value) {
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                fail("not a Prometheus sample line: " + line);
            }
            samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), parseValue(m.group(3), line)));
        }
        return new PrometheusText(List.copyOf(samples));
    }

    private static double parseValue(String v, String line) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    yield fail("not a sample value in: " + line);
                }
            }
        };
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The value of the one sample with this name whose labels contain {@code label} (e.g. outcome="fetched"). */
    double value(String name, String label) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().contains(label)).toList();
        if (found.size() != 1) {
            fail(found.size() + " samples of " + name + " with " + label);
        }
        return found.get(0).value();
    }

    /** The sum over every sample with this name. */
    double sum(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
    }
}

package dev.crawlcase.sites.config;

import dev.crawlcase.json.Check;

import java.util.Random;

/**
 * A distribution of non-negative numbers (milliseconds for latency, bytes for page sizes, a count
 * for out-degree). In JSON: {@code {"type":"fixed","value":50}}, {@code {"type":"uniform","min":40,"max":80}}
 * or {@code {"type":"lognormal","median":60,"sigma":0.3,"max":300}} (the log-normal sample is capped at max).
 */
public sealed interface Distribution {

    /** One sample, drawn from {@code random} only (same random state, same sample). */
    double sample(Random random);

    /** {@link #sample(Random)} rounded to a whole number. */
    default long sampleLong(Random random) {
        return Math.round(sample(random));
    }

    /** The largest value this distribution can produce. */
    double max();

    static Distribution fixed(double value) {
        return new Fixed(value);
    }

    static Distribution uniform(double min, double max) {
        return new Uniform(min, max);
    }

    static Distribution lognormal(double median, double sigma, double max) {
        return new LogNormal(median, sigma, max);
    }

    /** Always {@code value}. */
    record Fixed(double value) implements Distribution {
        public Fixed {
            Check.atLeast("value", value, 0);
        }

        @Override
        public double sample(Random random) {
            return value;
        }

        @Override
        public double max() {
            return value;
        }
    }

    /** Uniform in [min, max]. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            Check.atLeast("min", min, 0);
            Check.atLeast("max", max, min);
        }

        @Override
        public double sample(Random random) {
            return min + (max - min) * random.nextDouble();
        }
    }

    /** exp(N(ln median, sigma)), capped at max: a long right tail, like real server response times. */
    record LogNormal(double median, double sigma, double max) implements Distribution {
        public LogNormal {
            Check.atLeast("median", median, 0);
            Check.atLeast("sigma", sigma, 0);
            Check.atLeast("max", max, median);
        }

        @Override
        public double sample(Random random) {
            return Math.min(max, median * Math.exp(sigma * random.nextGaussian()));
        }
    }
}

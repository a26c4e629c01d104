package dev.crawlcase.sites.config;

/** Range checks for config records; each failure is a {@link ConfigException} naming the key. */
final class Check {
    private Check() {
    }

    static double atLeast(String key, double value, double min) {
        if (!(value >= min)) {
            throw new ConfigException(key, "must be >= " + show(min) + ", got " + show(value));
        }
        return value;
    }

    static double between(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, "must be in [" + show(min) + ", " + show(max) + "], got " + show(value));
        }
        return value;
    }

    static <T> T notNull(String key, T value) {
        if (value == null) {
            throw new ConfigException(key, "is required");
        }
        return value;
    }

    /** Formats a number the way it would be written in the config: no ".0" on whole numbers. */
    static String show(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

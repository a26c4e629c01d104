package dev.crawlcase.json;

/**
 * Checks of one value each, for settings records and config readers: a failure is a {@link ConfigException} naming
 * the key, with the problem worded the same way wherever the check runs.
 */
public final class Check {
    private Check() {
    }

    /** {@code value} if it lies in [min, max]: the check of every bounded whole-number setting. */
    public static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(key, outOfRange(min, max, Long.toString(value)));
        }
        return value;
    }

    /** {@code value} if it lies in [min, max]: for fractional settings such as probabilities. */
    public static double between(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, "must be in [" + show(min) + ", " + show(max) + "], got " + show(value));
        }
        return value;
    }

    public static double atLeast(String key, double value, double min) {
        if (!(value >= min)) {
            throw new ConfigException(key, "must be >= " + show(min) + ", got " + show(value));
        }
        return value;
    }

    /** A rule between two settings: {@code key} may not be below {@code otherKey}. */
    public static long notBelow(String key, long value, String otherKey, long other) {
        if (value < other) {
            throw new ConfigException(key, "must be at least " + otherKey + " (" + other + "), got " + value);
        }
        return value;
    }

    /** A rule between two settings: {@code key} may not exceed {@code otherKey}. */
    public static long notAbove(String key, long value, String otherKey, long other) {
        if (value > other) {
            throw new ConfigException(key, "must not exceed " + otherKey + " (" + other + "), got " + value);
        }
        return value;
    }

    public static <T> T notNull(String key, T value) {
        if (value == null) {
            throw new ConfigException(key, "is required");
        }
        return value;
    }

    /** Formats a number the way it would be written in the config: no ".0" on whole numbers. */
    public static String show(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** The one wording of a whole number out of its range, shared with {@link JsonFields}. */
    static String outOfRange(long min, long max, String got) {
        return "must be between " + min + " and " + max + ", got " + got;
    }
}

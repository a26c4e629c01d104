package dev.crawlcase.json;

/**
 * The whole numbers a setting may take, both ends included. A settings record declares one per bounded value, checks
 * it in its constructor, and the config reader reads the same constant ({@link JsonFields#longIn(String, long, Range)}),
 * so each bound has one owner and a bad value is refused when the config loads, not when the record is first built.
 */
public record Range(long min, long max) {

    public Range {
        if (min > max) {
            throw new IllegalArgumentException("empty range: min " + min + " > max " + max);
        }
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** {@code value} if it is in range, else a {@link ConfigException} naming {@code key}. */
    public long check(String key, long value) {
        return Check.range(key, value, min, max);
    }

    /** The same range in other units, e.g. seconds for a range in milliseconds: narrowed to whole units inside it. */
    public Range inUnitsOf(long unit) {
        return new Range(Math.floorDiv(min + unit - 1, unit), Math.floorDiv(max, unit));
    }
}

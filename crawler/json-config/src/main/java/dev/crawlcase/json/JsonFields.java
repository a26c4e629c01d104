package dev.crawlcase.json;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Strict, path-aware reads from one JSON object of a config document. Every value is type- and range-checked (whole
 * numbers exactly, at any size, so a huge number is refused rather than wrapped); a key that is missing or JSON null
 * takes the caller's fallback; keys nobody asked for are refused ({@link #done()}, {@link #build}). Each problem is
 * one {@link ConfigException} naming the key's full path, e.g. {@code sites[0].latency.sigma}.
 */
public final class JsonFields {
    private final JsonObject json;
    private final String path;
    private final Set<String> read = new TreeSet<>();

    /** The object at {@code path} ({@code ""} for the document itself); null reads as an empty object. */
    public JsonFields(JsonObject json, String path) {
        this.json = json == null ? new JsonObject() : json;
        this.path = path;
    }

    /** The full path of a key of this object. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the key is present and not null; asking counts as reading it. */
    public boolean has(String name) {
        return ask(name) != null;
    }

    /** A problem with one key of this object, for checks the reader makes itself (e.g. an unknown enum value). */
    public ConfigException problem(String name, String problem) {
        return ConfigException.placed(key(name), problem);
    }

    private Object ask(String name) {
        read.add(name);
        return json.getValue(name);
    }

    public long longIn(String name, long fallback, long min, long max) {
        Object v = ask(name);
        if (v == null) {
            return fallback;
        }
        BigDecimal exact = whole(v);
        if (exact == null) {
            throw problem(name, "must be a whole number, got " + describe(v));
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw problem(name, Check.outOfRange(min, max, describe(v)));
        }
        return exact.longValueExact();
    }

    public long longIn(String name, long fallback, Range range) {
        return longIn(name, fallback, range.min(), range.max());
    }

    public int intIn(String name, int fallback, int min, int max) {
        return (int) longIn(name, fallback, min, max);
    }

    public int intIn(String name, int fallback, Range range) {
        return intIn(name, fallback, Math.toIntExact(range.min()), Math.toIntExact(range.max()));
    }

    /** Any whole number a long holds; the settings record checks its own bounds. */
    public long integer(String name, long fallback) {
        return longIn(name, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Any whole number an int holds; the settings record checks its own bounds. */
    public int smallInt(String name, int fallback) {
        return intIn(name, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public long requiredInteger(String name) {
        return integer(require(name), 0);
    }

    /** A finite number, whole or not. */
    public double number(String name, double fallback) {
        Number n = typed(name, Number.class, "a number");
        if (n == null) {
            return fallback;
        }
        if (!Double.isFinite(n.doubleValue())) {
            throw problem(name, "must be a finite number, got " + describe(n));
        }
        return n.doubleValue();
    }

    public boolean bool(String name, boolean fallback) {
        Boolean b = typed(name, Boolean.class, "true or false");
        return b == null ? fallback : b;
    }

    /** A string with something in it: a blank name, path or pattern is never what was meant. */
    public String string(String name, String fallback) {
        String s = typed(name, String.class, "a non-empty string");
        if (s != null && s.isBlank()) {
            throw problem(name, "must be a non-empty string, got " + describe(s));
        }
        return s == null ? fallback : s;
    }

    /** The value at this key if it is a {@code type}, null if missing or null, else a problem. */
    private <T> T typed(String name, Class<T> type, String expected) {
        Object v = ask(name);
        if (v != null && !type.isInstance(v)) {
            throw problem(name, "must be " + expected + ", got " + describe(v));
        }
        return type.cast(v);
    }

    public String requiredString(String name) {
        return string(require(name), null);
    }

    private String require(String name) {
        if (!has(name)) {
            throw problem(name, "is required");
        }
        return name;
    }

    public List<String> strings(String name) {
        return strings(name, List.of());
    }

    public List<String> strings(String name, List<String> fallback) {
        Object v = ask(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof JsonArray array)) {
            throw problem(name, "must be an array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s)) {
                throw problem(name + "[" + i + "]", "must be a string, got " + describe(array.getValue(i)));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    public List<Integer> ints(String name, Range range) {
        Object v = ask(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw problem(name, "must be an array of whole numbers, got " + describe(v));
        }
        int min = Math.toIntExact(range.min());
        int max = Math.toIntExact(range.max());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object item = array.getValue(i);
            BigDecimal exact = whole(item);
            if (exact == null || exact.compareTo(BigDecimal.valueOf(min)) < 0
                    || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw problem(name + "[" + i + "]", "must be a whole number between " + min + " and " + max
                        + ", got " + describe(item));
            }
            out.add(exact.intValueExact());
        }
        return List.copyOf(out);
    }

    /**
     * Every key of this object, for a map whose keys are the user's (header names): each counts as read, so the
     * caller reads its value with the typed getters and the keys are never refused as unknown.
     */
    public List<String> names() {
        List<String> names = List.copyOf(json.fieldNames());
        read.addAll(names);
        return names;
    }

    /** The object at this key; missing or null reads as an empty object, so its keys take their fallbacks. */
    public JsonFields object(String name) {
        return new JsonFields(typed(name, JsonObject.class, "an object"), key(name));
    }

    /** Each object of the array at this key, read by {@code reader} as with {@link #build}; missing reads as empty. */
    public <T> List<T> objects(String name, Function<JsonFields, T> reader) {
        Object v = ask(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw problem(name, "must be an array, got " + describe(v));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String item = name + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject o)) {
                throw problem(item, "must be an object, got " + describe(array.getValue(i)));
            }
            out.add(new JsonFields(o, key(item)).build(reader));
        }
        return out;
    }

    /**
     * Runs a reader over this object, then refuses keys it never asked for. A problem a settings record's
     * constructor throws names the record's own key ({@code maxDelayMs}); it is placed under this object's path
     * ({@code retry.maxDelayMs}), so records check their values once and the user still learns the full key.
     */
    public <T> T build(Function<JsonFields, T> reader) {
        T result;
        try {
            result = reader.apply(this);
        } catch (ConfigException e) {
            throw e.isPlaced() ? e : e.under(path);
        }
        done();
        return result;
    }

    /** Call after reading every known key: anything left is a typo or an unsupported setting. */
    public void done() {
        for (String name : json.fieldNames()) {
            if (!read.contains(name)) {
                throw problem(name, read.isEmpty() ? "unknown key"
                        : "unknown key (known here: " + String.join(", ", read) + ")");
            }
        }
    }

    /** The exact value of a whole JSON number (of any size), or null for fractions, infinities and non-numbers. */
    private static BigDecimal whole(Object v) {
        if (!(v instanceof Number n)) {
            return null;
        }
        boolean floating = v instanceof Double || v instanceof Float;
        if (floating && !Double.isFinite(n.doubleValue())) {
            return null;
        }
        BigDecimal exact = floating ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
        return exact.stripTrailingZeros().scale() <= 0 ? exact : null;
    }

    /** A value as a message shows it: strings quoted and escaped (one line whatever they hold), containers named. */
    private static String describe(Object v) {
        if (v instanceof String s) {
            return Json.encode(s);
        }
        return v instanceof JsonObject ? "an object" : v instanceof JsonArray ? "an array" : String.valueOf(v);
    }
}

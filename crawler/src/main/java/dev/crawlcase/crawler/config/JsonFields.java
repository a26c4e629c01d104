package dev.crawlcase.crawler.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict, path-aware reads from one JSON object: every value is type- and range-checked, and {@link #done()}
 * rejects keys nobody read. Each problem becomes one {@link ConfigException} line naming the key path.
 */
final class JsonFields {
    private final JsonObject json;
    private final String path;
    private final Set<String> read = new TreeSet<>();

    JsonFields(JsonObject json, String path) {
        this.json = json == null ? new JsonObject() : json;
        this.path = path;
    }

    private String key(String name) {
        read.add(name);
        return path.isEmpty() ? name : path + "." + name;
    }

    private Object raw(String name) {
        return json.getValue(name);
    }

    long longIn(String name, long fallback, long min, long max) {
        String key = key(name);
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        BigDecimal exact = whole(v);
        if (exact == null) {
            throw new ConfigException(key + ": must be a whole number, got " + describe(v));
        }
        if (!within(exact, min, max)) {
            throw new ConfigException(key + ": must be between " + min + " and " + max + ", got " + describe(v));
        }
        return exact.longValueExact();
    }

    private static boolean within(BigDecimal value, long min, long max) {
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
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

    int intIn(String name, int fallback, int min, int max) {
        return (int) longIn(name, fallback, min, max);
    }

    boolean bool(String name, boolean fallback) {
        String key = key(name);
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new ConfigException(key + ": must be true or false, got " + describe(v));
        }
        return b;
    }

    String string(String name, String fallback) {
        String key = key(name);
        Object v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ConfigException(key + ": must be a non-empty string, got " + describe(v));
        }
        return s;
    }

    List<String> strings(String name) {
        String key = key(name);
        Object v = raw(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw new ConfigException(key + ": must be an array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s)) {
                throw new ConfigException(key + "[" + i + "]: must be a string, got " + describe(array.getValue(i)));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    List<Integer> ints(String name, int min, int max) {
        String key = key(name);
        Object v = raw(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw new ConfigException(key + ": must be an array of whole numbers, got " + describe(v));
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object item = array.getValue(i);
            BigDecimal exact = whole(item);
            if (exact == null || !within(exact, min, max)) {
                throw new ConfigException(key + "[" + i + "]: must be a whole number between " + min + " and " + max
                        + ", got " + describe(item));
            }
            out.add(exact.intValueExact());
        }
        return List.copyOf(out);
    }

    JsonFields object(String name) {
        String key = key(name);
        Object v = raw(name);
        if (v != null && !(v instanceof JsonObject)) {
            throw new ConfigException(key + ": must be an object, got " + describe(v));
        }
        return new JsonFields((JsonObject) v, key);
    }

    /** Call after reading every known key: anything left is a typo or an unsupported setting. */
    void done() {
        for (String name : json.fieldNames()) {
            if (!read.contains(name)) {
                String key = path.isEmpty() ? name : path + "." + name;
                throw new ConfigException(key + ": unknown key (known here: " + String.join(", ", read) + ")");
            }
        }
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return v instanceof JsonObject ? "an object" : v instanceof JsonArray ? "an array" : String.valueOf(v);
    }
}

package dev.crawlcase.sites.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Typed, strict reads from one JSON object; every problem names the full key path. */
final class JsonFields {
    private final JsonObject json;
    private final String path;
    private final Set<String> read = new HashSet<>();

    JsonFields(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        read.add(name);
        return json.containsKey(name) && json.getValue(name) != null;
    }

    long integer(String name, long fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object value = json.getValue(name);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw wrongType(name, "an integer", value);
    }

    int smallInt(String name, int fallback) {
        long value = integer(name, fallback);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new ConfigException(key(name), "is out of range, got " + value);
        }
        return (int) value;
    }

    double number(String name, double fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object value = json.getValue(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, "a number", value);
    }

    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object value = json.getValue(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "true or false", value);
    }

    String string(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object value = json.getValue(name);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string", value);
    }

    String requiredString(String name) {
        if (!has(name)) {
            throw new ConfigException(key(name), "is required");
        }
        return string(name, null);
    }

    long requiredInteger(String name) {
        if (!has(name)) {
            throw new ConfigException(key(name), "is required");
        }
        return integer(name, 0);
    }

    JsonFields object(String name) {
        Object value = has(name) ? json.getValue(name) : new JsonObject();
        if (value instanceof JsonObject o) {
            return new JsonFields(o, key(name));
        }
        throw wrongType(name, "an object", value);
    }

    <T> List<T> objects(String name, Function<JsonFields, T> reader) {
        JsonArray array = array(name);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemKey = key(name) + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject o)) {
                throw new ConfigException(itemKey, "must be an object, got " + describe(array.getValue(i)));
            }
            JsonFields item = new JsonFields(o, itemKey);
            out.add(item.build(reader));
        }
        return out;
    }

    List<String> strings(String name, List<String> fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonArray array = array(name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s)) {
                throw new ConfigException(key(name) + "[" + i + "]", "must be a string, got " + describe(array.getValue(i)));
            }
            out.add(s);
        }
        return out;
    }

    private JsonArray array(String name) {
        Object value = has(name) ? json.getValue(name) : new JsonArray();
        if (value instanceof JsonArray a) {
            return a;
        }
        throw wrongType(name, "an array", value);
    }

    /**
     * Runs a reader over this object: problems thrown by record constructors (keys relative to this object)
     * get this object's path, and keys the reader never asked for are rejected.
     */
    <T> T build(Function<JsonFields, T> reader) {
        T result;
        try {
            result = reader.apply(this);
        } catch (ConfigException e) {
            if (e.key().startsWith(path) && !path.isEmpty()) {
                throw e;
            }
            throw path.isEmpty() ? e : e.under(path);
        }
        for (String name : json.fieldNames()) {
            if (!read.contains(name)) {
                throw new ConfigException(key(name), "unknown key");
            }
        }
        return result;
    }

    private ConfigException wrongType(String name, String expected, Object value) {
        return new ConfigException(key(name), "must be " + expected + ", got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}

package dev.crawlcase.crawler.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario measured: its table (headers and text cells), the raw figures of every run, and its target
 * with the verdict.
 *
 * @param met     true or false when the target was judged, null when it could not be (a run failed, a mode skipped)
 * @param verdict one sentence with the numbers the verdict rests on
 */
record ScenarioResult(String name, String title, List<String> headers, List<List<String>> rows, JsonArray runs,
                      String target, Boolean met, String verdict, List<String> notes) {

    ScenarioResult {
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(name + ": a row has " + row.size() + " cells for "
                        + headers.size() + " headers");
            }
        }
    }

    /** Back from {@link #toJson()} (results kept from an earlier run of the benchmark). */
    static ScenarioResult fromJson(JsonObject j) {
        List<List<String>> rows = new ArrayList<>();
        j.getJsonArray("rows").forEach(r -> rows.add(strings((JsonArray) r)));
        return new ScenarioResult(j.getString("name"), j.getString("title"), strings(j.getJsonArray("headers")), rows,
                j.getJsonArray("runs"), j.getString("target"), j.getBoolean("met"), j.getString("verdict"),
                strings(j.getJsonArray("notes")));
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    JsonObject toJson() {
        JsonArray table = new JsonArray();
        rows.forEach(r -> table.add(new JsonArray(List.copyOf(r))));
        return new JsonObject().put("name", name).put("title", title).put("target", target).put("met", met)
                .put("verdict", verdict).put("headers", new JsonArray(List.copyOf(headers))).put("rows", table)
                .put("runs", runs).put("notes", new JsonArray(List.copyOf(notes)));
    }
}

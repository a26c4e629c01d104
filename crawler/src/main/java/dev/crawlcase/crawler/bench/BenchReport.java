package dev.crawlcase.crawler.bench;

import io.vertx.core.json.DecodeException;
import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.json.OutputPaths;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results file (JSON) and its Markdown twin ({@code .md} beside it, what the README quotes). Scenarios run now
 * replace the ones of the same name already in the file; the others are kept, each with the time, machine and
 * command it was measured with.
 */
final class BenchReport {
    static final List<String> ORDER = List.of("c10k", "throughput", "parse", "memory");

    private BenchReport() {
    }

    /** Writes {@code json} and {@code json.md}; returns the Markdown path. */
    static Path write(Path json, List<ScenarioResult> fresh, JsonObject context) {
        List<JsonObject> scenarios = new ArrayList<>(kept(json));
        for (ScenarioResult r : fresh) {
            scenarios.removeIf(s -> s.getString("name").equals(r.name()));
            scenarios.add(r.toJson().mergeIn(context));
        }
        scenarios.sort((a, b) -> Integer.compare(ORDER.indexOf(a.getString("name")), ORDER.indexOf(b.getString("name"))));
        Path md = markdownPath(json);
        StringBuilder text = new StringBuilder();
        for (JsonObject s : scenarios) {
            text.append(BenchTable.markdown(ScenarioResult.fromJson(s)))
                    .append("\nMeasured ").append(s.getString("measuredAt")).append(" on ").append(s.getString("machine"))
                    .append(" with `").append(s.getString("command")).append("`.\n\n");
        }
        try {
            // each whole or not at all: a full disk never leaves half of the reference results
            OutputPaths.writeWhole(json, (new JsonObject().put("scenarios", new JsonArray(new ArrayList<>(scenarios)))
                    .encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8));
            OutputPaths.writeWhole(md, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutputFailure("bench results", json, e, null);
        }
        return md;
    }

    static Path markdownPath(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
    }

    private static List<JsonObject> kept(Path json) {
        if (!Files.isRegularFile(json)) {
            return List.of();
        }
        try {
            List<JsonObject> out = new ArrayList<>();
            new JsonObject(Files.readString(json, StandardCharsets.UTF_8)).getJsonArray("scenarios", new JsonArray())
                    .forEach(s -> out.add((JsonObject) s));
            out.removeIf(s -> !ORDER.contains(s.getString("name")));
            return out;
        } catch (IOException | DecodeException | ClassCastException e) {
            return List.of(); // not ours or unreadable: replaced by this run's results
        }
    }
}

package dev.crawlcase.json;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFieldsTest {
    private static final Range SMALL = new Range(1, 100);

    private static JsonFields fields(String json) {
        return new JsonFields(new JsonObject(json), "");
    }

    private static void assertProblem(String json, Function<JsonFields, ?> read, String message) {
        assertThatThrownBy(() -> fields(json).build(read)).isInstanceOf(ConfigException.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void missingAndNullKeysTakeTheFallback() {
        JsonFields f = fields("{\"n\": null, \"o\": null}");
        assertThat(f.longIn("n", 7, SMALL)).isEqualTo(7);
        assertThat(f.string("s", "x")).isEqualTo("x");
        assertThat(f.bool("b", true)).isTrue();
        assertThat(f.strings("l")).isEmpty();
        assertThat(f.object("o").intIn("inner", 3, SMALL)).isEqualTo(3);
        f.done();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'{\"n\": 0}'                         | n: must be between 1 and 100, got 0",
        "'{\"n\": 1.5}'                       | n: must be a whole number, got 1.5",
        "'{\"n\": \"5\"}'                     | n: must be a whole number, got \"5\"",
        "'{\"n\": true}'                      | n: must be a whole number, got true",
        "'{\"n\": 1e400}'                     | n: must be a whole number, got Infinity",
        "'{\"n\": 18446744073709551621}'      | n: must be between 1 and 100, got 18446744073709551621",
        "'{\"n\": {}}'                        | n: must be a whole number, got an object",
        "'{\"n\": []}'                        | n: must be a whole number, got an array",
    })
    void wholeNumbersAreExactAtAnySizeAndNeverWrap(String json, String message) {
        assertProblem(json, f -> f.longIn("n", 1, SMALL), message);
    }

    @Test
    void aWholeNumberWrittenWithAFractionPartIsStillWhole() {
        assertThat(fields("{\"n\": 10.0}").longIn("n", 1, SMALL)).isEqualTo(10);
        assertThat(fields("{\"n\": 1e2}").longIn("n", 1, SMALL)).isEqualTo(100);
    }

    @Test
    void numbersMayBeFractionalButFinite() {
        assertThat(fields("{\"x\": 0.25}").number("x", 0)).isEqualTo(0.25);
        assertProblem("{\"x\": 1e400}", f -> f.number("x", 0), "x: must be a finite number, got Infinity");
        assertProblem("{\"x\": \"0.5\"}", f -> f.number("x", 0), "x: must be a number, got \"0.5\"");
    }

    @Test
    void stringsMustHoldSomethingAndAreQuotedOnOneLineInMessages() {
        assertProblem("{\"s\": \"  \"}", f -> f.string("s", "x"), "s: must be a non-empty string, got \"  \"");
        assertProblem("{\"s\": 3}", f -> f.string("s", "x"), "s: must be a non-empty string, got 3");
        assertProblem("{\"b\": \"line\\nbreak\"}", f -> f.bool("b", false),
                "b: must be true or false, got \"line\\nbreak\"");
        assertProblem("{\"l\": [\"a\", 2]}", f -> f.strings("l"), "l[1]: must be a string, got 2");
        assertProblem("{\"l\": \"a\"}", f -> f.strings("l"), "l: must be an array of strings, got \"a\"");
    }

    @Test
    void requiredKeysSayTheyAreRequired() {
        assertProblem("{}", f -> f.requiredString("name"), "name: is required");
        assertProblem("{\"port\": null}", f -> f.requiredInteger("port"), "port: is required");
    }

    @Test
    void nestedKeysAreNamedByTheirFullPath() {
        assertProblem("{\"a\": {\"b\": {\"c\": -1}}}", f -> f.object("a").build(a -> a.object("b").build(
                b -> b.longIn("c", 1, SMALL))), "a.b.c: must be between 1 and 100, got -1");
        assertProblem("{\"a\": 5}", f -> f.object("a"), "a: must be an object, got 5");
        assertProblem("{\"xs\": [{\"v\": 1}, {\"v\": 0}]}", f -> f.objects("xs", x -> x.longIn("v", 1, SMALL)),
                "xs[1].v: must be between 1 and 100, got 0");
        assertProblem("{\"xs\": [{}, 3]}", f -> f.objects("xs", x -> 0), "xs[1]: must be an object, got 3");
        assertProblem("{\"xs\": {}}", f -> f.objects("xs", x -> 0), "xs: must be an array, got an object");
        assertProblem("{\"xs\": [1, 200]}", f -> f.ints("xs", SMALL),
                "xs[1]: must be a whole number between 1 and 100, got 200");
    }

    @Test
    void keysNobodyAskedForAreRefusedWithTheKnownOnesListed() {
        assertProblem("{\"a\": {\"speed\": 1, \"sped\": 2}}", f -> f.object("a").build(a -> a.longIn("speed", 1, SMALL)),
                "a.sped: unknown key (known here: speed)");
        assertProblem("{\"x\": 1}", f -> 0, "x: unknown key");
        JsonFields f = fields("{\"a\": 1, \"b\": 2}");
        f.has("a");
        f.has("b");
        f.done();
    }

    record Window(long from, long to) {
        Window {
            Check.notBelow("to", to, "from", from);
        }
    }

    @Test
    void aRecordsOwnProblemIsPlacedUnderTheObjectItWasBuiltFrom() {
        Function<JsonFields, Window> window = w -> new Window(w.longIn("from", 1, SMALL), w.longIn("to", 1, SMALL));
        assertProblem("{\"sites\": [{\"window\": {\"from\": 5, \"to\": 3}}]}",
                f -> f.objects("sites", s -> s.object("window").build(window)),
                "sites[0].window.to: must be at least from (5), got 3");
        assertProblem("{\"from\": 5, \"to\": 3}", f -> window.apply(f), "to: must be at least from (5), got 3");
        assertProblem("{\"w\": {}}", f -> f.object("w").build(w -> {
            throw new ConfigException("", "is empty");
        }), "w: is empty");
        assertProblem("{\"w\": {}}", f -> f.object("w").build(w -> {
            throw w.problem("kind", "must be one of a, b");
        }), "w.kind: must be one of a, b");
    }

    @Test
    void theSourceLeadsTheLineAndTheKeyAndProblemStayReadable() {
        ConfigException e = new ConfigException("retry.maxDelayMs", "must be at least baseDelayMs (100), got 50")
                .in("config/crawl.json");
        assertThat(e).hasMessage("config/crawl.json: retry.maxDelayMs: must be at least baseDelayMs (100), got 50")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(e.source()).isEqualTo("config/crawl.json");
        assertThat(e.key()).isEqualTo("retry.maxDelayMs");
        assertThat(e.problem()).isEqualTo("must be at least baseDelayMs (100), got 50");
        assertThat(new ConfigException("", "mode 'virtual' needs JDK 21")).hasMessage("mode 'virtual' needs JDK 21");
    }

    @Test
    void anEmptyListIsTheFallbackOnlyWhenTheKeyIsMissing() {
        assertThat(fields("{}").strings("l", List.of("/private/"))).containsExactly("/private/");
        assertThat(fields("{\"l\": []}").strings("l", List.of("/private/"))).isEmpty();
    }
}

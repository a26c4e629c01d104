package dev.crawlcase.crawler.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One live page in headless Chromium, driven over Chromium's own remote-debugging protocol (a WebSocket on
 * 127.0.0.1): for pages that keep changing (the live dashboard), where a one-shot DOM dump cannot say when to look.
 * A test waits on the page itself ({@link #evaluate} awaits a promise, e.g. one that resolves when a figure
 * changes), so it never sleeps; every wait is bounded by {@link CrawlcaseExtension#BOUND_S}. Console errors,
 * uncaught exceptions and failed loads are collected from the moment the page starts loading.
 */
public final class BrowserPage implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:\\d+/\\S+)");

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    private BrowserPage(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    /** Starts the browser on a blank page, then loads {@code url} with error collection already on. */
    static BrowserPage open(List<String> command, String url, int width, int height)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(command);
        args.add("--remote-debugging-port=0");
        args.add("--window-size=" + width + "," + height);
        args.add("about:blank");
        Process browser = new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserSocket = devToolsAddress(browser);
            URI base = URI.create(browserSocket);
            HttpClient http = HttpClient.newHttpClient();
            JsonArray targets = new JsonArray(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + base.getPort() + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = targets.stream().map(JsonObject.class::cast)
                    .filter(t -> "page".equals(t.getString("type"))).findFirst()
                    .orElseThrow(() -> new AssertionError("Chromium opened no page: " + targets))
                    .getString("webSocketDebuggerUrl");
            BrowserPage[] page = new BrowserPage[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener(page))
                    .get(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
            page[0] = new BrowserPage(browser, socket);
            page[0].call("Runtime.enable", new JsonObject());
            page[0].call("Log.enable", new JsonObject());
            page[0].call("Page.enable", new JsonObject());
            page[0].call("Page.navigate", new JsonObject().put("url", url));
            // scripts are evaluated in the page only once it has loaded, not in the blank page it replaces
            page[0].loaded.get(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
            return page[0];
        } catch (ExecutionException | TimeoutException | RuntimeException | AssertionError e) {
            browser.destroyForcibly();
            throw new AssertionError("could not drive Chromium: " + e, e);
        }
    }

    /** The value of {@code expression} (awaited if it is a promise), as JSON-compatible Java (String, Number, ...). */
    public Object evaluate(String expression) {
        JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        if (result.containsKey("exceptionDetails")) {
            fail("page script failed: " + result.getJsonObject("exceptionDetails").encode());
        }
        return result.getJsonObject("result").getValue("value");
    }

    /**
     * A promise (for {@link #evaluate}) that resolves with {@code expression}'s value once it is truthy, checked at
     * once and on every change of the page: a test waits on the page itself, never on a clock. In the expression,
     * {@code text(id)} is the text of the element with that id.
     */
    public static String until(String expression) {
        return "new Promise(resolve => {"
                + " const text = id => document.getElementById(id).textContent;"
                + " const check = () => { const v = (" + expression + "); if (v) { observer.disconnect(); resolve(v); } };"
                + " const observer = new MutationObserver(check);"
                + " observer.observe(document.documentElement, {subtree: true, childList: true, characterData: true});"
                + " check(); })";
    }

    /** Console errors, uncaught exceptions and failed loads seen so far. */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Shows the page as a window {@code width} px wide (a phone, say), {@code height} px high. */
    public void resize(int width, int height) {
        call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** A PNG of what the page shows now. */
    public Path screenshot(Path png) throws IOException {
        JsonObject shot = call("Page.captureScreenshot", new JsonObject().put("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.getString("data")));
        return png;
    }

    private JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(new JsonObject().put("id", id).put("method", method).put("params", params).encode(), true);
        try {
            JsonObject reply = answer.get(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
            if (reply.containsKey("error")) {
                fail(method + " failed: " + reply.getJsonObject("error").encode());
            }
            return reply.getJsonObject("result", new JsonObject());
        } catch (TimeoutException e) {
            throw new AssertionError(method + " not answered within " + CrawlcaseExtension.BOUND_S + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    private void onMessage(JsonObject message) {
        Integer id = message.getInteger("id");
        if (id != null) {
            CompletableFuture<JsonObject> answer = pending.get(id);
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonObject params = message.getJsonObject("params", new JsonObject());
        switch (message.getString("method", "")) {
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.getString("type"))) {
                    errors.add("console.error: " + params.getJsonArray("args").encode());
                }
            }
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.getJsonObject("exceptionDetails").encode());
            case "Log.entryAdded" -> {
                JsonObject entry = params.getJsonObject("entry");
                if ("error".equals(entry.getString("level"))) {
                    errors.add("log: " + entry.getString("text") + " " + entry.getString("url", ""));
                }
            }
            default -> {
            }
        }
    }

    /** The browser's DevTools address, from the line it prints on stderr once it listens. */
    private static String devToolsAddress(Process browser) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        drain(err);
                        return m.group(1);
                    }
                }
                throw new AssertionError("Chromium exited without listening for DevTools");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        try {
            return found.get(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no DevTools address from Chromium: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Keeps reading the browser's stderr so that it never blocks on a full pipe. */
    private static void drain(BufferedReader err) {
        Thread t = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // discarded: Chromium's own log lines, not the page's
                }
            } catch (IOException e) {
                // the browser closed
            }
        }, "chromium-stderr");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        socket.abort();
        // the renderer and helper processes write to the profile too: all of them are gone before the test's
        // temporary folder (which holds the profile) is deleted
        List<ProcessHandle> helpers = browser.descendants().toList();
        browser.destroyForcibly();
        helpers.forEach(ProcessHandle::destroyForcibly);
        try {
            browser.waitFor(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
            for (ProcessHandle helper : helpers) {
                helper.onExit().get(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a Chromium process did not exit: " + e, e);
        }
    }

    /** Gathers a message's fragments and hands whole messages to the page. */
    private static final class Listener implements WebSocket.Listener {
        private final BrowserPage[] page;
        private final StringBuilder text = new StringBuilder();

        Listener(BrowserPage[] page) {
            this.page = page;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonObject message = new JsonObject(text.toString());
                text.setLength(0);
                page[0].onMessage(message);
            }
            ws.request(1);
            return null;
        }
    }
}

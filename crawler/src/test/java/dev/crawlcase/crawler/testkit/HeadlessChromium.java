package dev.crawlcase.crawler.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, for the tests that must see a page as a browser renders it (the report's charts, the
 * live dashboard): the DOM after the page's scripts ran, or a screenshot. Only loopback pages are opened, and the
 * browser's own background traffic is switched off (this machine's network is closed anyway).
 *
 * <p>Where no Chromium is installed the test is skipped, unless {@code CRAWLCASE_BROWSER_REQUIRED} is set: CI sets
 * it after {@code .ci/install-browser}, so a browser test can never pass in CI by being skipped.
 */
public final class HeadlessChromium {
    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** The installed browser with an empty profile under {@code scratch}, or a skipped test (see the class). */
    public static HeadlessChromium find(Path scratch) throws IOException {
        Path binary = Path.of(System.getenv().getOrDefault("CRAWLCASE_CHROMIUM", "/usr/bin/chromium"));
        boolean present = Files.isExecutable(binary);
        if (!present && System.getenv("CRAWLCASE_BROWSER_REQUIRED") != null) {
            fail("no Chromium at " + binary + " although CRAWLCASE_BROWSER_REQUIRED is set (run .ci/install-browser)");
        }
        assumeTrue(present, "no Chromium at " + binary + " (.ci/install-browser installs it)");
        return new HeadlessChromium(binary, Files.createDirectories(scratch.resolve("chromium-profile")));
    }

    /**
     * The DOM of {@code url} once its scripts have run for {@code virtualMs} of the browser's virtual time (timers
     * run without waiting for the wall clock; the budget only bounds them).
     */
    public String dom(String url, int virtualMs) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=" + virtualMs, "--dump-dom", loopback(url)));
    }

    /** A PNG of {@code url} at {@code width} x {@code height}, after {@code virtualMs} of virtual time. */
    public Path screenshot(String url, Path png, int width, int height, int virtualMs)
            throws IOException, InterruptedException {
        run(List.of("--virtual-time-budget=" + virtualMs, "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), loopback(url)));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            fail("Chromium wrote no screenshot of " + url + " to " + png);
        }
        return png;
    }

    /**
     * A live page at {@code url} in a window of {@code width} x {@code height}, driven over the browser's debugging
     * protocol (see {@link BrowserPage}); close it when done.
     */
    public BrowserPage open(String url, int width, int height) throws IOException, InterruptedException {
        return BrowserPage.open(command(), loopback(url), width, height);
    }

    private static String loopback(String url) {
        if (!(url.startsWith("http://127.0.0.1:") || url.startsWith("file:/"))) {
            throw new IllegalArgumentException("only loopback pages or local files are opened: " + url);
        }
        return url;
    }

    /** The browser with its flags for tests: headless, no background traffic, this test's own profile. */
    private List<String> command() {
        return List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(command());
        command.addAll(args);
        Path out = Files.createTempFile(profile, "out", ".txt");
        Path err = Files.createTempFile(profile, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within " + CrawlcaseExtension.BOUND_S + " s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("Chromium exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}

package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.run.JvmFlags;
import dev.crawlcase.json.ConfigFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake sites in a child JVM, so that the crawler's threads, CPU time and heap are measured alone. Started on
 * free ports; the child prints {@code site NAME URL} per site, which is how we learn the URLs.
 */
public final class SitesProcess implements AutoCloseable {
    private static final String MAIN = "dev.crawlcase.sites.cli.SitesMain";

    private final Process process;
    private final Map<String, String> baseUrls;
    private final BufferedReader out;
    private final PrintWriter in;

    private SitesProcess(Process process, Map<String, String> baseUrls, BufferedReader out) {
        this.process = process;
        this.baseUrls = baseUrls;
        this.out = out;
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    /** Zeroes the sites' counters, so the next crawl meets exactly the same faults as the last one. */
    public void reset() {
        command("reset");
    }

    /** Renders every page now, so that no measured crawl pays for the sites' first rendering. */
    public void warm() {
        command("warm");
    }

    /** What the sites counted since they started or were reset. */
    public record Tally(long connections, long requests, long http2Requests) {
    }

    /** The sites' counts now: connections accepted, requests, and of them over HTTP/2. */
    public Tally counters() {
        for (String line : command("counters")) {
            Matcher m = TALLY.matcher(line);
            if (m.matches()) {
                return new Tally(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
            }
        }
        throw new IllegalStateException("the fake sites process did not say its counters");
    }

    private static final Pattern TALLY = Pattern.compile("counters connections=(\\d+) requests=(\\d+) http2=(\\d+)");

    /** Sends a command and returns what the child printed before it said the command was done. */
    private List<String> command(String name) {
        in.println(name);
        List<String> said = new ArrayList<>();
        try {
            String line;
            while ((line = out.readLine()) != null && !line.equals(name + " done")) {
                said.add(line);
            }
            if (line == null) {
                throw new IllegalStateException("the fake sites process exited");
            }
            return said;
        } catch (IOException e) {
            throw new UncheckedIOException("the fake sites process failed", e);
        }
    }

    /**
     * Starts the world in {@code config} (on disk or bundled in the jar) and waits until all {@code siteCount} sites
     * are listening.
     */
    public static SitesProcess start(ConfigFile config, int siteCount) {
        return start(config, siteCount, 1);
    }

    /** Like {@link #start(ConfigFile, int)}, each site served from {@code eventLoops} event loops sharing its port. */
    public static SitesProcess start(ConfigFile config, int siteCount, int eventLoops) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        command.addAll(JvmFlags.child());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        command.addAll(config.isBundled() ? List.of("--bundled-config", config.bundledName())
                : List.of("--config", config.path().toString()));
        command.addAll(List.of("--ephemeral-ports", "--control-stdin", "--event-loops", Integer.toString(eventLoops)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake sites process", e);
        }
        Map<String, String> urls = new LinkedHashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while (urls.size() < siteCount && (line = out.readLine()) != null) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].equals("site")) {
                    urls.put(parts[1], parts[2]);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("the fake sites process failed", e);
        }
        if (urls.size() < siteCount) {
            process.destroyForcibly();
            throw new IllegalStateException("the fake sites process exited before listening (exit code "
                    + waitQuietly(process) + ")");
        }
        return new SitesProcess(process, urls, out);
    }

    public Map<String, String> baseUrls() {
        return baseUrls;
    }

    @Override
    public void close() {
        process.destroy();
        if (waitQuietly(process) == Integer.MIN_VALUE) {
            process.destroyForcibly();
            waitQuietly(process);
        }
    }

    private static int waitQuietly(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : Integer.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integer.MIN_VALUE;
        }
    }
}

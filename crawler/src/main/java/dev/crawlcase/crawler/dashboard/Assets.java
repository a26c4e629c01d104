package dev.crawlcase.crawler.dashboard;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files, read once from the jar into memory: the page itself, its script and style, and uPlot (the chart
 * library, from its webjar, so nothing is loaded from the network). Served from memory because the crawler's
 * Vert.x has class-path file resolution off (see {@code run.CrawlerVertx}).
 */
final class Assets {
    private static final String OWN = "dev/crawlcase/crawler/dashboard/";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /** A file and its media type. */
    record Asset(Buffer body, String contentType) {
    }

    private final Map<String, Asset> byName;

    private Assets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    /** Reads every file (blocking: call on a worker). */
    static Assets load() {
        Map<String, Asset> files = new LinkedHashMap<>();
        files.put("index.html", read(OWN + "index.html", "text/html; charset=utf-8"));
        files.put("dashboard.js", read(OWN + "dashboard.js", "text/javascript; charset=utf-8"));
        files.put("dashboard.css", read(OWN + "dashboard.css", "text/css; charset=utf-8"));
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        files.put("uPlot.iife.min.js", read(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        files.put("uPlot.min.css", read(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
        return new Assets(files);
    }

    Optional<Asset> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String uplotVersion() {
        Properties pom = new Properties();
        try (InputStream in = open(UPLOT_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static Asset read(String resource, String contentType) {
        try (InputStream in = open(resource)) {
            return new Asset(Buffer.buffer(in.readAllBytes()), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing from the jar: " + resource);
        }
        return in;
    }
}

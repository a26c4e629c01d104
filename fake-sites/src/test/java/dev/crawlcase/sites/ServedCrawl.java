package dev.crawlcase.sites;

import dev.crawlcase.sites.model.ReferenceNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A plain breadth-first crawler for tests: fetches the SERVED pages over HTTP (retrying faults), parses
 * them with jsoup and follows the crawl rules, independently of the generator's model.
 */
final class ServedCrawl {
    static final int ATTEMPTS = 6;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> baseUrls;
    private final CrawlRules rules;
    private final Map<String, List<String>> disallowed = new HashMap<>();

    /** Result: HTML 200 pages with depth, every requested URL with its outcome, every raw href seen. */
    final Map<String, Integer> pages = new TreeMap<>();
    final Map<String, String> requested = new TreeMap<>();
    final List<String> hrefs = new ArrayList<>();
    final Map<String, Document> documents = new LinkedHashMap<>();

    private record Item(String url, int depth, int redirects) {
    }

    ServedCrawl(Map<String, String> baseUrls, CrawlRules rules) {
        this.baseUrls = baseUrls;
        this.rules = rules;
    }

    ServedCrawl run() throws IOException, InterruptedException {
        Deque<Item> queue = new ArrayDeque<>();
        for (Map.Entry<String, String> site : baseUrls.entrySet()) {
            if (inScope(site.getValue())) {
                disallowed.put(site.getValue(), robots(site.getValue()));
                requested.put(site.getValue(), "queued");
                queue.add(new Item(site.getValue(), 0, 0));
            }
        }
        while (!queue.isEmpty()) {
            Item item = queue.removeFirst();
            HttpResponse<byte[]> response = fetch(item.url());
            if (response == null) {
                requested.put(item.url(), "failed");
                continue;
            }
            int status = response.statusCode();
            requested.put(item.url(), Integer.toString(status));
            List<String> next = new ArrayList<>();
            int redirects = 0;
            if (status / 100 == 3) {
                redirects = item.redirects() + 1;
                if (redirects <= rules.maxRedirects()) {
                    next.add(URI.create(item.url()).resolve(response.headers().firstValue("Location").orElseThrow()).toString());
                }
            } else if (status == 200 && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                pages.put(item.url(), item.depth());
                next.addAll(links(item.url(), response));
            }
            for (String href : next) {
                String url = ReferenceNormalizer.normalize(href, rules.sortQuery());
                if (url != null && inScope(url) && !requested.containsKey(url) && item.depth() + 1 <= rules.maxDepth()
                        && !(rules.obeyRobots() && isDisallowed(url))) {
                    requested.put(url, "queued");
                    queue.addLast(new Item(url, item.depth() + 1, redirects));
                }
            }
        }
        return this;
    }

    private List<String> links(String url, HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String charset = type.contains("charset=") ? type.substring(type.indexOf("charset=") + 8) : null;
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(response.body()), charset, url);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        documents.put(url, doc);
        List<String> out = new ArrayList<>();
        for (Element link : doc.select("a[href], area[href]")) {
            hrefs.add(link.attr("href"));
            boolean nofollow = link.attr("rel").toLowerCase().contains("nofollow");
            if (!(rules.respectNofollow() && nofollow)) {
                out.add(link.absUrl("href"));
            }
        }
        return out;
    }

    private HttpResponse<byte[]> fetch(String url) throws InterruptedException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status != 500 && status != 503 && status != 429) {
                    return response;
                }
                if (attempt == ATTEMPTS - 1) {
                    return response;
                }
            } catch (IOException e) {
                // reset, truncated, malformed chunk or empty response: retry
            }
        }
        return null;
    }

    private List<String> robots(String base) throws InterruptedException {
        HttpResponse<byte[]> response = fetch(base + "robots.txt");
        List<String> prefixes = new ArrayList<>();
        new String(response.body()).lines().filter(l -> l.startsWith("Disallow:"))
                .map(l -> l.substring(9).trim()).filter(p -> !p.isEmpty()).forEach(prefixes::add);
        return prefixes;
    }

    private boolean isDisallowed(String url) {
        String target = ReferenceNormalizer.target(url);
        return disallowed.getOrDefault(ReferenceNormalizer.base(url), List.of()).stream().anyMatch(target::startsWith);
    }

    private boolean inScope(String url) {
        String base = ReferenceNormalizer.base(url);
        return baseUrls.entrySet().stream().anyMatch(e -> e.getValue().equals(base)
                && (rules.sites().isEmpty() || rules.sites().contains(e.getKey())));
    }
}

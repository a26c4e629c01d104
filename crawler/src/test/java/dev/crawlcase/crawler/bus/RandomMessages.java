package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.SitemapLimit;
import dev.crawlcase.crawler.task.SitemapPage;
import dev.crawlcase.crawler.task.ResponseCapture;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random frontier messages for wire tests: extreme numbers, nulls wherever a record allows them, bodies, unicode
 * (astral planes included) and pages with many links.
 */
public final class RandomMessages {
    private static final String[] PIECES = {"a", "/", "?q=1&r=2", "%20", "é", "日本語", "😀", "\u0000", " ", "ß", ""};
    private static final long[] EDGES = {0, 1, -1, 127, 128, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};

    private final Random random;

    public RandomMessages(long seed) {
        this.random = new Random(seed);
    }

    public Exchange exchange() {
        List<FetchOutcome> outcomes = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            outcomes.add(outcome());
        }
        return new Exchange(string(), outcomes, random.nextInt(3) == 0 ? 0 : random.nextInt(100_000));
    }

    public Lease lease() {
        List<FetchTask> tasks = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            tasks.add(task());
        }
        return new Lease(tasks, random.nextBoolean());
    }

    public FetchTask task() {
        return new FetchTask(anyLong(), string(), small(), small(), small(), pick(FetchTask.Kind.values()));
    }

    public FetchOutcome outcome() {
        byte[] body = new byte[random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(3)];
        random.nextBytes(body);
        FetchResult result = new FetchResult((int) anyLong(), nullable(), nullable(), body, anyLong(),
                random.nextBoolean(), nullable(), anyLong(), nullable(ErrorKind.values()), anyLong(),
                nullable(HttpProtocol.values()), anyLong(), ResponseCapture.NONE);
        List<String> links = new ArrayList<>();
        for (int i = random.nextInt(4) == 0 ? random.nextInt(3_000) : random.nextInt(3); i > 0; i--) {
            links.add(string());
        }
        ParsedPage page = new ParsedPage(nullable(), List.copyOf(links), (int) anyLong(), nullable(),
                random.nextBoolean() ? null : details(), random.nextBoolean() ? null : sitemap());
        return new FetchOutcome(task(), result, page, nullable(Mode.values()));
    }

    /** What a sitemap held besides its pages: listed sitemaps (maybe none) and maybe a broken bound. */
    public SitemapPage sitemap() {
        List<String> sitemaps = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            sitemaps.add(string());
        }
        return new SitemapPage(sitemaps, nullable(SitemapLimit.values()));
    }

    /** A full record's page details, each list empty, short or long. */
    public PageDetails details() {
        List<String> outlinks = new ArrayList<>();
        List<PageDetails.DroppedLink> dropped = new ArrayList<>();
        List<ResponseCapture.Header> headers = new ArrayList<>();
        for (int i = random.nextInt(4) == 0 ? random.nextInt(500) : random.nextInt(3); i > 0; i--) {
            outlinks.add(string());
            dropped.add(new PageDetails.DroppedLink(string(), pick(PageDetails.DropReason.values())));
            headers.add(new ResponseCapture.Header(string(), string()));
        }
        return new PageDetails(outlinks, dropped, headers, nullable(), nullable(), nullable());
    }

    private long anyLong() {
        return random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextLong() >> random.nextInt(64);
    }

    private int small() {
        return random.nextBoolean() ? random.nextInt(4) : random.nextInt(Integer.MAX_VALUE);
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private String nullable() {
        return random.nextInt(4) == 0 ? null : string();
    }

    private <E> E pick(E[] values) {
        return values[random.nextInt(values.length)];
    }

    private <E> E nullable(E[] values) {
        return random.nextInt(4) == 0 ? null : pick(values);
    }
}

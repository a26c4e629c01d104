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

/**
 * The binary form of the frontier's messages: field by field, in record order, through {@link WireOut} and
 * {@link WireIn}. Every message starts with {@link #VERSION}, so a node running other code fails loudly on the
 * first message instead of misreading enum ordinals or fields.
 */
final class TaskWire {
    /** Bump on any change to the layout below or to the order of an enum that travels. */
    static final byte VERSION = 2;

    private static final FetchTask.Kind[] KINDS = FetchTask.Kind.values();
    private static final ErrorKind[] ERRORS = ErrorKind.values();
    private static final SitemapLimit[] SITEMAP_LIMITS = SitemapLimit.values();
    private static final Mode[] MODES = Mode.values();
    private static final HttpProtocol[] PROTOCOLS = HttpProtocol.values();
    private static final PageDetails.DropReason[] DROP_REASONS = PageDetails.DropReason.values();

    private TaskWire() {
    }

    static void version(WireIn in) {
        long version = in.uvarint();
        if (version != VERSION) {
            throw new IllegalStateException("bus message of wire version " + version + ", this node reads "
                    + VERSION + ": every node of a crawl must run the same crawler");
        }
    }

    static void writeExchange(WireOut out, Exchange e) {
        out.uvarint(VERSION).string(e.fetcherId()).uvarint(e.max()).uvarint(e.outcomes().size());
        e.outcomes().forEach(o -> writeOutcome(out, o));
    }

    static Exchange readExchange(WireIn in) {
        version(in);
        String fetcherId = in.string();
        int max = in.count();
        int n = in.count();
        List<FetchOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(readOutcome(in));
        }
        return new Exchange(fetcherId, outcomes, max);
    }

    static void writeLease(WireOut out, Lease lease) {
        out.uvarint(VERSION).bool(lease.finished()).uvarint(lease.tasks().size());
        lease.tasks().forEach(t -> writeTask(out, t));
    }

    static Lease readLease(WireIn in) {
        version(in);
        boolean finished = in.bool();
        int n = in.count();
        List<FetchTask> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(readTask(in));
        }
        return new Lease(List.copyOf(tasks), finished);
    }

    static void writeTask(WireOut out, FetchTask t) {
        out.fixedLong(t.leaseId()).string(t.url()).uvarint(t.depth()).uvarint(t.attempt()).uvarint(t.redirects())
                .constant(t.kind());
    }

    static FetchTask readTask(WireIn in) {
        return new FetchTask(in.fixedLong(), in.string(), in.count(), in.count(), in.count(), in.constant(KINDS));
    }

    static void writeOutcome(WireOut out, FetchOutcome o) {
        writeTask(out, o.task());
        FetchResult r = o.result();
        out.svarint(r.status()).string(r.contentType()).string(r.charset()).bytes(r.body()).svarint(r.bytes())
                .bool(r.truncated()).string(r.location()).svarint(r.retryAfterMs()).constant(r.error())
                .svarint(r.fetchMillis()).constant(r.httpVersion()).svarint(r.wireBytes());
        ParsedPage p = o.page();
        out.string(p.title()).uvarint(p.links().size());
        p.links().forEach(out::string);
        out.svarint(p.rawLinks()).string(p.robots());
        writeDetails(out, p.details());
        writeSitemap(out, p.sitemap());
        out.string(p.refresh());
        out.constant(o.mode());
    }

    /** A full record's page details (absent for basic records: one byte). */
    static void writeDetails(WireOut out, PageDetails d) {
        out.bool(d != null);
        if (d == null) {
            return;
        }
        out.uvarint(d.outlinks().size());
        d.outlinks().forEach(out::string);
        out.uvarint(d.dropped().size());
        d.dropped().forEach(l -> out.string(l.href()).constant(l.reason()));
        out.uvarint(d.headers().size());
        d.headers().forEach(h -> out.string(h.name()).string(h.value()));
        out.string(d.sha256()).string(d.canonical()).string(d.text());
    }

    /** A sitemap's listed sitemaps and broken bound (absent for pages: one byte). */
    static void writeSitemap(WireOut out, SitemapPage s) {
        out.bool(s != null);
        if (s != null) {
            out.uvarint(s.sitemaps().size());
            s.sitemaps().forEach(out::string);
            out.constant(s.broken());
        }
    }

    static SitemapPage readSitemap(WireIn in) {
        if (!in.bool()) {
            return null;
        }
        int n = in.count();
        List<String> sitemaps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sitemaps.add(in.string());
        }
        return new SitemapPage(sitemaps, in.constant(SITEMAP_LIMITS));
    }

    static PageDetails readDetails(WireIn in) {
        if (!in.bool()) {
            return null;
        }
        int n = in.count();
        List<String> outlinks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outlinks.add(in.string());
        }
        n = in.count();
        List<PageDetails.DroppedLink> dropped = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dropped.add(new PageDetails.DroppedLink(in.string(), in.constant(DROP_REASONS)));
        }
        n = in.count();
        List<ResponseCapture.Header> headers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            headers.add(new ResponseCapture.Header(in.string(), in.string()));
        }
        return new PageDetails(outlinks, dropped, headers, in.string(), in.string(), in.string());
    }

    static FetchOutcome readOutcome(WireIn in) {
        FetchTask task = readTask(in);
        FetchResult result = new FetchResult(Math.toIntExact(in.svarint()), in.string(), in.string(), in.bytes(),
                in.svarint(), in.bool(), in.string(), in.svarint(), in.constant(ERRORS), in.svarint(),
                in.constant(PROTOCOLS), in.svarint(), ResponseCapture.NONE);
        String title = in.string();
        int n = in.count();
        List<String> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            links.add(in.string());
        }
        ParsedPage page = new ParsedPage(title, List.copyOf(links), Math.toIntExact(in.svarint()), in.string(),
                readDetails(in), readSitemap(in), in.string());
        return new FetchOutcome(task, result, page, in.constant(MODES));
    }
}

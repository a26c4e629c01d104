package dev.crawlcase.sites.model;

import dev.crawlcase.sites.model.Resource.Binary;
import dev.crawlcase.sites.model.Resource.DirectedPage;
import dev.crawlcase.sites.model.Resource.Missing;
import dev.crawlcase.sites.model.Resource.Page;
import dev.crawlcase.sites.model.Resource.Redirect;
import dev.crawlcase.sites.model.Resource.Sitemap;
import dev.crawlcase.sites.model.Resource.SitemapBomb;
import dev.crawlcase.sites.model.Resource.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/** Turns resources into responses for one running world (real base URLs); caches generated pages. */
public final class Replies {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final long seed;
    private final HtmlRenderer renderer;
    private final Map<String, Reply> cache = new ConcurrentHashMap<>();

    public Replies(long seed, Map<String, String> baseUrls) {
        this.seed = seed;
        this.renderer = new HtmlRenderer(seed, baseUrls);
    }

    public HtmlRenderer renderer() {
        return renderer;
    }

    public Reply reply(SiteModel site, Resource resource) {
        String key = site.name() + resource.self().target();
        if (!site.resources().containsKey(resource.self().target())) {
            return build(resource);
        }
        return cache.computeIfAbsent(key, k -> build(resource));
    }

    /** The site's robots.txt; with sitemaps, it names the sitemap index by its absolute URL. */
    public Reply robots(SiteModel site) {
        String text = site.robotsTxt();
        if (site.spec().sitemaps()) {
            text += "Sitemap: " + renderer.absolute(new Ref(site.name(), Paths.SITEMAP_INDEX)) + "\n";
        }
        return new Reply(200, "text/plain; charset=utf-8", null, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The error page sent with a 5xx or 429 fault. */
    public static Reply error(int status) {
        String body = "<!DOCTYPE html>\n<html><head><title>Error " + status
                + "</title></head><body>Try again later.</body></html>\n";
        return new Reply(status, "text/html; charset=utf-8", null, body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply build(Resource resource) {
        if (resource instanceof Page page) {
            String type = switch (page.style()) {
                case LATIN1_HEADER -> "text/html; charset=ISO-8859-1";
                case CP1252_META -> "text/html";
                default -> "text/html; charset=utf-8";
            };
            return new Reply(200, type, null, renderer.render(page));
        }
        if (resource instanceof Redirect redirect) {
            String location = redirect.relativeLocation() && redirect.location().site().equals(redirect.self().site())
                    ? redirect.location().target() : renderer.absolute(redirect.location());
            return new Reply(redirect.status(), null, location, new byte[0]);
        }
        if (resource instanceof Binary binary) {
            return new Reply(200, binary.contentType(), null, binaryBody(binary));
        }
        if (resource instanceof DirectedPage directed) {
            byte[] html = renderer.render(directed.page());
            if (directed.meta() != null) { // the meta goes first in <head>: the page is UTF-8, the marker ASCII
                String text = new String(html, StandardCharsets.UTF_8).replaceFirst("<head>\n",
                        "<head>\n<meta name=\"robots\" content=\"" + directed.meta() + "\">\n");
                html = text.getBytes(StandardCharsets.UTF_8);
            }
            return new Reply(200, "text/html; charset=utf-8", null, html, directed.header());
        }
        if (resource instanceof Sitemap sitemap) {
            byte[] xml = sitemapXml(sitemap).getBytes(StandardCharsets.UTF_8);
            return sitemap.gzip() ? new Reply(200, "application/gzip", null, gzip(xml))
                    : new Reply(200, "application/xml; charset=utf-8", null, xml);
        }
        if (resource instanceof SitemapBomb bomb) {
            return new Reply(200, "application/gzip", null, GzipBomb.body(bomb.inflatedBytes()));
        }
        Missing missing = (Missing) resource;
        String body = "<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><p>No page at "
                + missing.self().path().replace("<", "&lt;") + "</p></body></html>\n";
        return new Reply(404, "text/html; charset=utf-8", null, body.getBytes(StandardCharsets.UTF_8));
    }

    private String sitemapXml(Sitemap sitemap) {
        String list = sitemap.index() ? "sitemapindex" : "urlset";
        String entry = sitemap.index() ? "sitemap" : "url";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(list)
                .append(" xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Ref ref : sitemap.entries()) {
            xml.append("  <").append(entry).append("><loc>").append(renderer.absolute(ref).replace("&", "&amp;"))
                    .append("</loc></").append(entry).append(">\n");
        }
        return xml.append("</").append(list).append(">\n").toString();
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    private byte[] binaryBody(Binary binary) {
        Random random = Seeds.random(seed, binary.self().site(), binary.self().target(), "bytes");
        byte[] body = new byte[binary.bytes()];
        if (binary.contentType().startsWith("text/")) {
            byte[] rule = ("body { color: #" + Integer.toHexString(0x100000 + random.nextInt(0xeffff)) + "; }\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < body.length; i++) {
                body[i] = rule[i % rule.length];
            }
            return body;
        }
        random.nextBytes(body);
        byte[] magic = binary.contentType().equals("image/png") ? PNG_MAGIC : "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, body, 0, Math.min(magic.length, body.length));
        return body;
    }

}

package dev.crawlcase.sites.model;

import dev.crawlcase.sites.model.Resource.Page;
import dev.crawlcase.sites.model.Resource.Style;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** Renders a {@link Page} to bytes with the real base URLs; same seed and same ports give the same bytes. */
public final class HtmlRenderer {
    private final long seed;
    private final HrefWriter hrefs;

    public HtmlRenderer(long seed, Map<String, String> baseUrls) {
        this.seed = seed;
        this.hrefs = new HrefWriter(Map.copyOf(baseUrls));
    }

    /** The href a link is written with on a page (what a parser finds in the served HTML). */
    public String href(Link link, Page page) {
        return hrefs.href(link, page);
    }

    public String absolute(Ref ref) {
        return hrefs.absolute(ref);
    }

    public static Charset charset(Style style) {
        return switch (style) {
            case LATIN1_HEADER -> StandardCharsets.ISO_8859_1;
            case CP1252_META -> Charset.forName("windows-1252");
            default -> StandardCharsets.UTF_8;
        };
    }

    public byte[] render(Page page) {
        Random random = Seeds.random(seed, page.self().site(), page.self().target(), "text");
        String html = page.style() == Style.BROKEN ? broken(page, random) : wellFormed(page, random);
        return html.getBytes(charset(page.style()));
    }

    /** The page with its {@code <link>} elements at the end of {@code <head>} and its iframes after its links. */
    public byte[] render(Resource.EmbeddingPage embedding) {
        Page page = embedding.page();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < embedding.linked().size(); i++) {
            String rel = i == 0 ? "alternate\" hreflang=\"de" : "next";
            head.append("<link rel=\"").append(rel).append("\" href=\"")
                    .append(escape(hrefs.absolute(embedding.linked().get(i)))).append("\">\n");
        }
        StringBuilder frames = new StringBuilder();
        embedding.iframes().forEach(ref -> frames.append("<iframe src=\"")
                .append(escape(HrefWriter.relative(page.self().directory(), ref))).append("\" title=\"embedded\"></iframe>\n"));
        String html = new String(render(page), StandardCharsets.UTF_8)
                .replaceFirst("</head>\n", java.util.regex.Matcher.quoteReplacement(head + "</head>\n"))
                .replaceFirst("</nav>\n", java.util.regex.Matcher.quoteReplacement("</nav>\n" + frames));
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** A frameset document: a head, then frames with relative sources, and no body. */
    public byte[] render(Resource.FramesetPage frameset) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(frameset.title())).append("</title>\n</head>\n<frameset cols=\"50%,50%\">\n");
        frameset.frames().forEach(ref -> out.append("<frame src=\"")
                .append(escape(HrefWriter.relative(frameset.self().directory(), ref))).append("\">\n"));
        return out.append("</frameset>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String wellFormed(Page page, Random random) {
        StringBuilder out = new StringBuilder(page.fillerBytes() + 4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        if (page.style() == Style.CP1252_META) {
            out.append("<meta charset=\"windows-1252\">\n");
        } else if (page.style() != Style.LATIN1_HEADER) {
            out.append("<meta charset=\"utf-8\">\n");
        }
        if (page.base() != null) {
            out.append("<base href=\"").append(hrefs.absolute(page.base())).append("\">\n");
        }
        out.append("<title>").append(escape(page.title())).append("</title>\n");
        if (page.canonical() != null) {
            out.append("<link rel=\"canonical\" href=\"").append(escape(hrefs.absolute(page.canonical()))).append("\">\n");
        }
        out.append("<link rel=\"stylesheet\" href=\"").append(escape(hrefs.absolute(new Ref(page.self().site(), Paths.CSS))))
                .append("\">\n</head>\n<body id=\"top\">\n<h1>").append(escape(page.title())).append("</h1>\n<nav><ul>\n");
        StringBuilder areas = new StringBuilder();
        for (Link link : page.links()) {
            String attrs = "href=\"" + escape(hrefs.href(link, page)) + "\"" + (link.nofollow() ? " rel=\"nofollow\"" : "");
            if (link.area()) {
                areas.append("<area shape=\"rect\" coords=\"0,0,10,10\" ").append(attrs).append(" alt=\"area\">\n");
            } else {
                out.append("<li><a ").append(attrs).append('>').append(Words.title(random, 2)).append("</a></li>\n");
            }
        }
        out.append("</ul></nav>\n");
        if (areas.length() > 0) {
            out.append("<map name=\"m\">\n").append(areas).append("</map>\n");
        }
        out.append("<article id=\"part-2\">\n");
        Words.paragraphs(random, page.fillerBytes(), out);
        out.append("</article>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Unclosed elements, unquoted and single-quoted attributes, stray end tags, no closing body or html. */
    private String broken(Page page, Random random) {
        StringBuilder out = new StringBuilder("<html><head><title>").append(escape(page.title()))
                .append("</title>\n<body>\n<div class=content><p>Some text");
        int i = 0;
        for (Link link : page.links()) {
            String href = hrefs.href(link, page);
            String rel = link.nofollow() ? " rel=nofollow" : "";
            switch (i++ % 3) {
                case 0 -> out.append("\n<p>unclosed <a href=").append(href).append(rel).append(">link ").append(i);
                case 1 -> out.append("\n<div><span>nested <a href='").append(href).append("'").append(rel)
                        .append("><b>bold ").append(i).append("</a></span></i>");
                default -> out.append("\n<table><tr><td><a href=\"").append(escape(href)).append("\"").append(rel)
                        .append(">cell ").append(i).append("</td>");
            }
        }
        out.append("\n<p>");
        Words.paragraphs(random, page.fillerBytes(), out);
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}

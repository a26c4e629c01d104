package dev.crawlcase.crawler.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How long {@link PageParser} takes on a 20 KB and a 3 MB page (median, p90 and max, printed), to decide whether
 * the async mode must move parsing off the event loop.
 *
 * <p>A benchmark in {@code crawler/src/bench}: compiled with the tests, never run by them. From the repository root:
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes dev.crawlcase.crawler.parse.ParseCost
 * </pre>
 */
public final class ParseCost {

    public static void main(String[] args) {
        PageParser parser = new PageParser();
        LinkNormalizer normalizer = new UriNormalizer();
        for (int size : new int[] {20_000, 3_000_000}) {
            byte[] page = page(size);
            int runs = size < 100_000 ? 2_000 : 40;
            for (int i = 0; i < runs; i++) {
                parser.parse(page, "UTF-8", "http://127.0.0.1/p", false, normalizer);
            }
            double[] ms = new double[runs];
            int links = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                links = parser.parse(page, "UTF-8", "http://127.0.0.1/p", false, normalizer).links().size();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%,d bytes, %d links: median %.2f ms, p90 %.2f ms, max %.2f ms (%d runs after %d warm-up)%n",
                    page.length, links, ms[runs / 2], ms[runs * 9 / 10], ms[runs - 1], runs, runs);
        }
    }

    /** A page of paragraphs with one link each, like the fake sites' pages (about one link per 100 bytes). */
    static byte[] page(int size) {
        StringBuilder html = new StringBuilder("<html><head><title>Cost</title></head><body>");
        int i = 0;
        while (html.length() < size) {
            html.append("<p>Lorem ipsum dolor sit amet, consectetur <a href='/page/").append(i++)
                    .append(".html'>link</a></p>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}

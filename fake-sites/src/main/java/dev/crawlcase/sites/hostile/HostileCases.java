package dev.crawlcase.sites.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of hostile cases. Expectations hold for a crawl that obeys robots.txt with the crawler's defaults
 * for everything a case depends on: links over 8 KB are not fetched, robots.txt redirects are followed five hops,
 * a page redirect chain is followed further than two hops, and the total timeout is shorter than a body that never
 * ends.
 */
public final class HostileCases {
    /** Links on the huge page: enough to hold an event loop for seconds if taken in one go. */
    static final int HUGE_PAGE_LINKS = 50_000;
    /** Longer than the 8 KB a crawler fetches. */
    static final int OVERLONG_PATH = 9 * 1024;
    /** The password the userinfo case puts in its links; no record may carry it. */
    public static final String SECRET = "hostile-pw-0451";

    private static final String BODY = "<html><title>framed</title>body</html>";
    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";

    private HostileCases() {
    }

    public static List<HostileCase> all() {
        return List.of(
                framing("content-length-and-chunked", "a length of 3 over a chunked body: which one frames it?",
                        HEAD + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n"),
                framing("two-lengths", "two different Content-Length lines",
                        HEAD + "Content-Length: 10\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY),
                framing("negative-length", "a negative Content-Length", HEAD + "Content-Length: -5\r\n\r\n" + BODY),
                framing("http-0.9", "a body with no status line at all", BODY),
                framing("http2-preface", "an HTTP/2 preface on an HTTP/1.1 connection", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                new HostileCase("robots-behind-redirect", "robots.txt moved by a 301, to make it look absent",
                        (base, path) -> switch (path) {
                            case "/robots.txt" -> Answer.status(301, "/moved/robots.txt");
                            case "/moved/robots.txt" -> Answer.ok("text/plain", "User-agent: *\nDisallow: /private\n");
                            case "/" -> Answer.html(page("<a href=\"/private\">p</a><a href=\"/open\">o</a>"));
                            case "/open", "/private" -> Answer.html(page(""));
                            default -> null;
                        },
                        Map.of("/", Expected.fetched(), "/open", Expected.fetched(),
                                "/private", Expected.skipped("robots"))),
                unreachableRobots("robots-garbage", "robots.txt answered with bytes that are not HTTP",
                        Answer.raw("\u0000\u00ff garbage, not HTTP \u0001\u0002\r\n\r\n")),
                unreachableRobots("robots-timeout", "robots.txt never answered", Answer.silence()),
                new HostileCase("robots-redirect-chain", "robots.txt redirected without end",
                        (base, path) -> path.equals("/robots.txt") || path.startsWith("/r/")
                                ? Answer.status(302, "/r/" + (path.startsWith("/r/") ? Integer.parseInt(path.substring(3)) + 1 : 1))
                                : path.equals("/") ? Answer.html(page("")) : null,
                        Map.of("/", Expected.skipped("robots_unreachable"))),
                new HostileCase("userinfo-links", "links carrying user:password@, to be fetched and recorded",
                        (base, path) -> switch (path) {
                            case "/" -> Answer.html(page("<a href=\"" + base.replace("://", "://admin:" + SECRET + "@")
                                    + "/inner\">i</a><a href=\"/inner\">j</a>"));
                            case "/inner" -> Answer.html(page(""));
                            default -> null;
                        },
                        Map.of("/", Expected.fetched(), "/inner", Expected.fetched())),
                new HostileCase("lookalike-links", "links that look distinct but name one URL, to be fetched repeatedly",
                        (base, path) -> switch (path) {
                            case "/" -> Answer.html(page("<a href=\"/a\">1</a><a href=\"/./a\">2</a>"
                                    + "<a href=\"/b/../a\">3</a><a href=\"/%61\">4</a><a href=\"/a#top\">5</a>"
                                    + "<a href=\"HTTP://127.0.0.1:" + base.substring(base.lastIndexOf(':') + 1)
                                    + "/a\">6</a>"));
                            case "/a" -> Answer.html(page(""));
                            default -> null;
                        },
                        Map.of("/", Expected.fetched(), "/a", Expected.fetched())),
                new HostileCase("overlong-link", "a link longer than a crawler fetches, to make it vanish",
                        (base, path) -> path.equals("/")
                                ? Answer.html(page("<a href=\"/" + "x".repeat(OVERLONG_PATH) + "\">long</a>")) : null,
                        Map.of("/", Expected.fetched(), "/" + "x".repeat(OVERLONG_PATH), Expected.skipped("url_too_long"))),
                hugePage(),
                new HostileCase("slowloris-body", "a body that arrives one byte at a time and never ends",
                        (base, path) -> path.equals("/") ? Answer.dribble(HEAD + "Content-Length: 10000000\r\n\r\n"
                                + "<html><title>slow", 100) : null,
                        Map.of("/", Expected.failed("timeout_total"))),
                new HostileCase("redirect-loop", "two pages redirecting to each other",
                        (base, path) -> switch (path) {
                            case "/" -> Answer.status(302, "/loop");
                            case "/loop" -> Answer.status(302, "/");
                            default -> null;
                        },
                        Map.of("/", Expected.redirected(), "/loop", Expected.redirected())));
    }

    private static HostileCase framing(String name, String why, String response) {
        return new HostileCase(name, why, (base, path) -> path.equals("/") ? Answer.raw(response) : null,
                Map.of("/", Expected.failed("protocol")));
    }

    private static HostileCase unreachableRobots(String name, String why, Answer robots) {
        return new HostileCase(name, why,
                (base, path) -> switch (path) {
                    case "/robots.txt" -> robots;
                    case "/" -> Answer.html(page("<a href=\"/inner\">i</a>"));
                    default -> null;
                },
                Map.of("/", Expected.skipped("robots_unreachable")));
    }

    private static HostileCase hugePage() {
        StringBuilder links = new StringBuilder(HUGE_PAGE_LINKS * 24);
        Map<String, Expected> expected = new LinkedHashMap<>();
        expected.put("/", Expected.fetched());
        for (int i = 0; i < HUGE_PAGE_LINKS; i++) {
            links.append("<a href=\"/h/").append(i).append("\">h</a>");
            expected.put("/h/" + i, Expected.skipped("robots"));
        }
        Answer page = Answer.html(page(links.toString()));
        return new HostileCase("huge-page", "a page with tens of thousands of links (all behind a robots.txt rule)",
                (base, path) -> switch (path) {
                    case "/robots.txt" -> Answer.ok("text/plain", "User-agent: *\nDisallow: /h/\n");
                    case "/" -> page;
                    default -> null;
                },
                expected);
    }

    private static String page(String links) {
        return "<html><head><title>hostile</title></head><body>" + links + "</body></html>";
    }
}

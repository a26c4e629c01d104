package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.FetchResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RobotsCacheTest {
    private static final String HOST = "http://127.0.0.1:8080";
    private final AtomicLong nowMs = new AtomicLong();
    private final RobotsCache cache = new RobotsCache("crawlcase", 60_000, 3,
            () -> TimeUnit.MILLISECONDS.toNanos(nowMs.get()));

    static FetchResult robots(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new FetchResult(status, "text/plain", null, bytes, bytes.length, false, null, -1, null, 5);
    }

    @Test
    void parsesTheGroupOfOurUserAgent() {
        HostRules rules = cache.store(HOST, robots(200,
                "User-agent: crawlcase\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n"));
        assertThat(rules.allowed(HOST + "/private/x")).isFalse();
        assertThat(rules.allowed(HOST + "/public")).isTrue();
        assertThat(cache.get(HOST)).isSameAs(rules);
    }

    @Test
    void crawlDelayInMillisIncludingFractionsAndLongOnes() {
        assertThat(cache.store(HOST, robots(200, "User-agent: *\nCrawl-delay: 0.1\n")).crawlDelayMs()).isEqualTo(100);
        assertThat(cache.store(HOST, robots(200, "User-agent: *\nCrawl-delay: 2\n")).crawlDelayMs()).isEqualTo(2000);
        HostRules slow = cache.store(HOST, robots(200, "User-agent: *\nCrawl-delay: 100000\n"));
        assertThat(slow.crawlDelayMs()).isEqualTo(100_000_000L);
        assertThat(slow.allowed(HOST + "/x")).as("a long delay is capped by the frontier, not allow-none").isTrue();
        assertThat(cache.store(HOST, robots(200, "User-agent: *\nDisallow: /x\n")).crawlDelayMs()).isZero();
    }

    @Test
    void statusRules() {
        assertThat(cache.store(HOST, robots(404, "")).rules().isAllowAll()).isTrue();
        assertThat(cache.store(HOST, robots(403, "")).rules().isAllowAll()).isTrue();
        assertThat(cache.store(HOST, robots(503, "")).rules().isAllowNone()).isTrue();
        assertThat(cache.store(HOST, robots(429, "")).reason()).isEqualTo("robots");
        assertThat(RobotsCache.retryable(robots(500, ""))).isTrue();
        assertThat(RobotsCache.retryable(robots(500, ""))).isTrue();
        assertThat(RobotsCache.retryable(robots(429, ""))).isTrue();
        assertThat(RobotsCache.retryable(FetchResult.failure(ErrorKind.TIMEOUT_TOTAL, 1))).isTrue();
        assertThat(RobotsCache.retryable(robots(404, ""))).isFalse();
    }

    /** RFC 9309 2.3.1.4: unreachable means complete disallow; a redirect that was not followed is unreachable. */
    @Test
    void noAnswerAndAnUnfollowedRedirectDisallowAllAsUnreachable() {
        for (FetchResult r : new FetchResult[]{robots(301, ""), FetchResult.failure(ErrorKind.RESET, 3),
                FetchResult.failure(ErrorKind.TIMEOUT_TOTAL, 3), FetchResult.failure(ErrorKind.PROTOCOL, 3)}) {
            HostRules rules = cache.store(HOST, r);
            assertThat(rules.rules().isAllowNone()).as("%s", r).isTrue();
            assertThat(rules.reason()).isEqualTo("robots_unreachable");
        }
        assertThat(cache.store(HOST, HOST + "/elsewhere", true, FetchResult.failure(ErrorKind.REFUSED, 1)).reason())
                .as("refused where a redirect led").isEqualTo("robots_unreachable");
        // RFC 9309 2.3.1.4 counts network errors as unreachable: a refused connection disallows all too (else a
        // server down only while robots.txt is asked for gets its pages fetched); with no server at the host
        // itself, its pages fail with that error instead of a skip
        HostRules refused = cache.store(HOST, FetchResult.failure(ErrorKind.REFUSED, 1));
        assertThat(refused.rules().isAllowNone()).as("no server at the host itself").isTrue();
        assertThat(refused).extracting(HostRules::outcome, HostRules::reason).containsExactly(Outcome.FAILED, "refused");
        HostRules unknown = cache.store(HOST, FetchResult.failure(ErrorKind.UNKNOWN_HOST, 1));
        assertThat(unknown.rules().isAllowNone()).isTrue();
        assertThat(unknown).extracting(HostRules::outcome, HostRules::reason)
                .containsExactly(Outcome.FAILED, "unknown_host");
    }

    @Test
    void bodyBeyondTheCapIsIgnored() {
        String padding = "# " + "x".repeat(RobotsCache.MAX_BODY_BYTES) + "\n";
        HostRules rules = cache.store(HOST, robots(200, "User-agent: *\nDisallow: /a\n" + padding + "Disallow: /b\n"));
        assertThat(rules.allowed(HOST + "/a")).isFalse();
        assertThat(rules.allowed(HOST + "/b")).isTrue();
    }

    @Test
    void entriesExpireAfterTheTtlOnTheInjectedClock() {
        cache.store(HOST, robots(404, ""));
        nowMs.set(59_999);
        assertThat(cache.get(HOST)).isNotNull();
        nowMs.set(60_000);
        assertThat(cache.get(HOST)).isNull();
    }

    @Test
    void sizeIsBounded() {
        for (int port = 1; port <= 10; port++) {
            cache.store("http://127.0.0.1:" + port, robots(404, ""));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> new RobotsCache(" ", 1, 1, () -> 0)).hasMessageContaining("user-agent");
        assertThatThrownBy(() -> new RobotsCache("a", 0, 1, () -> 0)).hasMessageContaining("ttl");
    }
}

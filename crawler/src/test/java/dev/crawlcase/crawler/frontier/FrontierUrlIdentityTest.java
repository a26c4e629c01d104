package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site cannot hide a URL behind another one's fingerprint. The pair below has one fingerprint under the old,
 * unkeyed function (FNV-1a with a 64-bit finaliser), found offline by a distinguished-point birthday search (about 5 * 10^9 hashes); any
 * common suffix keeps it colliding. The frontier is the one owner of URL identity in every mode, and a resume
 * refills it through {@link Frontier#restoreDone} and {@link Frontier#restoreFound}: both paths are checked.
 */
class FrontierUrlIdentityTest {
    static final String A = "http://127.0.0.1:8001";
    static final String X = A + "/87a2337c6cf5e34f";
    static final String Y = A + "/65da387e9f98e264";

    final AtomicLong now = new AtomicLong(1_000);
    final List<CrawlRecord> records = new ArrayList<>();

    Frontier frontier() {
        return new Frontier(FrontierSettings.defaults().withRobots(false, 0), Scope.ofSeeds(List.of(A + "/")),
                UrlNormalizer.defaults(), records::add, Mode.ASYNC, now::get, new Random(7));
    }

    /** The old fingerprint, kept here only to show the pair is a real collision for it. */
    static long oldFingerprint(String url) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < url.length(); i++) {
            h = (h ^ url.charAt(i)) * 0x100000001b3L;
        }
        h ^= url.length();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @Test
    void thePairCollidesUnderTheOldFingerprintAlsoWithASuffix() {
        assertThat(X).isNotEqualTo(Y);
        assertThat(oldFingerprint(X)).isEqualTo(oldFingerprint(Y));
        assertThat(oldFingerprint(X + "/more?x=1")).isEqualTo(oldFingerprint(Y + "/more?x=1"));
        assertThat(UrlNormalizer.defaults().normalize(X)).isEqualTo(X);
        assertThat(UrlNormalizer.defaults().normalize(Y)).isEqualTo(Y);
    }

    @Test
    void aPageLinkingToBothCollidingUrlsGetsARecordForEach() {
        Frontier f = frontier();
        f.seed(List.of(A + "/"));
        f.complete(html(f.lease(10).get(0), X, Y, X + "/s", Y + "/s"));
        List<FetchTask> next = f.lease(10);
        assertThat(next).extracting(FetchTask::url).containsExactlyInAnyOrder(X, Y, X + "/s", Y + "/s");
        next.forEach(t -> f.complete(html(t)));
        assertThat(f.isFinished()).isTrue();
        assertThat(records).extracting(CrawlRecord::url).containsExactlyInAnyOrder(A + "/", X, Y, X + "/s", Y + "/s");
        assertThat(records).extracting(CrawlRecord::outcome).containsOnly(Outcome.FETCHED);
    }

    @Test
    void aResumeKeepsBothCollidingUrlsApart() {
        Frontier f = frontier();
        f.restoreDone(A + "/", true);
        f.restoreDone(X, true);
        f.restoreFound(Y, 1);
        f.seed(List.of(A + "/"));
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(Y);
    }
}

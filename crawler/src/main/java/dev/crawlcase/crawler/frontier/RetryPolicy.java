package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.json.Check;
import dev.crawlcase.json.Range;

import java.util.Random;

/**
 * When and how long to wait before retrying a fetch. An attempt is retried while {@code attempt <= maxRetries}
 * (so a URL gets at most {@code 1 + maxRetries} attempts). The delay after attempt n is the exponential backoff
 * {@code min(maxDelayMs, baseDelayMs * 2^(n-1))} with equal jitter (half fixed, half uniformly random), but at
 * least the server's Retry-After capped at {@code maxRetryAfterMs}. The defaults and bounds below are the only ones
 * (the crawl config's {@code retry} object reads them, and builds this record, so its rules hold at load time).
 */
public record RetryPolicy(int maxRetries, long baseDelayMs, long maxDelayMs, long maxRetryAfterMs) {
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Range MAX_RETRIES_RANGE = new Range(0, 100);
    public static final long DEFAULT_BASE_DELAY_MS = 100;
    public static final Range BASE_DELAY_MS_RANGE = new Range(0, 600_000);
    public static final long DEFAULT_MAX_DELAY_MS = 5_000;
    /** Also never below {@code baseDelayMs}. */
    public static final Range MAX_DELAY_MS_RANGE = new Range(0, 3_600_000);
    public static final long DEFAULT_MAX_RETRY_AFTER_MS = 10_000;
    public static final Range MAX_RETRY_AFTER_MS_RANGE = new Range(0, 3_600_000);

    public RetryPolicy {
        MAX_RETRIES_RANGE.check("maxRetries", maxRetries);
        BASE_DELAY_MS_RANGE.check("baseDelayMs", baseDelayMs);
        MAX_DELAY_MS_RANGE.check("maxDelayMs", maxDelayMs);
        Check.notBelow("maxDelayMs", maxDelayMs, "baseDelayMs", baseDelayMs);
        MAX_RETRY_AFTER_MS_RANGE.check("maxRetryAfterMs", maxRetryAfterMs);
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_RETRIES, DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS,
                DEFAULT_MAX_RETRY_AFTER_MS);
    }

    /** Whether the attempt that just failed (1-based) may be followed by another. */
    public boolean canRetry(int attempt) {
        return attempt <= maxRetries;
    }

    /** The delay before the next attempt after {@code attempt} failed; {@code retryAfterMs} is -1 when absent. */
    public long delayMs(int attempt, long retryAfterMs, Random random) {
        long backoff = baseDelayMs;
        for (int i = 1; i < attempt && backoff < maxDelayMs; i++) {
            backoff *= 2;
        }
        backoff = Math.min(backoff, maxDelayMs);
        long half = backoff / 2;
        long jittered = backoff - half + (half > 0 ? random.nextLong(half + 1) : 0);
        long retryAfter = retryAfterMs < 0 ? 0 : Math.min(retryAfterMs, maxRetryAfterMs);
        return Math.max(retryAfter, jittered);
    }

    /** 429, 500, 502, 503 and 504 are worth retrying. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}

package dev.crawlcase.crawler.frontier;

import java.util.Random;

/**
 * When and how long to wait before retrying a fetch. An attempt is retried while {@code attempt <= maxRetries}
 * (so a URL gets at most {@code 1 + maxRetries} attempts). The delay after attempt n is the exponential backoff
 * {@code min(maxDelayMs, baseDelayMs * 2^(n-1))} with equal jitter (half fixed, half uniformly random), but at
 * least the server's Retry-After capped at {@code maxRetryAfterMs}.
 */
public record RetryPolicy(int maxRetries, long baseDelayMs, long maxDelayMs, long maxRetryAfterMs) {

    public RetryPolicy {
        Check.range("retry.maxRetries", maxRetries, 0, 100);
        Check.range("retry.baseDelayMs", baseDelayMs, 0, 86_400_000L);
        Check.range("retry.maxDelayMs", maxDelayMs, baseDelayMs, 86_400_000L);
        Check.range("retry.maxRetryAfterMs", maxRetryAfterMs, 0, 86_400_000L);
    }

    /** maxRetries 3, base 100 ms, max 5 s, Retry-After capped at 10 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, 100, 5_000, 10_000);
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

package dev.crawlcase.sites.hostile;

/**
 * The record a correct crawler writes for one URL of the hostile world, in the words of its records file.
 *
 * @param outcome "fetched", "redirected", "failed" or "skipped"
 * @param reason  why a failed or skipped URL ended so ("protocol", "robots_unreachable", ...), null otherwise
 */
public record Expected(String outcome, String reason) {
    static Expected fetched() {
        return new Expected("fetched", null);
    }

    static Expected redirected() {
        return new Expected("redirected", null);
    }

    static Expected failed(String reason) {
        return new Expected("failed", reason);
    }

    static Expected skipped(String reason) {
        return new Expected("skipped", reason);
    }

    @Override
    public String toString() {
        return reason == null ? outcome : outcome + " " + reason;
    }
}

package dev.crawlcase.crawler.task;

/**
 * The record reasons that come from a typed value, built here and nowhere else: a failed attempt's error kind (its
 * label: "timeout_first_byte", "reset", ...) and an unusable HTTP status ("http_404"). Reasons stay words on disk;
 * the frontier's own ones ("robots", "scope", "depth", ...) are named where it decides them.
 */
public final class Reasons {
    private Reasons() {
    }

    public static String of(ErrorKind kind) {
        return kind.label();
    }

    public static String httpStatus(int status) {
        return "http_" + status;
    }
}

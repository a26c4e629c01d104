package dev.crawlcase.crawler.task;

/**
 * Keeps every fetch attempt as it happened (a WARC archive), before its outcome goes to the frontier. Writing is
 * blocking disk I/O: callers run it off the event loops.
 */
@FunctionalInterface
public interface FetchArchive {
    /** Keeps nothing. */
    FetchArchive NONE = (task, result) -> { };

    /**
     * Writes the attempt's records, or throws (an unchecked output failure naming the file); after one failure the
     * archive takes nothing more, so its file ends with a whole record.
     */
    void write(FetchTask task, FetchResult result);

    default boolean keeps() {
        return this != NONE;
    }
}

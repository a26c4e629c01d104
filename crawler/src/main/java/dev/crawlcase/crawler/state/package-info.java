/**
 * Crash-safe crawls: the frontier's journal ({@code StateJournal}, a {@code UrlLog} and a
 * {@link dev.crawlcase.crawler.task.RecordSink}) kept in an H2 MVStore file, and the repair of a records file
 * against it on resume. Problems are {@link dev.crawlcase.crawler.state.StateException}s with a typed problem; the
 * tool that was given the folder words them.
 *
 * <p>May import: {@code url}, {@code task}, {@code frontier} (its journal interface), {@code output} (the record's
 * JSON form), H2 MVStore.
 */
package dev.crawlcase.crawler.state;

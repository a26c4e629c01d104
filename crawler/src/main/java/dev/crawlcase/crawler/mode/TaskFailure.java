package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ParsedPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of a task whose fetch or parse threw instead of returning a result, the same in every mode: a failed
 * attempt of kind {@code io}. The task gets its record through the frontier's usual retry rules, and the worker that
 * ran it goes on; a worker that died instead would leave the task's lease to expire and the same attempt to come
 * back and kill the next worker.
 */
final class TaskFailure {
    private static final Logger LOG = LoggerFactory.getLogger(TaskFailure.class);

    private TaskFailure() {
    }

    static FetchOutcome of(FetchTask task, Throwable error, Mode mode) {
        LOG.warn("fetch or parse of {} failed unexpectedly", task.url(), error);
        return new FetchOutcome(task, FetchResult.failure(ErrorKind.IO, 0), ParsedPage.EMPTY, mode);
    }
}

package dev.crawlcase.crawler.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listens to Vert.x's blocked-thread checker while open: every "Thread ... has been blocked" warning it logs (an
 * event loop held past its limit) is kept, so a test can assert there was none. Vert.x logs through SLF4J, which
 * is logback in the tests.
 */
public final class BlockedThreadLog implements AutoCloseable {
    /** The logger name Vert.x's {@code BlockedThreadChecker} logs under. */
    private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";

    private final Logger logger = (Logger) LoggerFactory.getLogger(CHECKER);
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            warnings.add(event.getFormattedMessage());
        }
    };

    private BlockedThreadLog() {
        appender.setName("blocked-thread-log");
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    public static BlockedThreadLog open() {
        return new BlockedThreadLog();
    }

    /** The warnings logged since {@link #open}, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}

package dev.crawlcase.crawler.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * A flag value one of our converters refused. {@link CrawlerMain} words it like every other bad flag,
 * {@code --flag: problem}, where picocli would say "Invalid value for option ...".
 */
final class BadFlagValue extends TypeConversionException {
    BadFlagValue(String problem) {
        super(problem);
    }
}

package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.task.Mode;
import picocli.CommandLine.ITypeConverter;

/**
 * Every {@link Mode} on the command line ({@code --mode}, {@code bench --modes}) goes through this one converter,
 * registered for the whole command tree in {@link CrawlerMain}; a word that is no mode is a {@link BadFlagValue}
 * naming the expected ones.
 */
final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
        try {
            return Mode.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadFlagValue(e.getMessage());
        }
    }
}

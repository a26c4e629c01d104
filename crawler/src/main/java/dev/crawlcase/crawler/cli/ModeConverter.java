package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.task.Mode;
import picocli.CommandLine.ITypeConverter;

import java.util.function.Function;

/**
 * Every {@link Mode} on the command line ({@code --mode}, {@code bench --modes}) goes through this one converter,
 * registered for the whole command tree in {@link CrawlerMain}; a word that is no mode is a {@link BadFlagValue}
 * naming the expected ones.
 */
final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
        return parsed(value, Mode::parse);
    }

    /** {@code value} through {@code parse}; what it refuses is a {@link BadFlagValue} with its message. */
    static <T> T parsed(String value, Function<String, T> parse) {
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadFlagValue(e.getMessage());
        }
    }
}

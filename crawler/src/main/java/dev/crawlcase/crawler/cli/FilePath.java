package dev.crawlcase.crawler.cli;

import picocli.CommandLine.ITypeConverter;

import java.io.File;
import java.nio.file.Path;

/**
 * A flag that names a file: {@code newdir/} names a folder, and {@link Path#of} would drop the slash and quietly
 * write a file called {@code newdir}, so the slash is refused while it can still be seen.
 */
final class FilePath implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.isEmpty() || value.endsWith("/") || value.endsWith(File.separator)) {
            throw new BadFlagValue("names a folder (" + value + "), expected a file");
        }
        return Path.of(value);
    }
}

package dev.crawlcase.crawler.cli;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.OutputPaths;
import picocli.CommandLine.ITypeConverter;

import java.nio.file.Path;

/** A flag that names a file, never a folder ({@code newdir/}): the shared rule of {@link OutputPaths#fileNamed}. */
final class FilePath implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        try {
            return OutputPaths.fileNamed("", value);
        } catch (ConfigException e) {
            throw new BadFlagValue(e.problem());
        }
    }
}

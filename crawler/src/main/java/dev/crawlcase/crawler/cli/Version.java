package dev.crawlcase.crawler.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version line for {@code --version}, on every command. The number is written into version.properties by Maven's
 * resource filtering, so it is the build's own in the jar and in tests alike.
 */
final class Version implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "version.properties";

    static String number() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"crawlcase " + number() + " on Java " + Runtime.version()};
    }
}

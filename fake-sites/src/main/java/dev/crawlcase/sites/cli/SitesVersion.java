package dev.crawlcase.sites.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code fake-sites.jar --version}: the build's version, written into version.properties by resource filtering. The
 * crawler reads the same number through {@link #number()}: both modules carry the parent pom's one version.
 */
public final class SitesVersion implements CommandLine.IVersionProvider {
    public static String number() {
        try (InputStream in = SitesVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the build");
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
        return new String[] {"fake-sites " + number() + " on Java " + Runtime.version()};
    }
}

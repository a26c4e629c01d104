package dev.crawlcase.crawler.cli;

import dev.crawlcase.sites.cli.SitesVersion;
import picocli.CommandLine;

/**
 * Version line for {@code --version}, on every command. The number is the build's, written by Maven's resource
 * filtering where fake-sites keeps it (one version for the whole reactor), so it is right in the jar and in tests.
 */
final class Version implements CommandLine.IVersionProvider {
    static String number() {
        return SitesVersion.number();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"crawlcase " + number() + " on Java " + Runtime.version()};
    }
}

package dev.crawlcase.crawler.cli;

import picocli.CommandLine;

/** Version line for {@code --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"crawlcase " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
    }
}

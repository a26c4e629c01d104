package dev.crawlcase.sites.cli;

import picocli.CommandLine;

/** {@code java -jar fake-sites.jar [--config FILE] [--manifest FILE]}. */
public final class SitesMain {
    private SitesMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "fake-sites-logback.xml");
        }
        System.exit(new CommandLine(new SitesCommand()).execute(args));
    }
}

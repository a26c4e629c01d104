package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.cli.CrawlerMain;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in-process, with what it printed. */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrawlerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}

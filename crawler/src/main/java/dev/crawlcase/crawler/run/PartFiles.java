package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.config.CrawlConfig;

import java.nio.file.Path;

/**
 * Where part {@code part} of a sharded crawl writes: its records file and summary in a folder beside the crawl's
 * records file ({@code records.jsonl} -> {@code records.parts/part-3.jsonl}), its WARC files in a sub-folder of the
 * crawl's, its state in {@code part-3} of the state folder. The crawl's own records file and summary are the merge
 * of the parts', written once every part has sealed.
 */
final class PartFiles {
    private PartFiles() {
    }

    /** The crawl's config with its output moved to part {@code part}'s files. */
    static CrawlConfig config(CrawlConfig crawl, int part) {
        CrawlConfig.Output out = crawl.output();
        Path folder = folder(out.records());
        Path warc = out.warc() == null ? null : out.warc().resolve("part-" + part);
        return crawl.withOutput(new CrawlConfig.Output(folder.resolve("part-" + part + ".jsonl"),
                folder.resolve("part-" + part + ".summary.json"), warc, out.warcFileBytes(), out.recordDetail()));
    }

    /** Part {@code part}'s state folder under the node's {@code --state} folder. */
    static Path state(Path stateDir, int part) {
        return stateDir.resolve("part-" + part);
    }

    private static Path folder(Path records) {
        String name = records.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        Path parent = records.toAbsolutePath().getParent();
        return parent.resolve(stem + ".parts");
    }
}

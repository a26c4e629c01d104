package dev.crawlcase.crawler.parse;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The element kinds a crawl takes links from: at least one; {@link #DEFAULT} is {@code a} alone, the links a reader
 * clicks, so a crawl fetches no stylesheet, feed or embedded document unless asked.
 */
public record LinkSources(Set<LinkSource> sources) {
    public static final LinkSources DEFAULT = new LinkSources(Set.of(LinkSource.A));

    public LinkSources {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("must name at least one of " + LinkSource.labels());
        }
        sources = Set.copyOf(EnumSet.copyOf(sources));
    }

    public static LinkSources of(LinkSource... sources) {
        return new LinkSources(Set.of(sources));
    }

    /** The sources with these labels (an unknown or missing one: {@link IllegalArgumentException}). */
    public static LinkSources parse(Collection<String> labels) {
        return new LinkSources(labels.stream().map(LinkSource::parse).collect(Collectors.toSet()));
    }

    public boolean has(LinkSource source) {
        return sources.contains(source);
    }

    /** The labels in declaration order, as crawl.json writes them. */
    public List<String> labels() {
        return EnumSet.copyOf(sources).stream().map(LinkSource::label).toList();
    }

    /** One jsoup selector of every element kind, so the elements come in document order. */
    String selector() {
        return EnumSet.copyOf(sources).stream().map(LinkSource::selector).collect(Collectors.joining(", "));
    }
}

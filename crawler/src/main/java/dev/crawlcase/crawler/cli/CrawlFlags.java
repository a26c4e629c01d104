package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.json.ConfigException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The crawl.json keys a user most often wants to change for one run, as flags over the config: per-host limits,
 * user agent, scope patterns and allowRemote. Each is held to the bound of its config key (the same constant the
 * loader checks), so a flag never passes what the config would refuse.
 */
final class CrawlFlags {
    @Option(names = "--per-host", paramLabel = "N",
            description = "Requests in flight per host (politeness.perHostConcurrency; default "
                    + FrontierSettings.DEFAULT_PER_HOST_CONCURRENCY + ").")
    Integer perHost;

    @Option(names = "--delay", paramLabel = "MS",
            description = "Pause between requests to one host, in ms (politeness.perHostDelayMs; default "
                    + FrontierSettings.DEFAULT_PER_HOST_DELAY_MS + ").")
    Long delayMs;

    @Option(names = "--user-agent", paramLabel = "S", description = "User-Agent header sent (fetch.userAgent).")
    String userAgent;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Also crawl URLs matching REGEX (scope.include; repeatable, added to the config's).")
    List<String> include = List.of();

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Never crawl URLs matching REGEX (scope.exclude; repeatable, added to the config's; wins).")
    List<String> exclude = List.of();

    @Option(names = "--allow-remote", description = "Contact hosts other than loopback (allowRemote).")
    boolean allowRemote;

    CrawlConfig apply(CrawlConfig c) {
        if (perHost != null || delayMs != null) {
            CrawlConfig.Politeness p = c.politeness();
            c = c.withPoliteness(new CrawlConfig.Politeness(
                    perHost == null ? p.perHostConcurrency()
                            : (int) RunCommand.inRange("--per-host", perHost, FrontierSettings.PER_HOST_CONCURRENCY_RANGE),
                    delayMs == null ? p.perHostDelayMs()
                            : RunCommand.inRange("--delay", delayMs, FrontierSettings.PER_HOST_DELAY_MS_RANGE)));
        }
        if (userAgent != null) {
            try {
                FetchLimits.checkUserAgent(userAgent);
            } catch (ConfigException e) {
                throw new ConfigException("--user-agent", e.problem());
            }
            c = c.withFetch(c.fetch().withUserAgent(userAgent));
        }
        if (!include.isEmpty() || !exclude.isEmpty()) {
            c = c.withScope(new CrawlConfig.ScopePatterns(joined(c.scope().include(), "--include", include),
                    joined(c.scope().exclude(), "--exclude", exclude)));
        }
        if (allowRemote) {
            c = c.withAllowRemote(true);
        }
        return c;
    }

    private static List<String> joined(List<String> config, String flag, List<String> given) {
        List<String> all = new ArrayList<>(config);
        for (String regex : given) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(flag, "not a valid regex (" + e.getDescription() + "): '" + regex + "'");
            }
            all.add(regex);
        }
        return List.copyOf(all);
    }
}

package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.fetch.HostPattern;
import dev.crawlcase.crawler.fetch.RequestControls;
import dev.crawlcase.json.ConfigException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request controls of crawl.json's {@code fetch} object as flags of {@code run}, each held to the rule of its
 * config key ({@link RequestControls} checks both). A password is never a flag (the command line shows in
 * {@code ps} and shell history): {@code --auth} takes it from {@value #PASSWORD_ENV}.
 */
final class RequestFlags {
    static final String PASSWORD_ENV = "CRAWLCASE_AUTH_PASSWORD";

    @Option(names = "--header", paramLabel = "'NAME: VALUE'",
            description = "Send this header with every request (fetch.headers; repeatable, over the config's).")
    List<String> headers = List.of();

    @Option(names = "--accept-language", paramLabel = "S", description = "Accept-Language sent (fetch.acceptLanguage).")
    String acceptLanguage;

    @Option(names = "--keep-cookies", description = "Keep a cookie jar for the crawl and send back what sites set"
            + " (fetch.cookies).")
    boolean cookies;

    @Option(names = "--auth", paramLabel = "HOSTS=USER",
            description = "HTTP Basic credentials for hosts matching HOSTS (*, host, *.domain, each with an optional"
                    + " :port), the password from $" + PASSWORD_ENV + " (fetch.auth; repeatable).")
    List<String> auth = List.of();

    @Option(names = "--proxy", paramLabel = "http://HOST:PORT",
            description = "Send every request through this HTTP proxy, https through CONNECT (fetch.proxy; loopback"
                    + " only unless --allow-remote).")
    String proxy;

    CrawlConfig apply(CrawlConfig c) {
        return apply(c, System.getenv());
    }

    /** @param env where {@code --auth} reads the password (the process environment; a map in tests) */
    CrawlConfig apply(CrawlConfig c, Map<String, String> env) {
        RequestControls r = c.fetch().request();
        if (!headers.isEmpty()) {
            r = r.withHeaders(headers.stream().map(RequestFlags::header).toList());
        }
        if (acceptLanguage != null) {
            try {
                r = r.withAcceptLanguage(acceptLanguage);
            } catch (ConfigException e) {
                throw new ConfigException("--accept-language", e.problem());
            }
        }
        if (cookies) {
            r = r.withCookies(true);
        }
        if (!auth.isEmpty()) {
            List<RequestControls.BasicAuth> given = new ArrayList<>();
            for (String a : auth) {
                given.add(basicAuth(a, env));
            }
            r = r.withAuth(given);
        }
        if (proxy != null) {
            r = r.withProxy(RequestControls.Proxy.parse("--proxy", proxy));
        }
        return r == c.fetch().request() ? c : c.withFetch(c.fetch().withRequest(r));
    }

    private static RequestControls.HeaderRule header(String given) {
        int colon = given.indexOf(':');
        if (colon < 1) {
            throw new ConfigException("--header", "must be 'Name: value', got \"" + given + "\"");
        }
        try {
            return new RequestControls.HeaderRule(HostPattern.ANY, given.substring(0, colon).trim(),
                    given.substring(colon + 1).trim());
        } catch (ConfigException e) {
            throw new ConfigException("--header", e.problem());
        }
    }

    private static RequestControls.BasicAuth basicAuth(String given, Map<String, String> env) {
        int eq = given.lastIndexOf('=');
        if (eq < 1 || eq == given.length() - 1) {
            throw new ConfigException("--auth", "must be HOSTS=USER, got \"" + given + "\"");
        }
        String password = env.get(PASSWORD_ENV);
        if (password == null) {
            throw new ConfigException("--auth", "takes the password from $" + PASSWORD_ENV + ", which is not set");
        }
        try {
            return new RequestControls.BasicAuth(HostPattern.parse("--auth", given.substring(0, eq)),
                    given.substring(eq + 1), password);
        } catch (ConfigException e) {
            throw new ConfigException("--auth", e.problem());
        }
    }
}

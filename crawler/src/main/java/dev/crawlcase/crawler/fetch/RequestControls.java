package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.url.HostRule;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.json.Json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a crawl adds to every request, the same in both real clients so the modes stay comparable: extra headers
 * (for every host or per {@link HostPattern}), {@code Accept-Language}, a cookie jar ({@link CookieJar}), HTTP Basic
 * credentials per host pattern, and an HTTP proxy. The one place that decides which headers a request to a URL
 * carries ({@link #headersFor}); the clients only send them.
 *
 * @param headers        extra headers, in order; the last one of a name wins over an earlier one for a request
 * @param acceptLanguage sent as {@code Accept-Language}, or null
 * @param cookies        keep a cookie jar for the crawl and send back what the sites set
 * @param auth           Basic credentials; the first pattern matching a URL's host is used
 * @param proxy          every request goes through this HTTP proxy (CONNECT for https), or null
 */
public record RequestControls(List<HeaderRule> headers, String acceptLanguage, boolean cookies, List<BasicAuth> auth,
                              Proxy proxy) {

    /** Nothing added: the requests crawlcase always sent. */
    public static final RequestControls NONE = new RequestControls(List.of(), null, false, List.of(), null);

    /**
     * Headers a crawl may not set: the client's own framing and connection headers, the ones crawlcase owns
     * (User-Agent has {@code fetch.userAgent}, Accept-Encoding is what {@link BodyDecoder} decodes), and credentials,
     * which go through {@code fetch.auth} so that they are matched per host and never shown.
     */
    private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "te", "trailer", "upgrade", "expect", "keep-alive", "proxy-connection", "user-agent", "accept-encoding",
            "authorization", "proxy-authorization", "cookie", "http2-settings");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public RequestControls {
        headers = List.copyOf(headers);
        auth = List.copyOf(auth);
        if (acceptLanguage != null) {
            checkValue("acceptLanguage", acceptLanguage);
        }
    }

    /** True when a request is sent exactly as without these controls. */
    public boolean none() {
        return headers.isEmpty() && acceptLanguage == null && !cookies && auth.isEmpty() && proxy == null;
    }

    /** The keys set, for a one-line refusal by a mode that cannot honour them. */
    public List<String> keysSet() {
        List<String> keys = new ArrayList<>();
        if (!headers.isEmpty()) {
            keys.add("fetch.headers");
        }
        if (acceptLanguage != null) {
            keys.add("fetch.acceptLanguage");
        }
        if (cookies) {
            keys.add("fetch.cookies");
        }
        if (!auth.isEmpty()) {
            keys.add("fetch.auth");
        }
        if (proxy != null) {
            keys.add("fetch.proxy");
        }
        return keys;
    }

    /** The one rule for the proxy, applied to the final config and again by each client. */
    public void checkProxy(boolean allowRemote) {
        if (proxy != null && !allowRemote && !proxy.loopback()) {
            throw new ConfigException("fetch.proxy", "is not on loopback (" + proxy.host() + "): a remote proxy"
                    + " needs allowRemote (--allow-remote)");
        }
    }

    /** The extra headers of a request to {@code url} (cookies aside: the jar adds those), in sending order. */
    public List<Map.Entry<String, String>> headersFor(URI url) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (HeaderRule rule : headers) {
            if (rule.hosts().matches(url)) {
                out.removeIf(e -> e.getKey().equalsIgnoreCase(rule.name()));
                out.add(Map.entry(rule.name(), rule.value()));
            }
        }
        if (acceptLanguage != null && out.stream().noneMatch(e -> e.getKey().equalsIgnoreCase("accept-language"))) {
            out.add(Map.entry("Accept-Language", acceptLanguage));
        }
        for (BasicAuth a : auth) {
            if (a.hosts().matches(url)) {
                out.add(Map.entry("Authorization", a.headerValue()));
                break;
            }
        }
        return out;
    }

    public RequestControls withHeaders(List<HeaderRule> more) {
        List<HeaderRule> all = new ArrayList<>(headers);
        all.addAll(more);
        return new RequestControls(all, acceptLanguage, cookies, auth, proxy);
    }

    public RequestControls withAcceptLanguage(String value) {
        return new RequestControls(headers, value, cookies, auth, proxy);
    }

    public RequestControls withCookies(boolean on) {
        return new RequestControls(headers, acceptLanguage, on, auth, proxy);
    }

    public RequestControls withAuth(List<BasicAuth> more) {
        List<BasicAuth> all = new ArrayList<>(more);
        all.addAll(auth);  // given later (on the command line) wins: the first match is used
        return new RequestControls(headers, acceptLanguage, cookies, all, proxy);
    }

    public RequestControls withProxy(Proxy p) {
        return new RequestControls(headers, acceptLanguage, cookies, auth, p);
    }

    /** A header value: printable ASCII (and tabs) only, so no configured value can end the line or add another. */
    static void checkValue(String key, String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7e)) {
            throw new ConfigException(key, "must be non-blank printable ASCII, got "
                    + (value == null ? null : Json.encode(value)));
        }
    }

    /** One extra header for the hosts a pattern matches. */
    public record HeaderRule(HostPattern hosts, String name, String value) {
        public HeaderRule {
            Objects.requireNonNull(hosts, "hosts");
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new ConfigException("name", "must be a header name (letters, digits, - and the like), got "
                        + (name == null ? null : Json.encode(name)));
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name, "is set by crawlcase itself or by fetch.auth / fetch.cookies /"
                        + " fetch.userAgent, not as an extra header");
            }
            checkValue(name, value);
        }
    }

    /**
     * Basic credentials for the hosts a pattern matches. The password never appears in {@link #toString()}, so no
     * log line or error message can carry it; records and the summary never hold request headers at all.
     */
    public record BasicAuth(HostPattern hosts, String user, String password) {
        public BasicAuth {
            Objects.requireNonNull(hosts, "hosts");
            if (user == null || user.isEmpty() || user.indexOf(':') >= 0 || user.chars().anyMatch(c -> c < 0x20)) {
                throw new ConfigException("user", "must be non-empty, without ':' or control characters");
            }
            if (password == null || password.chars().anyMatch(c -> c < 0x20)) {
                throw new ConfigException("password", "must be set, without control characters");
            }
        }

        String headerValue() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "BasicAuth[hosts=" + hosts + ", user=" + user + ", password=(hidden)]";
        }
    }

    /**
     * An HTTP proxy: plain requests go to it in absolute form, https ones through a CONNECT tunnel (TLS stays
     * end to end, the certificate is still the site's). Only on loopback unless the crawl has {@code allowRemote}
     * (checked once the flags are applied, and again by each client): a crawl's traffic is not sent off the
     * machine by a config line alone. A loopback name is kept as its address literal, never looked up.
     */
    public record Proxy(String host, int port) {

        /** True when the proxy is on this machine. */
        public boolean loopback() {
            return HostRule.isLoopback(host);
        }

        /** @param key where the URL came from; {@code http://host:port} */
        public static Proxy parse(String key, String url) {
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "must be http://host:port, got \"" + url + "\"");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                    || uri.getUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/")) || uri.getRawQuery() != null) {
                throw new ConfigException(key, "must be http://host:port (an HTTP proxy; https targets go through"
                        + " CONNECT), got \"" + url + "\"");
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            String literal = HostRule.loopbackNameAddress(host);
            return new Proxy(literal != null ? literal : host, uri.getPort());
        }
    }
}

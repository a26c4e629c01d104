package dev.crawlcase.crawler.fetch;

import dev.crawlcase.json.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which headers a request carries, which hosts a pattern matches, and what the cookie jar sends back. */
class RequestControlsTest {

    private static URI u(String url) {
        return URI.create(url);
    }

    @Test
    void hostPatternsMatchHostSubdomainsAndPort() {
        HostPattern exact = HostPattern.parse("hosts", "Example.com");
        HostPattern subs = HostPattern.parse("hosts", "*.example.com");
        HostPattern port = HostPattern.parse("hosts", "127.0.0.1:8081");
        HostPattern anyOn443 = HostPattern.parse("hosts", "*:443");

        assertThat(exact.matches(u("http://example.com/a"))).isTrue();
        assertThat(exact.matches(u("http://www.example.com/a"))).isFalse();
        assertThat(subs.matches(u("https://www.example.com/"))).isTrue();
        assertThat(subs.matches(u("https://example.com/"))).isFalse();
        assertThat(subs.matches(u("https://badexample.com/"))).isFalse();
        assertThat(port.matches(u("http://127.0.0.1:8081/x"))).isTrue();
        assertThat(port.matches(u("http://127.0.0.1:8082/x"))).isFalse();
        assertThat(anyOn443.matches(u("https://a.test/"))).isTrue();
        assertThat(anyOn443.matches(u("http://a.test/"))).isFalse();
        assertThatThrownBy(() -> HostPattern.parse("hosts", "a/b")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> HostPattern.parse("hosts", "a:0")).isInstanceOf(ConfigException.class);
    }

    @Test
    void aHostHeaderOverridesTheGlobalOneAndCredentialsGoOnlyToTheirHost() {
        RequestControls c = new RequestControls(List.of(
                new RequestControls.HeaderRule(HostPattern.ANY, "X-Team", "all"),
                new RequestControls.HeaderRule(HostPattern.parse("hosts", "b.test"), "x-team", "b")),
                "fr", false, List.of(new RequestControls.BasicAuth(HostPattern.parse("hosts", "a.test"), "u", "pw")),
                null);

        assertThat(c.headersFor(u("http://a.test/"))).containsExactly(Map.entry("X-Team", "all"),
                Map.entry("Accept-Language", "fr"), Map.entry("Authorization", "Basic dTpwdw=="));
        assertThat(c.headersFor(u("http://b.test/"))).containsExactly(Map.entry("x-team", "b"),
                Map.entry("Accept-Language", "fr"));
        assertThat(RequestControls.NONE.headersFor(u("http://a.test/"))).isEmpty();
        assertThat(RequestControls.NONE.none()).isTrue();
        assertThat(c.keysSet()).containsExactly("fetch.headers", "fetch.acceptLanguage", "fetch.auth");
    }

    @Test
    void aPasswordNeverShowsInToString() {
        RequestControls.BasicAuth auth = new RequestControls.BasicAuth(HostPattern.ANY, "u", "hunter2");
        RequestControls c = RequestControls.NONE.withAuth(List.of(auth));
        assertThat(auth.toString()).doesNotContain("hunter2");
        assertThat(c.toString()).doesNotContain("hunter2");
    }

    @Test
    void theProxyIsLoopbackUnlessRemoteIsAllowed() {
        RequestControls remote = RequestControls.NONE.withProxy(RequestControls.Proxy.parse("proxy", "http://10.1.2.3:3128"));
        assertThatThrownBy(() -> remote.checkProxy(false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not on loopback");
        remote.checkProxy(true);
        assertThat(RequestControls.Proxy.parse("proxy", "http://localhost:3128/").host()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> RequestControls.Proxy.parse("proxy", "http://u:p@127.0.0.1:3128"))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theJarHonoursHostPathAndExpiry() {
        CookieJar jar = new CookieJar();
        URI page = u("http://a.test/shop/cart");
        jar.store(page, Map.of("Set-Cookie", List.of("cart=1; Path=/shop", "gone=1; Max-Age=0", "here=2",
                "site=3; Path=/")));

        assertThat(jar.cookieHeader(u("http://a.test/shop/item"))).contains("cart=1").contains("here=2")
                .contains("site=3").doesNotContain("gone");
        // without a Path a cookie belongs to the folder of the page that set it (RFC 6265 default-path)
        assertThat(jar.cookieHeader(u("http://a.test/about"))).isEqualTo("site=3");
        assertThat(jar.cookieHeader(u("http://b.test/shop/item"))).isNull();
        // a site may not set a cookie for another domain
        jar.store(page, Map.of("Set-Cookie", List.of("evil=1; Domain=b.test")));
        assertThat(jar.cookieHeader(u("http://b.test/"))).isNull();
    }
}

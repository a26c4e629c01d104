package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.url.HostRule;

import dev.crawlcase.crawler.url.HostKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    @Test
    void seedHostAndPortAreInScope() {
        Scope scope = Scope.ofSeeds(List.of("HTTP://127.0.0.1:8080/start", "http://localhost/"));
        assertThat(scope.seedHosts()).containsExactlyInAnyOrder("http://127.0.0.1:8080", "http://localhost:80");
        assertThat(scope.inScope("http://127.0.0.1:8080/a?b")).isTrue();
        assertThat(scope.inScope("http://localhost/x")).isTrue();
        assertThat(scope.inScope("http://127.0.0.1:8081/a")).isFalse();
        assertThat(scope.inScope("https://127.0.0.1:8080/a")).isFalse();
        assertThat(scope.inScope("http://other.test/")).isFalse();
        assertThat(scope.inScope(null)).isFalse();
    }

    @Test
    void includesAddAndExcludesWin() {
        Scope scope = new Scope(List.of("http://127.0.0.1:8080/"),
                List.of(Pattern.compile("^http://127\\.0\\.0\\.2:\\d+/")),
                List.of(Pattern.compile("/private/"), Pattern.compile("\\.pdf$")));
        assertThat(scope.inScope("http://127.0.0.2:9000/x")).isTrue();
        assertThat(scope.inScope("http://127.0.0.3:9000/x")).isFalse();
        assertThat(scope.inScope("http://127.0.0.1:8080/private/x")).isFalse();
        assertThat(scope.inScope("http://127.0.0.2:9000/a.pdf")).isFalse();
        assertThat(scope.inScope("http://127.0.0.1:8080/a.pdf?x")).isTrue();
    }

    @Test
    void rejectsInvalidSeedsWithAClearMessage() {
        assertThatThrownBy(() -> Scope.ofSeeds(List.of("mailto:x@y.test")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed is not an absolute http(s) URL: mailto:x@y.test");
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1,true", "127.255.3.4,true", "localhost,true", "LOCALHOST.,true", "::1,true",
            "[::1],true", "[0:0:0:0:0:0:0:1],true", "0::0001,true",
            "128.0.0.1,false", "127.0.0,false", "127.0.0.256,false", "10.0.0.1,false", "example.test,false",
            "::2,false", "1::,false", "::,false", "[::1:0],false", "localhost.example,false", "127.0.0.1.test,false"})
    void loopbackHosts(String host, boolean loopback) {
        assertThat(HostRule.isLoopback(host)).isEqualTo(loopback);
    }

    @Test
    void hostKeysOfNormalizedUrls() {
        assertThat(HostKey.of("http://a.test/x")).isEqualTo("http://a.test:80");
        assertThat(HostKey.of("https://a.test?x")).isEqualTo("https://a.test:443");
        assertThat(HostKey.of("http://u:p@127.0.0.1:8080/x")).isEqualTo("http://127.0.0.1:8080");
        assertThat(HostKey.of("http://[::1]:81/")).isEqualTo("http://[::1]:81");
        assertThat(HostKey.host("http://[::1]/")).isEqualTo("[::1]");
        assertThat(HostKey.of("ftp://a.test/")).isNull();
        assertThat(HostKey.of("http:///")).isNull();
        assertThat(HostKey.of("nonsense")).isNull();
        assertThat(Scope.isLoopbackUrl("http://127.0.0.1:1/")).isTrue();
    }
}

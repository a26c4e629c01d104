package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackGuardTest {

    @Test
    void loopbackLiteralsAndLocalhostPass() {
        assertThat(LoopbackGuard.check("http://127.0.0.1:8080/a", false)).isNull();
        assertThat(LoopbackGuard.check("http://127.1.2.3/", false)).isNull();
        assertThat(LoopbackGuard.check("http://[::1]:9000/", false)).isNull();
        assertThat(LoopbackGuard.check("https://LOCALHOST/x", false)).isNull();
    }

    @Test
    void everythingElseIsNotAllowedWithoutResolving() {
        assertThat(LoopbackGuard.check("http://10.255.255.1/", false)).isEqualTo(ErrorKind.NOT_ALLOWED);
        assertThat(LoopbackGuard.check("http://127.0.0.1.nip.io/", false)).isEqualTo(ErrorKind.NOT_ALLOWED);
        assertThat(LoopbackGuard.check("http://127.0.0.256/", false)).isNotNull();
        assertThat(LoopbackGuard.check("http://localhost.example.com/", false)).isEqualTo(ErrorKind.NOT_ALLOWED);
        assertThat(LoopbackGuard.check("http://[::2]/", false)).isEqualTo(ErrorKind.NOT_ALLOWED);
    }

    @Test
    void remoteHostsPassWhenAllowed() {
        assertThat(LoopbackGuard.check("http://example.com/", true)).isNull();
    }

    @Test
    void theReservedInvalidDomainIsAnUnknownHostEvenWhenRemoteIsAllowed() {
        assertThat(LoopbackGuard.check("http://nonexistent.invalid/", true)).isEqualTo(ErrorKind.UNKNOWN_HOST);
        assertThat(LoopbackGuard.check("http://X.INVALID./a", true)).isEqualTo(ErrorKind.UNKNOWN_HOST);
        assertThat(LoopbackGuard.check("http://nonexistent.invalid/", false)).isEqualTo(ErrorKind.NOT_ALLOWED);
        assertThat(LoopbackGuard.check("http://invalid.example.com/", true)).isNull();
    }

    @Test
    void nonHttpOrHostlessUrlsAreProtocolErrors() {
        assertThat(LoopbackGuard.check("ftp://127.0.0.1/", false)).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(LoopbackGuard.check("http:///nohost", false)).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(LoopbackGuard.check("http://a b/", false)).isEqualTo(ErrorKind.PROTOCOL);
    }

    /** The JDK client connects to its URI's host: a loopback name is handed over as its address literal. */
    @Test
    void aLoopbackNameIsConnectedToByItsAddressLiteral() {
        assertThat(LoopbackGuard.connectUri("http://localhost:8080/a?b=c%20d").toString())
                .isEqualTo("http://127.0.0.1:8080/a?b=c%20d");
        assertThat(LoopbackGuard.connectUri("https://localhost/x").toString()).isEqualTo("https://127.0.0.1:443/x");
        assertThat(LoopbackGuard.connectUri("http://127.0.0.2:81/").toString()).isEqualTo("http://127.0.0.2:81/");
        assertThat(LoopbackGuard.unresolvedLoopback("http://[::1]:81/")).isNull();
    }
}

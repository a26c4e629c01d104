package dev.crawlcase.crawler.url;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Every range the remote guard refuses, with an address at its edges, and public neighbours that pass. */
class AddressKindTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "::1, LOOPBACK", "::ffff:127.0.0.1, LOOPBACK",
        "10.0.0.0, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE",
        "192.168.0.1, PRIVATE", "100.64.0.1, PRIVATE", "100.127.255.255, PRIVATE", "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE", "::ffff:10.1.2.3, PRIVATE", "64:ff9b::a00:1, PRIVATE",
        "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL", "fe80::1, LINK_LOCAL", "fec0::1, LINK_LOCAL",
        "224.0.0.1, MULTICAST", "239.255.255.255, MULTICAST", "ff02::1, MULTICAST",
        "0.0.0.0, RESERVED", "0.1.2.3, RESERVED", "240.0.0.1, RESERVED", "255.255.255.255, RESERVED",
        "192.0.0.8, RESERVED", "192.0.2.1, RESERVED", "198.18.0.1, RESERVED", "198.19.255.255, RESERVED",
        "198.51.100.7, RESERVED", "203.0.113.9, RESERVED", "::, RESERVED", "2001:db8::1, RESERVED",
        "100::1, RESERVED",
        "8.8.8.8, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.1, PUBLIC", "100.63.255.255, PUBLIC",
        "100.128.0.1, PUBLIC", "169.253.255.255, PUBLIC", "192.169.0.1, PUBLIC", "198.20.0.1, PUBLIC",
        "223.255.255.255, PUBLIC", "2606:4700::1111, PUBLIC", "::ffff:8.8.8.8, PUBLIC"
    })
    void classifiesEachRange(String literal, AddressKind expected) throws Exception {
        // literals only: InetAddress.getByName never looks an address literal up
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }
}

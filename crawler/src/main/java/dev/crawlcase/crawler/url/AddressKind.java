package dev.crawlcase.crawler.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of network an IP address belongs to, for the remote-crawl guard: only {@link #PUBLIC} addresses are
 * reached by a crawl with {@code allowRemote} unless {@code allowPrivateNetworks} opens the rest. The ranges are
 * IANA's special-purpose registries (RFC 6890 and its updates); a cloud's metadata service (169.254.169.254) is
 * link-local. An IPv4-mapped IPv6 address is judged by the IPv4 address inside it.
 */
public enum AddressKind {
    PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, MULTICAST, RESERVED;

    public static AddressKind of(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return ofIpv4(v4.getAddress());
        }
        byte[] a = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(a)) {
            return ofIpv4(new byte[]{a[12], a[13], a[14], a[15]});
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isAnyLocalAddress()) {
            return RESERVED;
        }
        if (address.isMulticastAddress()) {
            return MULTICAST;
        }
        if (address.isLinkLocalAddress() || first == 0xfe && (second & 0xc0) == 0xc0) { // fe80::/10, fec0::/10
            return LINK_LOCAL;
        }
        if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
            return PRIVATE;
        }
        if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) { // 2001:db8::/32
            return RESERVED;
        }
        if (first == 0x01 && second == 0 && allZero(a, 2, 8)) { // 100::/64 discard-only
            return RESERVED;
        }
        if (first == 0 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) { // 64:ff9b::/96 NAT64
            return ofIpv4(new byte[]{a[12], a[13], a[14], a[15]});
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168
                || a0 == 100 && (a1 & 0xc0) == 64) { // RFC 1918 and carrier-grade NAT 100.64.0.0/10
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 >= 224 && a0 <= 239) {
            return MULTICAST;
        }
        if (a0 == 0 || a0 >= 240 // this network, 240.0.0.0/4 and the broadcast address
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol assignments, TEST-NET-1
                || a0 == 198 && (a1 & 0xfe) == 18 // benchmarking 198.18.0.0/15
                || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) { // TEST-NET-2 and -3
            return RESERVED;
        }
        return PUBLIC;
    }

    private static boolean isIpv4Mapped(byte[] a) {
        return allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.url.AddressKind;
import dev.crawlcase.crawler.url.HostRule;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The guard of a crawl with {@code allowRemote}: a host that is not literally loopback is resolved first and refused
 * ({@code private_address}) when any of its addresses is not public (private, loopback, link-local with the cloud
 * metadata address, multicast, reserved: {@link AddressKind}), unless {@code allowPrivateNetworks}. It runs at
 * every fetch, so seeds, links and redirect targets are judged alike, and a public name that resolves to 10.x is
 * refused like 10.x itself. The async client then connects to the address judged here (no second lookup); the JDK
 * client cannot be given an address for a name, so it resolves again (a name that changes its answer in between
 * could slip through there). Blocking: call it on a worker thread.
 */
final class RemoteGuard {
    /** An address to connect to, or why not. */
    record Verdict(InetAddress address, ErrorKind refused) {
    }

    private final HostResolver resolver;
    private final boolean allowPrivateNetworks;

    RemoteGuard(HostResolver resolver, boolean allowPrivateNetworks) {
        this.resolver = resolver;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Whether a URL's host needs judging: remote crawling is on and the host is not literally loopback. */
    static boolean applies(String url, boolean allowRemote) {
        return allowRemote && !HostRule.isLoopback(URI.create(url).getHost());
    }

    Verdict judge(String url) {
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = literal(host) ? new InetAddress[]{InetAddress.getByName(host)} : resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return new Verdict(null, ErrorKind.UNKNOWN_HOST);
        }
        if (addresses == null || addresses.length == 0) {
            return new Verdict(null, ErrorKind.UNKNOWN_HOST);
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                if (AddressKind.of(address) != AddressKind.PUBLIC) {
                    return new Verdict(null, ErrorKind.PRIVATE_ADDRESS);
                }
            }
        }
        return new Verdict(addresses[0], null);
    }

    /** An address literal is judged as written, never looked up. */
    private static boolean literal(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }
}

package dev.crawlcase.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into its addresses, for the remote-crawl guard to judge before any connection. The system
 * resolver by default; tests pass a stub, so no name is looked up and nothing leaves the machine. Blocking.
 */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}

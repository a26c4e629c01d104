package dev.crawlcase.sites;

import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a world's ephemeral ports (0) into fixed free ones on 127.0.0.1, for servers that must share a port: Vert.x
 * shares a socket between servers that listen on the same port number, and "0" is not one. All the ports are held
 * open until every one is chosen, so two sites never get the same one; another process could still take one
 * between its release here and the site's bind, which then fails and says so.
 */
final class FreePorts {
    private FreePorts() {
    }

    static WorldConfig pinEphemeral(WorldConfig config) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<SiteSpec> pinned = new ArrayList<>();
            for (SiteSpec site : config.sites()) {
                if (site.port() != 0) {
                    pinned.add(site);
                    continue;
                }
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                pinned.add(site.withPort(socket.getLocalPort()));
            }
            return config.withSites(pinned);
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}

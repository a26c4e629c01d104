package dev.crawlcase.crawler.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny SOCKS5 server on 127.0.0.1 for the crawler's {@code fetch.proxy socks5://...}: no authentication, CONNECT
 * only (RFC 1928), to loopback targets only (anything else gets "not allowed by ruleset"). It counts the tunnels it
 * opened and the HTTP request heads that went up through them (each ends with an empty line; the crawler's GETs
 * carry no body), so a plain-HTTP test can check that every request the sites saw came through it. Runs on the
 * test's Vert.x instance (closed with it). Hand-written rather than on Netty's socks codec: the protocol part is
 * two short messages, and Vert.x's sockets already do the relaying.
 */
public final class LoopbackSocks5 {
    private static final int VERSION = 5;
    private static final int NO_AUTH = 0;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int CONNECT = 1;
    private static final int IPV4 = 1;
    private static final int DOMAIN = 3;
    private static final int IPV6 = 4;
    private static final int SUCCEEDED = 0;
    private static final int NOT_ALLOWED = 2;
    private static final int REFUSED = 5;
    private static final int COMMAND_NOT_SUPPORTED = 7;
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final NetServer server;
    private final NetClient targets;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong requestHeads = new AtomicLong();

    private LoopbackSocks5(Vertx vertx) {
        this.targets = vertx.createNetClient();
        this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
                .connectHandler(client -> new Session(client).start());
    }

    /** Starts one on an ephemeral loopback port. */
    public static LoopbackSocks5 start(Vertx vertx) {
        LoopbackSocks5 socks = new LoopbackSocks5(vertx);
        socks.server.listen().toCompletionStage().toCompletableFuture().join();
        return socks;
    }

    /** {@code socks5://127.0.0.1:port}, as {@code fetch.proxy} takes it. */
    public String url() {
        return "socks5://127.0.0.1:" + server.actualPort();
    }

    /** Tunnels opened to a target (CONNECTs answered "succeeded"). */
    public long connects() {
        return connects.get();
    }

    /** CONNECTs refused: a target off loopback, a command other than CONNECT, or a target that did not answer. */
    public long refused() {
        return refused.get();
    }

    /** HTTP request heads relayed from client to target (meaningful for plain HTTP/1.1 only). */
    public long requestHeads() {
        return requestHeads.get();
    }

    /** One client connection: greeting, request, then bytes both ways. */
    private final class Session {
        private final NetSocket client;
        private Buffer pending = Buffer.buffer();
        private boolean greeted;
        private int headMatch;

        Session(NetSocket client) {
            this.client = client;
        }

        void start() {
            client.handler(this::handshake);
        }

        private void handshake(Buffer data) {
            pending.appendBuffer(data);
            if (!greeted) {
                if (pending.length() < 2 || pending.length() < 2 + pending.getUnsignedByte(1)) {
                    return;
                }
                int methods = pending.getUnsignedByte(1);
                boolean noAuth = false;
                for (int i = 0; i < methods; i++) {
                    noAuth |= pending.getUnsignedByte(2 + i) == NO_AUTH;
                }
                if (pending.getUnsignedByte(0) != VERSION || !noAuth) {
                    client.end(Buffer.buffer(new byte[] {VERSION, (byte) NO_ACCEPTABLE_METHOD}));
                    return;
                }
                client.write(Buffer.buffer(new byte[] {VERSION, NO_AUTH}));
                pending = pending.getBuffer(2 + methods, pending.length());
                greeted = true;
            }
            request();
        }

        private void request() {
            if (pending.length() < 5) {
                return;
            }
            int type = pending.getUnsignedByte(3);
            int addressLength = type == IPV4 ? 4 : type == IPV6 ? 16 : type == DOMAIN ? 1 + pending.getUnsignedByte(4)
                    : -1;
            if (addressLength < 0 || pending.getUnsignedByte(0) != VERSION) {
                refuse(COMMAND_NOT_SUPPORTED);
                return;
            }
            int length = 4 + addressLength + 2;
            if (pending.length() < length) {
                return;
            }
            String host = type == DOMAIN ? pending.getString(5, 4 + addressLength, "US-ASCII")
                    : address(pending.getBytes(4, 4 + addressLength));
            int port = pending.getUnsignedShort(4 + addressLength);
            Buffer early = pending.getBuffer(length, pending.length());
            if (pending.getUnsignedByte(1) != CONNECT) {
                refuse(COMMAND_NOT_SUPPORTED);
                return;
            }
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("0:0:0:0:0:0:0:1"))) {
                refuse(NOT_ALLOWED);
                return;
            }
            client.pause();
            client.handler(null);
            targets.connect(port, host).onComplete(connected -> {
                if (connected.failed()) {
                    refuse(REFUSED);
                    return;
                }
                NetSocket target = connected.result();
                connects.incrementAndGet();
                client.write(reply(SUCCEEDED));
                client.handler(up -> {
                    countHeads(up);
                    target.write(up);
                });
                target.handler(client::write);
                client.closeHandler(v -> target.close());
                target.closeHandler(v -> client.close());
                if (early.length() > 0) {
                    countHeads(early);
                    target.write(early);
                }
                client.resume();
            });
        }

        private void refuse(int reply) {
            refused.incrementAndGet();
            client.end(reply(reply));
        }

        /** Counts "\r\n\r\n" in the stream going up, across buffer boundaries. */
        private void countHeads(Buffer up) {
            for (int i = 0; i < up.length(); i++) {
                byte b = up.getByte(i);
                headMatch = b == END_OF_HEAD[headMatch] ? headMatch + 1 : b == END_OF_HEAD[0] ? 1 : 0;
                if (headMatch == END_OF_HEAD.length) {
                    requestHeads.incrementAndGet();
                    headMatch = 0;
                }
            }
        }
    }

    /** A reply with the bound address left as 0.0.0.0:0 (clients do not use it for CONNECT). */
    private static Buffer reply(int code) {
        return Buffer.buffer(new byte[] {VERSION, (byte) code, 0, IPV4, 0, 0, 0, 0, 0, 0});
    }

    /** The literal of a 4 or 16 byte address (no lookup). */
    private static String address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.crawlcase.sites.server;

import dev.crawlcase.sites.config.ContentCoding;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.SiteModel;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.function.Supplier;

/**
 * One fake site: an HTTP server on 127.0.0.1 at the configured port (0 = ephemeral), over TLS when it is given a
 * certificate (then its URLs are https). Its replies are
 * supplied once every site of the world is bound, because pages link to the other sites' real ports.
 * A {@link #sibling()} listens on the same port from another event loop: Vert.x binds the socket once and hands
 * new connections to the servers on it in turn, so a site can use more than one core.
 */
public final class SiteVerticle extends VerticleBase {
    private final SiteModel site;
    private final CounterBoard counters;
    private final Supplier<Replies> replies;
    private final SiteCertificate certificate;
    private final ContentCoding coding;
    private final boolean http2;
    private final int listenPort;
    private volatile int port = -1;

    /**
     * @param certificate the world's certificate to serve TLS with, or null for plain HTTP
     * @param coding      the content coding of bodies sent to clients that accept it
     * @param http2       offer HTTP/2 beside HTTP/1.1 (by ALPN over TLS, as h2c on plain connections)
     */
    public SiteVerticle(SiteModel site, CounterBoard counters, Supplier<Replies> replies, SiteCertificate certificate,
                        ContentCoding coding, boolean http2) {
        this(site, counters, replies, certificate, coding, http2, site.spec().port());
    }

    private SiteVerticle(SiteModel site, CounterBoard counters, Supplier<Replies> replies, SiteCertificate certificate,
                         ContentCoding coding, boolean http2, int listenPort) {
        this.site = site;
        this.counters = counters;
        this.replies = replies;
        this.certificate = certificate;
        this.coding = coding;
        this.http2 = http2;
        this.listenPort = listenPort;
    }

    /** Another server of this site on this one's bound port (call once this one has started). */
    public SiteVerticle sibling() {
        if (port < 0) {
            throw new IllegalStateException("site " + site.name() + " is not listening yet");
        }
        return new SiteVerticle(site, counters, replies, certificate, coding, http2, port);
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(listenPort)
                .setAcceptBacklog(16384)
                .setReuseAddress(true)
                .setHttp2ClearTextEnabled(http2);
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions()).setUseAlpn(http2);
        }
        HttpServer server = vertx.createHttpServer(options)
                .connectionHandler(connection -> counters.connectionOpened())
                .requestHandler(new SiteHandler(vertx, site, counters, replies, this::baseUrl, coding));
        return server.listen().onSuccess(bound -> port = bound.actualPort());
    }

    public String name() {
        return site.name();
    }

    /** The bound port, once started. */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return (certificate == null ? "http" : "https") + "://127.0.0.1:" + port + "/";
    }
}

package dev.crawlcase.crawler.fetch;

import dev.crawlcase.json.ConfigException;
import io.vertx.core.net.TrustOptions;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Which server certificates both clients accept: the JDK's default certificate authorities plus the certificates
 * the crawl config names ({@code fetch.trustCertificates}, PEM files: a local site's self-signed certificate or a
 * private CA). Verification, host name checks included, is always on: there is no trust-all setting, so a site
 * whose certificate is not trusted fails as {@code tls_certificate}. One trust manager serves both client
 * families, so every mode accepts exactly the same servers.
 */
public final class TlsTrust {
    private static final TlsTrust DEFAULTS = new TlsTrust(List.of());

    private final List<X509Certificate> extra;
    private volatile TrustManagerFactory factory;

    private TlsTrust(List<X509Certificate> extra) {
        this.extra = List.copyOf(extra);
    }

    /** The JDK's default certificate authorities only. */
    public static TlsTrust defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults plus every certificate in these PEM files; a file that cannot be read or holds no certificate is
     * a {@link ConfigException} naming {@code key}, so a bad trust setting stops the crawl before any request.
     */
    public static TlsTrust load(String key, List<Path> pemFiles) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < pemFiles.size(); i++) {
            Path file = pemFiles.get(i);
            String where = key + "[" + i + "]";
            try {
                certificates.addAll(parse(where, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new ConfigException(where, "cannot read " + file
                        + (e instanceof NoSuchFileException ? " (no such file)" : ""));
            }
        }
        return new TlsTrust(certificates);
    }

    /** The defaults plus the certificates of one PEM text (a bundled TLS world's own certificate). */
    public TlsTrust plusPem(String pem) {
        List<X509Certificate> all = new ArrayList<>(extra);
        all.addAll(parse("certificate", pem.getBytes(StandardCharsets.US_ASCII)));
        return new TlsTrust(all);
    }

    /**
     * The added certificates as PEM text, empty when there are none: how a fetch worker process gets the same trust
     * ({@code defaults().plusPem(pem)} rebuilds it).
     */
    public String extraPem() {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[]{'\n'});
        for (X509Certificate certificate : extra) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a trusted certificate: " + e.getMessage(), e);
            }
        }
        return pem.toString();
    }

    /** How many certificates were added to the defaults. */
    public int extraCertificates() {
        return extra.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsTrust t && t.extra.equals(extra);
    }

    @Override
    public int hashCode() {
        return extra.hashCode();
    }

    @Override
    public String toString() {
        return "TlsTrust[default authorities + " + extra.size() + " configured]";
    }

    /** For the JDK client. */
    SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory().getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** For the Vert.x client. */
    TrustOptions trustOptions() {
        return TrustOptions.wrap(factory());
    }

    /** One PKIX trust manager factory over a key store holding the default authorities and the extra certificates. */
    private TrustManagerFactory factory() {
        TrustManagerFactory f = factory;
        if (f == null) {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (X509Certificate ca : defaultAuthorities()) {
                    store.setCertificateEntry("default-" + n++, ca);
                }
                for (X509Certificate certificate : extra) {
                    store.setCertificateEntry("configured-" + n++, certificate);
                }
                f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init(store);
                factory = f;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
            }
        }
        return f;
    }

    private static List<X509Certificate> defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        List<X509Certificate> all = new ArrayList<>();
        for (TrustManager manager : jdk.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                all.addAll(Arrays.asList(x509.getAcceptedIssuers()));
            }
        }
        return all;
    }

    private static List<X509Certificate> parse(String where, byte[] pem) {
        try (InputStream in = new ByteArrayInputStream(pem)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : read) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new ConfigException(where, "holds no PEM certificate");
            }
            return certificates;
        } catch (CertificateException | IOException e) {
            throw new ConfigException(where, "is not a PEM certificate (" + e.getMessage() + ")");
        }
    }
}

package dev.crawlcase.sites.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A self-signed certificate made when a TLS world starts, for the names a loopback site is reached by: 127.0.0.1,
 * ::1 and localhost (as subject alternative names, which is what hostname verification checks; a certificate with
 * only a common name fails it for an address). Nothing is written to disk: the crawler is told to trust
 * {@link #pem()} explicitly, so no client ever needs a trust-all switch. The key never leaves this object.
 */
public final class SiteCertificate {
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final String certificatePem;
    private final String keyPem;

    private SiteCertificate(String certificatePem, String keyPem) {
        this.certificatePem = certificatePem;
        this.keyPem = keyPem;
    }

    /** A new key pair (EC P-256) and a certificate signed by it, valid from a day ago for 30 days. */
    public static SiteCertificate selfSigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=crawlcase fake sites");
            Instant now = Instant.now();
            GeneralNames names = new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")});
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new SiteCertificate(pem("CERTIFICATE", holder.getEncoded()),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the fake sites' certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate in PEM form, to give to a client as the one certificate to trust for these sites. */
    public String pem() {
        return certificatePem;
    }

    /** The key and certificate for Vert.x's server options. */
    PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions().setKeyValue(Buffer.buffer(keyPem)).setCertValue(Buffer.buffer(certificatePem));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

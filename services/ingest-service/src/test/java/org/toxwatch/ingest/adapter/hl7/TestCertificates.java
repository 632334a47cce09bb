package org.toxwatch.ingest.adapter.hl7;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

/**
 * Throwaway self-signed certificates (EC P-256, X.509 v1, valid for a day) made with the JDK's public APIs alone:
 * the DER of the certificate is written here and signed with {@link Signature}, so no keytool and no BouncyCastle.
 */
final class TestCertificates {

    /** A key pair and its certificate. */
    record Identity(KeyPair keys, X509Certificate certificate) {

        X500Principal subject() {
            return certificate.getSubjectX500Principal();
        }
    }

    private static final byte[] ECDSA_WITH_SHA256 = {
        0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02
    };
    private static final char[] CLIENT_KEY_PASSWORD = "client-key".toCharArray();
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private TestCertificates() {}

    static Identity selfSigned(String distinguishedName) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] name = new X500Principal(distinguishedName).getEncoded();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] algorithm = der(0x30, ECDSA_WITH_SHA256);
        byte[] tbs = der(
                0x30,
                der(
                        0x02,
                        new BigInteger(63, new SecureRandom())
                                .add(BigInteger.ONE)
                                .toByteArray()),
                algorithm,
                name,
                der(0x30, utcTime(now.minus(1, ChronoUnit.HOURS)), utcTime(now.plus(1, ChronoUnit.DAYS))),
                name,
                keys.getPublic().getEncoded());
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] certificate = der(0x30, tbs, algorithm, der(0x03, bitString));
        var parsed = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
        parsed.verify(keys.getPublic());
        return new Identity(keys, parsed);
    }

    /** A PKCS #12 key store holding the identity's key and certificate. */
    static Path keyStore(Path file, Identity identity, String password) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("identity", identity.keys().getPrivate(), password.toCharArray(), new Certificate[] {
            identity.certificate()
        });
        return write(store, file, password);
    }

    /** A PKCS #12 trust store holding the given certificates. */
    static Path trustStore(Path file, String password, Identity... trusted) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            store.setCertificateEntry("trusted-" + i, trusted[i].certificate());
        }
        return write(store, file, password);
    }

    /** A client context presenting {@code identity} (none when null) and trusting {@code server}. */
    static SSLContext clientContext(Identity identity, Identity server) throws Exception {
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (identity != null) {
            keys.setKeyEntry("client", identity.keys().getPrivate(), CLIENT_KEY_PASSWORD, new Certificate[] {
                identity.certificate()
            });
        }
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, CLIENT_KEY_PASSWORD);
        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server.certificate());
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static Path write(KeyStore store, Path file, String password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static byte[] utcTime(Instant instant) {
        return der(0x17, UTC_TIME.format(instant).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** One DER element: tag, definite length, the concatenated contents. */
    private static byte[] der(int tag, byte[]... contents) {
        var body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        int length = body.size();
        var element = new ByteArrayOutputStream();
        element.write(tag);
        if (length < 0x80) {
            element.write(length);
        } else if (length < 0x100) {
            element.write(0x81);
            element.write(length);
        } else {
            element.write(0x82);
            element.write(length >> 8);
            element.write(length & 0xFF);
        }
        element.writeBytes(body.toByteArray());
        return element.toByteArray();
    }
}

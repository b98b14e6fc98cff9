package org.ztpbox.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 v3 certificates (RFC 5280): the appliance's own CA, its server certificate, and
 * client certificates (tests use those to stand in for Poly's factory device certificates).
 *
 * <p>RSA with SHA-256 throughout: older Poly firmware is not known to accept ECDSA server keys
 * (polycom-provisioning.md §4.3 leaves cipher support UNCERTAIN), and every phone that speaks
 * TLS 1.2 handles RSA.
 */
public final class CertificateIssuer {

    private static final String SIGNATURE = "SHA256withRSA";
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final Clock clock;
    private final SecureRandom random;

    public CertificateIssuer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    /** A self-signed CA (RFC 5280 §4.2.1.9: basicConstraints CA, path length 0; keyCertSign). */
    public CertifiedKey certificateAuthority(String subjectDn, KeyPair keys, Duration validity) {
        X500Name subject = new X500Name(subjectDn);
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), validity);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build CA certificate", e);
        }
        return new CertifiedKey(keys.getPrivate(), List.of(sign(builder, keys.getPrivate())));
    }

    /**
     * A TLS server certificate signed by {@code ca}; {@code names} go into subjectAltName (IP
     * literals as iPAddress, the rest as dNSName), which is what phones check: they accept no
     * wildcard CN (polycom-provisioning.md §4.3).
     */
    public X509Certificate serverCertificate(CertifiedKey ca, PublicKey key, List<String> names, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        X509v3CertificateBuilder builder = leaf(ca, "CN=" + names.get(0), key, validity,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, KeyPurposeId.id_kp_serverAuth);
        GeneralName[] alternatives = names.stream().map(CertificateIssuer::generalName).toArray(GeneralName[]::new);
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot add subjectAltName", e);
        }
        return sign(builder, ca.key());
    }

    /** A TLS client certificate for {@code subjectDn}, e.g. {@code CN=0004f2aa814c,O=Polycom Inc.}. */
    public X509Certificate clientCertificate(CertifiedKey ca, PublicKey key, String subjectDn, Duration validity) {
        return sign(leaf(ca, subjectDn, key, validity, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                KeyPurposeId.id_kp_clientAuth), ca.key());
    }

    private X509v3CertificateBuilder leaf(CertifiedKey ca, String subjectDn, PublicKey key, Duration validity,
                                          int usage, KeyPurposeId purpose) {
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(issuer, new X500Name(subjectDn), key, validity);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(ca.certificate()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate for " + subjectDn, e);
        }
        return builder;
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Duration validity) {
        Instant now = clock.instant();
        // Backdated a little: a phone whose clock lags (no NTP yet at boot) must not see it as not yet valid.
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).add(BigInteger.ONE),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, java.security.PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    private static GeneralName generalName(String name) {
        return new GeneralName(isIpLiteral(name) ? GeneralName.iPAddress : GeneralName.dNSName, name);
    }

    static boolean isIpLiteral(String name) {
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.contains(":");
    }
}

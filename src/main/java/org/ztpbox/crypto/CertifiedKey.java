package org.ztpbox.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first. JDK types only, so that the TLS listener
 * can use it without seeing BouncyCastle.
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {

    public CertifiedKey {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "CertifiedKey[" + certificate().getSubjectX500Principal() + "]"; // never the key
    }
}

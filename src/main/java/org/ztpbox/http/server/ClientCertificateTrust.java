package org.ztpbox.http.server;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies phones' client certificates against the configured CA bundle (every certificate of the
 * bundle is a trust anchor, as for Netty's own trust manager), by PKIX without revocation checks:
 * phones on a LAN appliance cannot reach Poly's CRLs.
 *
 * <p>Some older Poly phones carry factory certificates that have expired (polycom-provisioning.md,
 * device certificates). Refusing them is right by default; with {@code acceptExpired} (the admin's
 * explicit policy, {@code http.tls.accept-expired-client-certs}) a chain that fails <em>only</em>
 * because it has expired is checked again as of one second before the leaf expired, so the
 * signatures and the chain to the bundle are still verified, and each acceptance is reported.
 */
final class ClientCertificateTrust implements X509TrustManager {

    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final X509Certificate[] issuers;
    private final boolean acceptExpired;
    private final Consumer<X509Certificate> onExpiredAccepted;

    /** @param onExpiredAccepted told of every expired leaf let through under the policy */
    ClientCertificateTrust(List<X509Certificate> cas, boolean acceptExpired,
                           Consumer<X509Certificate> onExpiredAccepted) {
        cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        this.issuers = cas.toArray(X509Certificate[]::new);
        this.acceptExpired = acceptExpired;
        this.onExpiredAccepted = onExpiredAccepted;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        try {
            validate(chain, null);
        } catch (CertPathValidatorException e) {
            if (!acceptExpired || e.getReason() != CertPathValidatorException.BasicReason.EXPIRED) {
                throw new CertificateException("client certificate refused: " + e.getMessage(), e);
            }
            try {
                validate(chain, new Date(chain[0].getNotAfter().getTime() - 1000));
            } catch (CertPathValidatorException again) {
                throw new CertificateException("expired client certificate refused: " + again.getMessage(), again);
            }
            onExpiredAccepted.accept(chain[0]);
        }
    }

    /** @param at the moment the chain must be valid at; null for now */
    private void validate(X509Certificate[] chain, Date at) throws CertPathValidatorException, CertificateException {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate cert : chain) {
            if (anchors.stream().anyMatch(anchor -> anchor.getTrustedCert().equals(cert))) {
                break; // the path ends below an anchor; a client may send the anchor itself too
            }
            path.add(cert);
        }
        if (path.isEmpty()) {
            throw new CertificateException("the client presented a CA certificate, not its own");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot verify the client certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks phones' client certificates only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return issuers.clone();
    }
}

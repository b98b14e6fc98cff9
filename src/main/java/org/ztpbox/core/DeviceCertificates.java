package org.ztpbox.core;

import java.security.cert.X509Certificate;

/**
 * Reads which phone a TLS client certificate belongs to (mutual TLS, polycom-provisioning.md §4.3):
 * Poly's factory device certificates carry the MAC as the subject CN and {@code O=Polycom Inc.}.
 * The chain itself has already been verified by the TLS layer; this only reads the subject.
 */
public interface DeviceCertificates {

    /** The phone's MAC, or why the certificate names no phone. */
    Identification identify(X509Certificate certificate);

    /** Exactly one of {@code mac} and {@code refusal} is set. */
    record Identification(MacAddress mac, String refusal) {

        public static Identification of(MacAddress mac) {
            return new Identification(mac, null);
        }

        public static Identification refused(String reason) {
            return new Identification(null, reason);
        }

        public boolean accepted() {
            return mac != null;
        }
    }
}

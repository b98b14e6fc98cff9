package org.ztpbox.crypto;

import java.security.cert.X509Certificate;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.MacAddress;

/**
 * Reads a Poly factory device certificate's subject: {@code CN=<mac>} and {@code O=Polycom Inc.}
 * (polycom-provisioning.md §4.3). The CN's exact spelling (case, separators) is not documented, so
 * it is read with {@link MacAddress#parse}, which accepts every common form.
 */
public final class PolycomDeviceCertificates implements DeviceCertificates {

    /** The organisation on Poly's device certificates. */
    public static final String POLYCOM_ORGANISATION = "Polycom Inc.";

    private final String organisation;

    public PolycomDeviceCertificates() {
        this(POLYCOM_ORGANISATION);
    }

    /** @param organisation the subject O a device certificate must carry */
    public PolycomDeviceCertificates(String organisation) {
        this.organisation = organisation;
    }

    @Override
    public Identification identify(X509Certificate certificate) {
        X500Name subject;
        try {
            subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        } catch (RuntimeException e) {
            return Identification.refused("unreadable certificate subject");
        }
        String o = single(subject, BCStyle.O);
        if (o == null || !o.trim().toLowerCase(Locale.ROOT).equals(organisation.toLowerCase(Locale.ROOT))) {
            return Identification.refused("subject O is " + (o == null ? "missing" : "'" + o + "'") + ", not '"
                    + organisation + "'");
        }
        String cn = single(subject, BCStyle.CN);
        if (cn == null) {
            return Identification.refused("subject has no single CN");
        }
        try {
            return Identification.of(MacAddress.parse(cn.trim()));
        } catch (IllegalArgumentException e) {
            return Identification.refused("subject CN '" + cn + "' is not a MAC address");
        }
    }

    /** The attribute's value when the subject has exactly one, else null. */
    private static String single(X500Name subject, ASN1ObjectIdentifier type) {
        RDN[] rdns = subject.getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return null;
        }
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}

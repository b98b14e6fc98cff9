package org.ztpbox.dhcp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ztpbox.config.ClientClassConfig;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.options.VendorClass;

/**
 * Puts a client into the configured classes by option 60, MAC OUI or MAC.
 *
 * <p>The vendor-class match {@code polycom} accepts Polycom's binary RFC 3925 form (enterprise
 * 13885) and a text option 60 containing "polycom" (the phones' ASCII mode); any other match
 * value is a case-insensitive prefix of the text form.
 */
public final class ClientClassifier {

    private final List<ClientClassConfig> classes;

    public ClientClassifier(List<ClientClassConfig> classes) {
        this.classes = List.copyOf(classes);
    }

    public Classification classify(DhcpMessage message) {
        byte[] raw = message.options().get(DhcpOptionCodes.VENDOR_CLASS);
        VendorClass vendorClass = raw == null || raw.length == 0 ? null : VendorClass.parse(raw);
        List<ClientClassConfig> matched = new ArrayList<>(2);
        for (ClientClassConfig candidate : classes) {
            if (matches(candidate, message.chaddr(), vendorClass)) {
                matched.add(candidate);
            }
        }
        return new Classification(matched, vendorClass);
    }

    private static boolean matches(ClientClassConfig candidate, MacAddress mac, VendorClass vendorClass) {
        if (candidate.macs().contains(mac) || candidate.ouis().contains(mac.oui())) {
            return true;
        }
        if (vendorClass == null) {
            return false;
        }
        String text = vendorClass.text().toLowerCase(Locale.ROOT);
        for (String wanted : candidate.vendorClasses()) {
            String w = wanted.toLowerCase(Locale.ROOT);
            if (w.equals("polycom")) {
                if (vendorClass.isPolycomBinary() || text.contains("polycom")) {
                    return true;
                }
            } else if (text.startsWith(w)) {
                return true;
            }
        }
        return false;
    }
}

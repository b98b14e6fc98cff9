package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.List;

/**
 * How a boot-server address from some DHCP server compares with ztpbox: does a phone told this
 * value end up fetching ztpbox's files?
 *
 * @param differences what differs, in plain words, empty for {@link Verdict#ZTPBOX}
 */
public record AddressMatch(ProvisioningAddress address, Verdict verdict, List<String> differences) {

    public enum Verdict {
        /** A phone fetches ztpbox's files. */
        ZTPBOX,
        /**
         * This box, but in a form ztpbox does not serve (no scheme, FTP, another port, another
         * master file name): the phone reaches no provisioning server, or only its fallback files.
         */
        ZTPBOX_UNSERVED,
        /** Another host, or another path on this box: the phone is provisioned by someone else. */
        ELSEWHERE
    }

    public AddressMatch {
        differences = List.copyOf(differences);
    }

    public static AddressMatch of(String value, OwnServer own) {
        ProvisioningAddress a = ProvisioningAddress.parse(value);
        if (!a.usable()) {
            return new AddressMatch(a, Verdict.ELSEWHERE, List.of("'" + a + "' is not an address a phone can use"));
        }
        if (!own.names().contains(a.host())) {
            return new AddressMatch(a, Verdict.ELSEWHERE, List.of("host " + a.host() + " is not this appliance ("
                    + String.join(", ", own.names()) + ")"));
        }
        List<String> unserved = new ArrayList<>();
        if (a.scheme() == null) {
            unserved.add("no scheme: a phone then uses its configured server type (FTP from the factory),"
                    + " which ztpbox does not serve");
            return new AddressMatch(a, Verdict.ZTPBOX_UNSERVED, unserved);
        }
        List<OwnServer.ServedForm> sameScheme = own.served().stream().filter(f -> a.scheme().equals(f.scheme()))
                .toList();
        if (sameScheme.isEmpty()) {
            unserved.add("scheme " + a.scheme() + ", which ztpbox does not serve");
            return new AddressMatch(a, Verdict.ZTPBOX_UNSERVED, unserved);
        }
        String served = sameScheme.get(0).directory();
        if (sameScheme.stream().noneMatch(f -> a.directory().startsWith(f.directory()))) {
            return new AddressMatch(a, Verdict.ELSEWHERE, List.of("path " + a.directory() + " on this box, where ztpbox"
                    + " serves " + served + " over " + a.scheme()));
        }
        if (sameScheme.stream().noneMatch(f -> f.directory().equals(a.directory()))) {
            unserved.add("path " + a.directory() + ", below ztpbox's " + served + ": phones get ztpbox's files only if"
                    + " that directory holds them");
        }
        if (sameScheme.stream().noneMatch(f -> f.port() == a.effectivePort())) {
            unserved.add("port " + a.effectivePort() + ", where ztpbox serves " + a.scheme() + " on port "
                    + sameScheme.get(0).port());
        }
        String ownMaster = own.url().masterFile();
        if (a.masterFile() != null && !a.masterFile().equalsIgnoreCase("000000000000.cfg")
                && !a.masterFile().equalsIgnoreCase(ownMaster == null ? "" : ownMaster)) {
            unserved.add("names the master file " + a.masterFile() + " (ztpbox's is 000000000000.cfg; a phone falls"
                    + " back to <mac>.cfg, then 000000000000.cfg, when it cannot fetch it)");
        }
        return new AddressMatch(a, unserved.isEmpty() ? Verdict.ZTPBOX : Verdict.ZTPBOX_UNSERVED, unserved);
    }

    public boolean isZtpbox() {
        return verdict == Verdict.ZTPBOX;
    }
}

package org.ztpbox.provisioning.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneRecord;

/**
 * One phone as the admin sees it: what the inventory declares beside what was observed. Either
 * side may be missing: a declared phone never seen, or an unassigned phone (seen, not declared).
 *
 * @param declared the inventory row, or null
 * @param observed the phone's record, or null
 */
public record PhoneOverview(MacAddress mac, Phone declared, PhoneRecord observed) {

    /** Every declared phone and every observed one, by MAC. */
    public static List<PhoneOverview> of(List<Phone> inventory, List<PhoneRecord> records) {
        Map<MacAddress, Phone> declared = new TreeMap<>();
        inventory.forEach(p -> declared.put(p.mac(), p));
        Map<MacAddress, PhoneRecord> observed = new TreeMap<>();
        records.forEach(r -> observed.put(r.mac(), r));
        Map<MacAddress, PhoneOverview> all = new TreeMap<>();
        declared.forEach((mac, p) -> all.put(mac, new PhoneOverview(mac, p, observed.get(mac))));
        observed.forEach((mac, r) -> all.putIfAbsent(mac, new PhoneOverview(mac, null, r)));
        return new ArrayList<>(all.values());
    }

    /** True when the inventory declares this phone. */
    public boolean assigned() {
        return declared != null;
    }

    /** {@code assigned} (declared and seen), {@code not seen} (declared only) or {@code unassigned} (seen only). */
    public String status() {
        return !assigned() ? "unassigned" : observed == null ? "not seen" : "assigned";
    }

    /** The model the phone reported, else the one the inventory gives; null when neither says. */
    public String model() {
        if (observed != null && observed.model() != null) {
            return observed.model();
        }
        return declared == null || declared.model().isEmpty() ? null : declared.model();
    }
}

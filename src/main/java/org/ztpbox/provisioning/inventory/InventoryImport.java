package org.ztpbox.provisioning.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;

/**
 * What importing a file does to the inventory: the file <em>replaces</em> it. A phone in the file
 * is added or updated, a phone missing from the file is removed.
 *
 * <p>Secrets (the SIP password and extra columns whose name says password or secret) are the one
 * exception: an <em>empty</em> secret cell keeps the secret already stored for that MAC. That is
 * what lets an admin export without secrets, edit names and extensions in a spreadsheet and import
 * again without retyping every password. To really clear stored secrets, import with
 * {@code clearEmptySecrets}. A secret extra column that is absent from the file goes away like any
 * other column; the SIP password is always a column, so an absent password column keeps them all.
 */
public final class InventoryImport {

    /** One phone's change. {@code fields} names what changed (never a secret's value). */
    public record Change(Kind kind, MacAddress mac, List<String> fields) {

        public enum Kind { ADDED, CHANGED, REMOVED }
    }

    /**
     * The inventory after the import, and what changed.
     *
     * @param secretsKept how many phones kept at least one stored secret for an empty cell
     */
    public record Plan(List<Phone> phones, List<Change> changes, int secretsKept) {

        public Plan {
            phones = List.copyOf(phones);
            changes = List.copyOf(changes);
        }

        public long count(Change.Kind kind) {
            return changes.stream().filter(c -> c.kind() == kind).count();
        }
    }

    private InventoryImport() {
    }

    /** @param current the inventory now; {@code incoming} the file's phones, without errors */
    public static Plan plan(List<Phone> current, List<Phone> incoming, boolean clearEmptySecrets) {
        Map<MacAddress, Phone> before = new LinkedHashMap<>();
        current.forEach(p -> before.put(p.mac(), p));
        List<Phone> after = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        int secretsKept = 0;
        for (Phone phone : incoming) {
            Phone old = before.remove(phone.mac());
            Phone merged = old == null || clearEmptySecrets ? phone : keepSecrets(phone, old);
            if (merged != phone) {
                secretsKept++;
            }
            after.add(merged);
            if (old == null) {
                changes.add(new Change(Change.Kind.ADDED, phone.mac(), List.of()));
            } else if (!old.equals(merged)) {
                changes.add(new Change(Change.Kind.CHANGED, phone.mac(), changedFields(old, merged)));
            }
        }
        before.keySet().forEach(mac -> changes.add(new Change(Change.Kind.REMOVED, mac, List.of())));
        return new Plan(after, changes, secretsKept);
    }

    /** The phone with every empty secret filled from the stored phone; the same object when none was. */
    private static Phone keepSecrets(Phone phone, Phone stored) {
        boolean kept = false;
        String password = phone.sipPassword();
        if (password.isEmpty() && !stored.sipPassword().isEmpty()) {
            password = stored.sipPassword();
            kept = true;
        }
        Map<String, String> extra = new LinkedHashMap<>(phone.extra());
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String storedValue = stored.extra().getOrDefault(e.getKey(), "");
            if (InventoryField.isSecretVariable(e.getKey()) && e.getValue().isEmpty() && !storedValue.isEmpty()) {
                e.setValue(storedValue);
                kept = true;
            }
        }
        if (!kept) {
            return phone;
        }
        return new Phone(phone.mac(), phone.model(), phone.extension(), phone.displayName(), phone.sipUser(), password,
                phone.authDomain(), phone.registrar(), phone.site(), extra);
    }

    private static List<String> changedFields(Phone a, Phone b) {
        List<String> out = new ArrayList<>();
        compare(out, a, b, InventoryField.MODEL, Phone::model);
        compare(out, a, b, InventoryField.EXTENSION, Phone::extension);
        compare(out, a, b, InventoryField.DISPLAY_NAME, Phone::displayName);
        compare(out, a, b, InventoryField.SIP_USER, Phone::sipUser);
        compare(out, a, b, InventoryField.SIP_PASSWORD, Phone::sipPassword);
        compare(out, a, b, InventoryField.AUTH_DOMAIN, Phone::authDomain);
        compare(out, a, b, InventoryField.REGISTRAR, Phone::registrar);
        compare(out, a, b, InventoryField.SITE, Phone::site);
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.extra().keySet());
        keys.addAll(b.extra().keySet());
        for (String key : keys) {
            if (!Objects.equals(a.extra().get(key), b.extra().get(key))) {
                out.add(key);
            }
        }
        if (out.isEmpty()) {
            out.add("column order"); // same values, extra columns in another order
        }
        return out;
    }

    private static void compare(List<String> out, Phone a, Phone b, InventoryField field, Function<Phone, String> get) {
        if (!get.apply(a).equals(get.apply(b))) {
            out.add(field.header());
        }
    }
}

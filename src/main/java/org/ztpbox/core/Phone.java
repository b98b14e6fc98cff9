package org.ztpbox.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A phone as the admin declared it in the inventory: what its configuration is generated from.
 * What the appliance observes about a phone (model reported, firmware, last seen) is kept apart,
 * so that an import never loses observations and an observation never edits the inventory.
 *
 * @param mac         the phone's MAC, the key of the inventory
 * @param model       the canonical model ({@code VVX410}, see {@link PhoneModels}) when the admin's
 *                    spelling is recognised, else as the admin wrote it; may be empty
 * @param extension   may be empty
 * @param displayName may be empty
 * @param sipUser     line 1 user id, may be empty
 * @param sipPassword line 1 password, may be empty; a secret: never logged, never in events
 * @param authDomain  may be empty
 * @param registrar   may be empty (the site's or the appliance's default applies)
 * @param site        may be empty
 * @param extra       every further column of the import, keyed by its normalised column name
 *                    ({@code Activation Code} is {@code activation_code}), in import order; available to
 *                    templates as variables
 */
public record Phone(MacAddress mac, String model, String extension, String displayName, String sipUser,
        String sipPassword, String authDomain, String registrar, String site, Map<String, String> extra) {

    public Phone {
        Objects.requireNonNull(mac, "mac");
        model = Objects.requireNonNullElse(model, "");
        extension = Objects.requireNonNullElse(extension, "");
        displayName = Objects.requireNonNullElse(displayName, "");
        sipUser = Objects.requireNonNullElse(sipUser, "");
        sipPassword = Objects.requireNonNullElse(sipPassword, "");
        authDomain = Objects.requireNonNullElse(authDomain, "");
        registrar = Objects.requireNonNullElse(registrar, "");
        site = Objects.requireNonNullElse(site, "");
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    @Override
    public String toString() {
        return "Phone[" + mac + ", model=" + model + ", extension=" + extension + ", site=" + site + "]";
    }
}

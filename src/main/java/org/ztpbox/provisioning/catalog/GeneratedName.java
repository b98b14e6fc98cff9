package org.ztpbox.provisioning.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztpbox.core.MacAddress;

/**
 * The names of the files ztpbox generates, and how a requested name maps back to one. MAC-named
 * files match whatever letter case the phone uses; generated names are lower case, as phones ask.
 */
public sealed interface GeneratedName {

    /** The canonical file name. */
    String fileName();

    /** The phone the file belongs to, or null for a file every phone may read. */
    default MacAddress mac() {
        return null;
    }

    /** {@code 000000000000.cfg} (mac null) or {@code <mac>.cfg}: the master configuration. */
    record Master(MacAddress mac) implements GeneratedName {
        @Override
        public String fileName() {
            return (mac == null ? "000000000000" : mac.compact()) + ".cfg";
        }
    }

    /** {@code <mac>-user.cfg}: the per-phone file, from {@code phone.cfg}. */
    record PhoneFile(MacAddress mac) implements GeneratedName {
        @Override
        public String fileName() {
            return mac.compact() + "-user.cfg";
        }
    }

    /** {@code model-<MODEL>.cfg}, from {@code models/<MODEL>.cfg}. */
    record Model(String key) implements GeneratedName {
        @Override
        public String fileName() {
            return "model-" + key + ".cfg";
        }
    }

    /** {@code site-<slug>.cfg}, from {@code sites/<slug>.cfg}. */
    record Site(String slug) implements GeneratedName {
        @Override
        public String fileName() {
            return "site-" + slug + ".cfg";
        }
    }

    /** {@code shared.cfg}, from {@code shared.cfg}. */
    record Shared() implements GeneratedName {
        @Override
        public String fileName() {
            return "shared.cfg";
        }
    }

    Pattern MAC_FILE = Pattern.compile("([0-9a-fA-F]{12})(\\.cfg|-user\\.cfg)");
    Pattern MODEL_FILE = Pattern.compile("model-([A-Za-z0-9]+)\\.cfg");
    Pattern SITE_FILE = Pattern.compile("site-([a-z0-9]+(?:-[a-z0-9]+)*)\\.cfg");

    /** The generated file a requested name denotes, or empty when it is none. */
    static Optional<GeneratedName> parse(String name) {
        Matcher m = MAC_FILE.matcher(name);
        if (m.matches()) {
            MacAddress mac = MacAddress.parse(m.group(1));
            if (m.group(2).equals(".cfg")) {
                return Optional.of(new Master(mac.value() == 0 ? null : mac));
            }
            return mac.value() == 0 ? Optional.empty() : Optional.of(new PhoneFile(mac));
        }
        if (name.equals("shared.cfg")) {
            return Optional.of(new Shared());
        }
        m = MODEL_FILE.matcher(name);
        if (m.matches()) {
            return Optional.of(new Model(m.group(1).toUpperCase(Locale.ROOT)));
        }
        m = SITE_FILE.matcher(name);
        return m.matches() ? Optional.of(new Site(m.group(1))) : Optional.empty();
    }
}

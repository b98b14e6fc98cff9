package org.ztpbox.provisioning.catalog;

import org.ztpbox.core.MacAddress;

/**
 * The names of the files ztpbox generates; generated names are lower case, as phones ask.
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
}

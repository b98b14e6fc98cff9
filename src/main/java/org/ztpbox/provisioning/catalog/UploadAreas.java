package org.ztpbox.provisioning.catalog;

import java.util.Map;
import java.util.Set;

/**
 * The directories the master configuration names for what phones write back, relative to the
 * provisioning URL so that they resolve alike over TFTP and HTTP: a phone told {@code logs} puts
 * {@code <url>/logs/<mac>-app.log}. Uploads land in the phone's own area whatever the directory
 * ({@link org.ztpbox.core.UploadName} reads the last path component), and are read back from here.
 */
public final class UploadAreas {

    public static final String LOGS = "logs";
    public static final String OVERRIDES = "overrides";
    public static final String CONTACTS = "contacts";
    public static final String CALL_LISTS = "calls";

    /** Master configuration attribute to directory, in the order the master file lists them. */
    public static final Map<String, String> MASTER_ATTRIBUTES = orderedAttributes();

    static final Set<String> ALL = Set.of(LOGS, OVERRIDES, CONTACTS, CALL_LISTS);

    private UploadAreas() {
    }

    private static Map<String, String> orderedAttributes() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("LOG_FILE_DIRECTORY", LOGS);
        m.put("OVERRIDES_DIRECTORY", OVERRIDES);
        m.put("CONTACTS_DIRECTORY", CONTACTS);
        m.put("CALL_LISTS_DIRECTORY", CALL_LISTS);
        return java.util.Collections.unmodifiableMap(m);
    }
}

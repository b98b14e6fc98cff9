package org.ztpbox.diagnose;

/** How much a finding matters to the admin, most urgent first. */
public enum Severity {
    /** Phones are or will be provisioned from the wrong place, or not at all. */
    CRITICAL,
    /** Something works now but will bite: a second DHCP server, an override that pins a setting. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}

package org.ztpbox.diagnose;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an overridden parameter controls, and so how much its override matters after a reset. The
 * first five are what a stale override uses to pull a reset phone back to an old provider
 * (polycom-provisioning.md §3.6 and §6.4): its provisioning server, its DHCP boot-server choice,
 * its passwords and credentials, its trust and encryption settings.
 */
public enum ParameterClass {
    PROVISIONING_SERVER("override-provisioning-server", Severity.CRITICAL, "the provisioning server (device.prov.*)"),
    DHCP("override-dhcp", Severity.CRITICAL, "the DHCP boot-server settings (device.dhcp.*)"),
    ADMIN_AUTH("override-admin-auth", Severity.CRITICAL, "the phone's own passwords (device.auth.*)"),
    SIP_AUTH("override-sip-auth", Severity.CRITICAL, "SIP registration credentials (reg.*.auth.*)"),
    SECURITY("override-security", Severity.CRITICAL, "security settings: TLS trust, encryption key (device.sec.*)"),
    DEVICE("override-device", Severity.WARNING, "other device settings kept in flash (device.*)"),
    CONFLICT("override-conflict", Severity.WARNING, "settings ztpbox provisions, with other values"),
    EXTRA("override-extra", Severity.INFO, "settings ztpbox does not provision");

    private static final Pattern SIP_AUTH_NAME = Pattern.compile("reg\\.\\d+\\.auth\\..*");

    private final String code;
    private final Severity severity;
    private final String label;

    ParameterClass(String code, Severity severity, String label) {
        this.code = code;
        this.severity = severity;
        this.label = label;
    }

    /**
     * @param provisioned true when ztpbox sets the parameter itself
     */
    public static ParameterClass of(String name, boolean provisioned) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("device.prov.")) {
            return PROVISIONING_SERVER;
        }
        if (n.startsWith("device.dhcp.")) {
            return DHCP;
        }
        if (n.startsWith("device.auth.")) {
            return ADMIN_AUTH;
        }
        if (SIP_AUTH_NAME.matcher(n).matches()) {
            return SIP_AUTH;
        }
        if (n.startsWith("device.sec.")) {
            return SECURITY;
        }
        if (n.startsWith("device.")) {
            return DEVICE;
        }
        return provisioned ? CONFLICT : EXTRA;
    }

    /** The finding code for overrides of this class. */
    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public String label() {
        return label;
    }
}

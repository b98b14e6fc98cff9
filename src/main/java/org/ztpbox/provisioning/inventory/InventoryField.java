package org.ztpbox.provisioning.inventory;

import java.util.Locale;
import java.util.Set;

/**
 * The columns of an inventory file that ztpbox understands, with the header spellings accepted for
 * each. Headers are compared {@link #squash squashed}: lower case, letters and digits only, so
 * {@code MAC Address}, {@code mac_address}, {@code Mac-Address} and {@code MACADDRESS} are one
 * spelling. Among the aliases are the columns of a carrier's device report ({@code MAC Address},
 * {@code Device Model}, {@code Extension}, {@code Site}, {@code User}: the 8x8 report in the seeds)
 * and Polycom's parameter names ({@code reg.1.auth.userId}).
 */
public enum InventoryField {
    MAC("mac", Set.of("mac", "macaddress", "macaddr", "macadress", "macid", "hwaddress", "hwaddr", "hardwareaddress",
            "ethernetaddress", "ethernetmac", "phonemac", "devicemac")),
    MODEL("model", Set.of("model", "devicemodel", "phonemodel", "modelname", "phonetype", "devicetype", "equipment")),
    EXTENSION("extension", Set.of("extension", "ext", "extn", "extno", "extnumber", "extensionnumber",
            "line1extension")),
    DISPLAY_NAME("display_name", Set.of("displayname", "name", "user", "fullname", "callerid", "calleridname",
            "line1displayname", "reg1displayname")),
    SIP_USER("sip_user", Set.of("sipuser", "sipuserid", "sipusername", "sipid", "sipaccount", "userid", "authuser",
            "authuserid", "authusername", "authid", "authname", "authorizationname", "authorisationname",
            "line1userid", "line1user", "line1authuserid", "reg1authuserid")),
    SIP_PASSWORD("sip_password", Set.of("sippassword", "password", "passwd", "pwd", "pass", "secret", "sipsecret",
            "sippass", "authpassword", "line1password", "line1authpassword", "reg1authpassword")),
    AUTH_DOMAIN("auth_domain", Set.of("authdomain", "domain", "sipdomain", "realm", "authrealm", "line1domain",
            "line1authdomain", "reg1authdomain")),
    REGISTRAR("registrar", Set.of("registrar", "sipregistrar", "sipserver", "server", "registrarserver",
            "registrationserver", "proxy", "sipproxy", "pbx", "pbxaddress", "line1server", "reg1server",
            "reg1serveraddress", "reg1server1address")),
    SITE("site", Set.of("site", "sitename", "location", "office", "branch"));

    private final String header;
    private final Set<String> aliases;

    InventoryField(String header, Set<String> aliases) {
        this.header = header;
        this.aliases = aliases;
    }

    /** The header {@code ztpbox export} writes; also a template variable name. */
    public String header() {
        return header;
    }

    /** True when the value is a secret: left out of exports unless asked for, never listed. */
    public boolean isSecret() {
        return this == SIP_PASSWORD;
    }

    /** The field a header names, or null for an extra column. */
    public static InventoryField forHeader(String header) {
        String squashed = squash(header);
        for (InventoryField field : values()) {
            if (field.aliases.contains(squashed)) {
                return field;
            }
        }
        return null;
    }

    /** Lower case, letters and digits only: the form headers are compared in. */
    static String squash(String header) {
        StringBuilder out = new StringBuilder(header.length());
        header.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The template variable name of an extra column's header: lower case; every run of characters
     * other than letters and digits becomes one {@code _}; a word boundary in camelCase also gets
     * one; no {@code _} at either end. {@code Activation Code}, {@code activation-code} and
     * {@code ActivationCode} all become {@code activation_code}. Applying it twice changes nothing,
     * so exported headers import as themselves.
     */
    public static String variableName(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int previous = 0;
        for (int i = 0; i < header.length(); ) {
            int cp = header.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                boolean camelBoundary = Character.isUpperCase(cp)
                        && (Character.isLowerCase(previous) || Character.isDigit(previous));
                if (camelBoundary && out.length() > 0) {
                    out.append('_');
                }
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Extra columns whose name says they hold a secret get the password's treatment. */
    public static boolean isSecretVariable(String variableName) {
        return variableName.contains("password") || variableName.contains("passwd") || variableName.contains("secret");
    }
}

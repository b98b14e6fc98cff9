package org.ztpbox.http.routes;

import org.ztpbox.core.MacAddress;
import org.ztpbox.http.auth.Identity;

/**
 * Who may touch a MAC-named file: a phone's own configuration holds its SIP password, and its
 * override files beat every provisioned setting, so another device on the LAN must neither read
 * nor write them. Shared files ({@code 000000000000.cfg}, firmware) are open to every identity
 * that passed authentication.
 *
 * <p>Rules, for a file bound to MAC m: an identity bound to another phone is refused; a shared
 * (not phone-bound) identity is refused when per-phone credentials exist, since it could be any
 * device; a client certificate naming another phone is refused whatever the credentials say.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * @param certificateMac the MAC from a verified client certificate, or null
     * @return why access is refused (answer 403), or null when it is allowed
     */
    public static String refusal(MacAddress fileMac, Identity identity, MacAddress certificateMac, boolean perPhone) {
        if (fileMac == null) {
            return null;
        }
        if (certificateMac != null && !certificateMac.equals(fileMac)) {
            return "client certificate of " + certificateMac + " asked for a file of " + fileMac;
        }
        if (identity.boundToPhone() && !identity.mac().equals(fileMac)) {
            return "credentials of " + identity.mac() + " asked for a file of " + fileMac;
        }
        if (!identity.boundToPhone() && perPhone && certificateMac == null) {
            return "a file of " + fileMac + " is served only with that phone's own credentials";
        }
        return null;
    }
}

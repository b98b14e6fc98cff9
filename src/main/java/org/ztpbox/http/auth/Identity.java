package org.ztpbox.http.auth;

import org.ztpbox.core.MacAddress;

/**
 * Who a request comes from, as far as the server could establish it.
 *
 * @param user the authenticated user name, or null
 * @param mac  the phone this identity is bound to (per-phone credentials, client certificate), or null
 * @param via  how it was established: {@code none}, {@code basic}, {@code digest}, {@code certificate}
 */
public record Identity(String user, MacAddress mac, String via) {

    public static final Identity ANONYMOUS = new Identity(null, null, "none");

    /** True when this identity belongs to exactly one phone. */
    public boolean boundToPhone() {
        return mac != null;
    }
}

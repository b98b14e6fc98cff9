package org.ztpbox.http.routes;

import org.ztpbox.core.MacAddress;
import org.ztpbox.http.UserAgent;
import org.ztpbox.http.auth.Identity;

/**
 * What was learnt about a request while routing it, for its event and the access log.
 *
 * @param name     the catalog name asked for, or null when the target was refused
 * @param agent    the parsed Poly User-Agent, or null
 * @param identity who it was established to be
 * @param phone    the phone it is about: from the certificate, the credentials, the SN tag or the path
 * @param auth     the authentication outcome: {@code none}, {@code ok}, {@code missing}, {@code wrong password}...
 */
public record RequestFacts(String name, UserAgent agent, Identity identity, MacAddress phone, String auth) {
}

package org.ztpbox.http.auth;

import org.ztpbox.core.MacAddress;

/**
 * One user name and password the provisioning server accepts: the shared pair the seed guides show,
 * or one phone's own (then {@code mac} names the phone, and only its files are served to it).
 */
public record Account(String user, String password, MacAddress mac) {

    public Account {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a user name must be non-empty and contain no ':' (RFC 7617 §2)");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the password of user '" + user + "' is empty");
        }
    }

    @Override
    public String toString() {
        return "Account[user=" + user + ", mac=" + mac + "]"; // never the password
    }
}

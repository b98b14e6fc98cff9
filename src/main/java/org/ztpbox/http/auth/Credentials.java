package org.ztpbox.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts, indexed by user name, with each Digest H(A1) computed once (RFC 7616 §3.4.2): a
 * request then costs two short hashes, never a password-hashing round.
 */
public final class Credentials {

    private final Map<String, Entry> byUser = new HashMap<>();
    private final boolean perPhone;

    /** A verified account. */
    record Entry(Account account, byte[] password, Map<DigestAlgorithm, String> ha1) {
    }

    /** @throws IllegalArgumentException when two accounts share a user name */
    public Credentials(List<Account> accounts, String realm) {
        for (Account account : accounts) {
            Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
            for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
                ha1.put(algorithm, algorithm.ha1(account.user(), realm, account.password()));
            }
            Entry entry = new Entry(account, account.password().getBytes(StandardCharsets.UTF_8), ha1);
            if (byUser.put(account.user(), entry) != null) {
                throw new IllegalArgumentException("user name '" + account.user() + "' is given twice");
            }
        }
        this.perPhone = accounts.stream().anyMatch(a -> a.mac() != null);
    }

    /** True when some account belongs to one phone: MAC-named files are then served only to their phone. */
    public boolean perPhone() {
        return perPhone;
    }

    public boolean isEmpty() {
        return byUser.isEmpty();
    }

    Entry find(String user) {
        return byUser.get(user);
    }

    /** Constant-time password check (RFC 7617 Basic); an unknown user costs the same as a wrong password. */
    Account checkPassword(String user, String password) {
        Entry entry = byUser.get(user);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        boolean same = MessageDigest.isEqual(given, entry == null ? new byte[given.length] : entry.password());
        return entry != null && same ? entry.account() : null;
    }
}

package org.ztpbox.http.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ztpbox.core.MacAddress;

/**
 * Per-phone accounts from a file, one per line: {@code mac,user,password} (user may be empty: it
 * then defaults to the MAC's twelve digits). Blank lines and lines starting with {@code #} are
 * skipped. The password is everything after the second comma, so it may contain commas.
 */
public final class CredentialsFile {

    private CredentialsFile() {
    }

    /** @throws IOException naming the file and line of the first bad entry */
    public static List<Account> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",", 3);
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected mac,user,password");
                }
                MacAddress mac = MacAddress.parse(parts[0].strip());
                String user = parts[1].strip().isEmpty() ? mac.compact() : parts[1].strip();
                accounts.add(new Account(user, parts[2], mac));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return accounts;
    }
}

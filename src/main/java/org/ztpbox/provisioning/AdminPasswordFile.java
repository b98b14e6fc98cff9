package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.ztpbox.core.PhoneAdminPassword;

/**
 * The phone admin password ztpbox generated for this appliance, in {@code <state-dir>/admin-password}
 * (mode 0600, written atomically). Twelve digits: an admin types it on a phone's keypad.
 */
public final class AdminPasswordFile {

    public static final String NAME = "admin-password";
    private static final int DIGITS = 12;

    private final Path file;
    private final SecureRandom random;

    public AdminPasswordFile(Path stateDir, SecureRandom random) {
        this.file = stateDir.resolve(NAME);
        this.random = random;
    }

    public Path file() {
        return file;
    }

    /**
     * The stored password, if one was generated.
     *
     * @throws IllegalStateException when the file holds something that is not a valid password
     */
    public Optional<PhoneAdminPassword> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        String problem = PhoneAdminPassword.problem(text);
        if (problem != null) {
            throw new IllegalStateException(file + ": " + problem + "; correct the file, or delete it to have a new"
                    + " password generated at the next start");
        }
        return Optional.of(new PhoneAdminPassword(text));
    }

    /** The stored password, generated and stored first when there is none. */
    public PhoneAdminPassword loadOrCreate() throws IOException {
        Optional<PhoneAdminPassword> existing = read();
        if (existing.isPresent()) {
            return existing.get();
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        PhoneAdminPassword password = new PhoneAdminPassword(digits.toString());
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, "." + NAME + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((password.value() + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            // A link appears whole or not at all, and never replaces: if another process stored a
            // password meanwhile, that one is kept and used.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            return read().orElseThrow(() -> e);
        } finally {
            Files.deleteIfExists(temp);
        }
        return password;
    }
}

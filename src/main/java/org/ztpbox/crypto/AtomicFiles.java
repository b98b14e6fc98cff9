package org.ztpbox.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes secrets and other small files so that a reader sees the old content or the new, never a
 * part, and a secret never exists, even briefly, with wider permissions than its final ones.
 */
final class AtomicFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code file}: temp file with its final mode, fsync, rename, fsync of the directory. */
    static void write(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        Path temp = temp(file, text, mode);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates {@code file}, refusing to replace one that exists. The caller holds a lock against
     * other writers; the final check and the rename are not one atomic step.
     */
    static void create(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        Path temp = temp(file, text, mode);
        try {
            if (Files.exists(file)) {
                throw new java.nio.file.FileAlreadyExistsException(file.toString());
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temp(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(mode));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void syncDirectory(Path file) {
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems refuse to sync a directory; the rename itself is still atomic.
        }
    }
}

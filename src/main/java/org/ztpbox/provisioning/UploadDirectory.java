package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.ztpbox.core.UploadArea;
import org.ztpbox.core.UploadName;

/**
 * Uploads on disk: {@code <root>/<mac>/<mac><suffix>}, with the replaced version kept as
 * {@code <name>.previous}. The per-phone directory lies outside the served tree, so an upload can
 * never replace a file the catalog serves.
 */
public final class UploadDirectory implements UploadArea {

    private final Path root;

    public UploadDirectory(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    /** Where the committed upload lives (it may not exist yet). */
    public Path pathOf(UploadName name) {
        return root.resolve(name.mac().compact()).resolve(name.fileName());
    }

    @Override
    public boolean exists(UploadName name) {
        return Files.exists(pathOf(name));
    }

    @Override
    public Upload begin(UploadName name, long maxBytes) throws IOException {
        Path target = pathOf(name);
        Path dir = Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(dir, "." + name.fileName() + ".", ".part");
        return new FileUpload(target, temp, maxBytes);
    }

    private static final class FileUpload implements Upload {
        private final Path target;
        private final Path temp;
        private final long maxBytes;
        private final FileChannel channel;
        private long written;
        private boolean done;

        FileUpload(Path target, Path temp, long maxBytes) throws IOException {
            this.target = target;
            this.temp = temp;
            this.maxBytes = maxBytes;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            if (written + bytes.remaining() > maxBytes) {
                close();
                throw new UploadTooLargeException("upload " + target.getFileName() + " exceeds the cap of "
                        + maxBytes + " bytes");
            }
            while (bytes.hasRemaining()) {
                written += channel.write(bytes);
            }
        }

        @Override
        public long commit() throws IOException {
            channel.force(true);
            channel.close();
            if (Files.exists(target)) {
                // A hard link keeps the previous version while the rename below replaces the target
                // in one step: readers always find either the old or the new file, never none.
                Path previous = target.resolveSibling(target.getFileName() + ".previous");
                Files.deleteIfExists(previous);
                Files.createLink(previous, target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return written;
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The temporary file is hidden and named .part; a later cleanup may remove it.
            }
        }
    }
}

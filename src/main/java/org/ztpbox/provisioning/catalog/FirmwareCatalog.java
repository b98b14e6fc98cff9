package org.ztpbox.provisioning.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.provisioning.FileEntry;

/**
 * Firmware images from the shelf, served from their files (zero-copy). A phone may put its part
 * number before the configured name: a VVX 500 told {@code 3111-44500-001.sip.ld} asked for
 * {@code 3111-44500-001.3111-44500-001.sip.ld} (polycom-provisioning.md §3.1), so that name finds
 * the image too.
 */
public final class FirmwareCatalog implements FileCatalog {

    private final FirmwareShelf shelf;
    private volatile Index index = new Index(Long.MIN_VALUE, Map.of());

    private record Index(long generation, Map<String, FirmwareImage> byName) {
    }

    public FirmwareCatalog(FirmwareShelf shelf) {
        this.shelf = shelf;
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        String name = request.name();
        FirmwareImage image = index().byName().get(name);
        if (image == null) {
            int dot = name.indexOf('.');
            FirmwareImage unprefixed = dot < 0 ? null : index().byName().get(name.substring(dot + 1));
            if (unprefixed != null && name.substring(0, dot).equals(unprefixed.partNumber())) {
                image = unprefixed;
            }
        }
        return image == null ? Optional.empty() : FileEntry.of(name, image.file());
    }

    private Index index() {
        long generation = shelf.generation();
        Index current = index;
        if (current.generation() != generation) {
            Map<String, FirmwareImage> byName = new HashMap<>();
            for (FirmwareImage image : shelf.images()) {
                byName.putIfAbsent(image.fileName(), image);
            }
            current = new Index(generation, Map.copyOf(byName));
            index = current;
        }
        return current;
    }
}

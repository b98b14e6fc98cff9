package org.ztpbox.provisioning.catalog;

import java.util.Optional;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.UploadName;
import org.ztpbox.provisioning.FileEntry;
import org.ztpbox.provisioning.UploadDirectory;

/**
 * Serves phones' uploads back to them from the directories the master file names
 * ({@code overrides/<mac>-phone.cfg}, {@code contacts/<mac>-directory.xml}, ...): phones read their
 * override files and directory back at boot. Only to the phone itself when the requester is known.
 *
 * <p>Uploads never count as holding credentials, though an override file may: a phone that holds a
 * key encrypts its uploads itself, and encrypting such a file again would leave it unreadable to
 * the phone, which then reboots again and again (polycom-provisioning.md §5). They go back byte for
 * byte as the phone wrote them.
 */
public final class UploadsCatalog implements FileCatalog {

    private final UploadDirectory uploads;

    public UploadsCatalog(UploadDirectory uploads) {
        this.uploads = uploads;
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        String name = request.name();
        int slash = name.indexOf('/');
        if (slash < 0 || name.indexOf('/', slash + 1) >= 0 || !UploadAreas.ALL.contains(name.substring(0, slash))) {
            return Optional.empty();
        }
        Optional<UploadName> upload = UploadName.parse(name);
        if (upload.isEmpty() || (request.phone() != null && !request.phone().equals(upload.get().mac()))) {
            return Optional.empty();
        }
        return FileEntry.of(name, uploads.pathOf(upload.get()));
    }
}

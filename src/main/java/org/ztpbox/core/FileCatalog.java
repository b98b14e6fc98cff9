package org.ztpbox.core;

import java.util.Optional;

/**
 * Maps a requested name to content, for every transport alike: TFTP serves the catalog from its
 * root, HTTP under the provisioning URL's path (DESIGN.md, Interfaces). Thread-safe.
 */
public interface FileCatalog {

    /** The entry for the request, or empty when there is no such file (phones go on after a miss). */
    Optional<CatalogEntry> find(FileRequest request);
}

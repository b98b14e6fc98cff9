package org.ztpbox.provisioning.catalog;

import java.util.List;
import java.util.Optional;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;

/** Several catalogs as one: the first that has the file answers. */
public final class LayeredCatalog implements FileCatalog {

    private final List<FileCatalog> layers;

    public LayeredCatalog(List<FileCatalog> layers) {
        this.layers = List.copyOf(layers);
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        for (FileCatalog layer : layers) {
            Optional<CatalogEntry> entry = layer.find(request);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }
}

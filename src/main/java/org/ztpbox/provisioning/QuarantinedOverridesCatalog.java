package org.ztpbox.provisioning;

import java.util.Optional;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.UploadName;

/**
 * Wraps whatever catalog the appliance serves: while a phone's overrides are quarantined, a request
 * for its {@code <mac>-phone.cfg} or {@code <mac>-web.cfg} (in the root or in the master config's
 * overrides directory) gets an empty override, so that a factory-reset phone does not re-apply the
 * old settings. Every other request goes to the wrapped catalog unchanged.
 */
public final class QuarantinedOverridesCatalog implements FileCatalog {

    private final FileCatalog delegate;
    private final ActiveQuarantines quarantines;

    public QuarantinedOverridesCatalog(FileCatalog delegate, ActiveQuarantines quarantines) {
        this.delegate = delegate;
        this.quarantines = quarantines;
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        Optional<UploadName> upload = UploadName.parse(request.name());
        if (upload.isPresent() && upload.get().isOverride()) {
            Optional<OverrideQuarantine> q = quarantines.of(upload.get().mac());
            if (q.isPresent()) {
                return Optional.of(new EmptyOverride(request.name(), q.get().startedAt(), q.get().id()));
            }
        }
        return delegate.find(request);
    }
}

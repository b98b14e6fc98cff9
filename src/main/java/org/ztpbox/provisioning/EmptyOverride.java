package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.ztpbox.core.ByteArrayChannel;
import org.ztpbox.core.CatalogEntry;

/**
 * An override file that overrides nothing, served in place of a quarantined one. The form is the
 * one a FreePBX module writes over a device's overrides when it is re-enrolled
 * (polycom-provisioning.md §3.6): valid XML, no parameters.
 */
record EmptyOverride(String name, Instant lastModified, long quarantineId) implements CatalogEntry {

    static final byte[] CONTENT = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<PHONE_CONFIG><OVERRIDES/></PHONE_CONFIG>\n").getBytes(StandardCharsets.UTF_8);

    @Override
    public long size() {
        return CONTENT.length;
    }

    @Override
    public String etag() {
        // Per quarantine: after a restore and a new quarantine the phone must not keep a cached copy.
        return "\"empty-override-" + quarantineId + "\"";
    }

    @Override
    public SeekableByteChannel open() throws IOException {
        return new ByteArrayChannel(CONTENT);
    }

    @Override
    public Path file() {
        return null;
    }
}

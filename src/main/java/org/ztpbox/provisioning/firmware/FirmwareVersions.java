package org.ztpbox.provisioning.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the version of a firmware image, from the most to the least trustworthy source:
 * <ol>
 * <li>a sidecar text file: {@code <image minus .ld>.ver} ({@code 3111-46135-002.sip.ver}), else the
 *     release's {@code sip.ver}. Poly's release archives carry {@code sip.ver} beside {@code sip.ld}
 *     (polycom-provisioning.md §3.1, confirmed from the Asterisk and XiVO file lists); its exact
 *     content is not documented, so the first version-looking token in it is taken. An admin may
 *     write such a file by hand.</li>
 * <li>the image itself: the first {@code SIP/<a.b.c.d>} in its first {@link #SCAN_LIMIT} bytes,
 *     the {@code <apptype>/<build>} form the application reports in DHCP option 60 sub-option 4.
 *     UNVERIFIED: the {@code .ld} layout is not public and no real image was at hand; this is a
 *     heuristic, and an image without such a string simply has no known version.</li>
 * </ol>
 * The file name carries no version: phones ask for {@code sip.ld} or {@code <part>.sip.ld} only.
 */
final class FirmwareVersions {

    /** How much of an image is searched; images are tens of megabytes. */
    static final int SCAN_LIMIT = 4 * 1024 * 1024;

    private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+){1,3}");
    private static final Pattern IN_IMAGE = Pattern.compile("SIP/(\\d+\\.\\d+\\.\\d+\\.\\d+)");

    private FirmwareVersions() {
    }

    /** Where a version came from, for the admin. */
    enum Source { SIDECAR, IMAGE }

    record Found(String version, Source source) {
    }

    static Found find(Path image) {
        for (Path sidecar : sidecars(image)) {
            String version = fromSidecar(sidecar);
            if (version != null) {
                return new Found(version, Source.SIDECAR);
            }
        }
        String version = fromImage(image);
        return version == null ? null : new Found(version, Source.IMAGE);
    }

    /** The image's own sidecar, then the release's. */
    private static Path[] sidecars(Path image) {
        String name = image.getFileName().toString();
        String base = name.substring(0, name.length() - ".ld".length());
        return new Path[] {image.resolveSibling(base + ".ver"), image.resolveSibling("sip.ver")};
    }

    /** Changes when a sidecar appears, changes or goes: the version must then be read again. */
    static String sidecarStamp(Path image) {
        StringBuilder stamp = new StringBuilder();
        for (Path sidecar : sidecars(image)) {
            try {
                stamp.append(Files.getLastModifiedTime(sidecar)).append('/').append(Files.size(sidecar)).append(' ');
            } catch (IOException e) {
                stamp.append("- ");
            }
        }
        return stamp.toString();
    }

    private static String fromSidecar(Path sidecar) {
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(sidecar)) {
            Matcher m = VERSION.matcher(new String(in.readNBytes(256), StandardCharsets.ISO_8859_1));
            return m.find() ? m.group() : null;
        } catch (IOException e) {
            return null; // unreadable: the version stays unknown, the image is still served
        }
    }

    static String fromImage(Path image) {
        try (InputStream in = Files.newInputStream(image)) {
            byte[] head = in.readNBytes(SCAN_LIMIT);
            // ISO-8859-1 maps every byte to one char, so binary data cannot break the search.
            Matcher m = IN_IMAGE.matcher(new String(head, StandardCharsets.ISO_8859_1));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }
}

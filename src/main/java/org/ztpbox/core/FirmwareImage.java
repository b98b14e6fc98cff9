package org.ztpbox.core;

import java.nio.file.Path;
import java.util.List;

/**
 * A Poly firmware image the admin dropped into the firmware directory.
 *
 * @param fileName   the name phones ask for: {@code sip.ld} or {@code <part-number>.sip.ld}
 * @param partNumber the Poly part number the name starts with, null for a combined {@code sip.ld}
 * @param models     the models this image is for (e.g. {@code VVX410}), empty when unknown
 * @param version    the firmware version read from the image or its name, null when unknown
 */
public record FirmwareImage(String fileName, String partNumber, List<String> models, String version, long size,
        Path file) {

    public FirmwareImage {
        models = List.copyOf(models);
    }
}

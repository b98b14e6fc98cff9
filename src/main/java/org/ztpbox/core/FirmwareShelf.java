package org.ztpbox.core;

import java.util.List;
import java.util.Optional;

/** The firmware images on hand, indexed by model. Thread-safe. */
public interface FirmwareShelf {

    List<FirmwareImage> images();

    /** The image a phone of this model should run, if one is on hand. */
    Optional<FirmwareImage> imageFor(String model);

    /** Changes whenever an image is added, replaced or removed. */
    long generation();
}

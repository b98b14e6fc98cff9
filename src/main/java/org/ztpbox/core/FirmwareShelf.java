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

    /** No firmware on hand: phones keep what they run. */
    static FirmwareShelf none() {
        return new FirmwareShelf() {
            @Override
            public List<FirmwareImage> images() {
                return List.of();
            }

            @Override
            public Optional<FirmwareImage> imageFor(String model) {
                return Optional.empty();
            }

            @Override
            public long generation() {
                return 0;
            }
        };
    }
}

package org.ztpbox.provisioning.catalog;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.FirmwareShelf;

/** A firmware shelf in memory for tests: images added at will, each change a new generation. */
public final class MemoryFirmwareShelf implements FirmwareShelf {

    private final List<FirmwareImage> images = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();

    public void add(FirmwareImage image) {
        images.add(image);
        generation.incrementAndGet();
    }

    @Override
    public List<FirmwareImage> images() {
        return List.copyOf(images);
    }

    @Override
    public Optional<FirmwareImage> imageFor(String model) {
        return images.stream().filter(i -> i.models().contains(model)).findFirst();
    }

    @Override
    public long generation() {
        return generation.get();
    }
}

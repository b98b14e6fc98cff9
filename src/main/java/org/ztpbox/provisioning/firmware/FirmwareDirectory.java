package org.ztpbox.provisioning.firmware;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.PhoneModels;

/**
 * The firmware directory as a {@link FirmwareShelf}: the Poly images the admin dropped there,
 * indexed by model through their part number ({@code 3111-46135-002.sip.ld} is the VVX 300's) and
 * by version ({@link FirmwareVersions}). A combined {@code sip.ld} serves every model that has no
 * image of its own. An image whose part number is not in the table is still listed and served; its
 * model is unknown.
 *
 * <p>{@link #rescan} (called every few seconds by the appliance) notices files added, replaced or
 * removed while running. A file modified within the last {@code settle} is left out until it has
 * stopped changing, so that a phone is never handed an image that is still being copied in.
 */
public final class FirmwareDirectory implements FirmwareShelf {

    /** How long an image must stay unchanged before it is served: a copy in progress keeps changing. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

    private static final Pattern PART_IMAGE = Pattern.compile("(\\d{4}-\\d{5}-\\d{3})\\.sip\\.ld");
    private static final String COMBINED = "sip.ld";

    private final Path dir;
    private final Clock clock;
    private final Duration settle;
    private final Map<Path, Cached> versions = new HashMap<>();
    private volatile Index index = new Index(List.of(), List.of(), List.of(), List.of(), 0);

    /**
     * What one scan found. {@code stamps}: name, size and time of each image, so that a replaced
     * image counts as a change even at the same size; {@code pending}: still being written;
     * {@code ignored}: not firmware images.
     */
    private record Index(List<FirmwareImage> images, List<String> stamps, List<String> pending, List<String> ignored,
                         long generation) {
    }

    /** A version read, valid while the image and its possible sidecars keep their size and times. */
    private record Cached(String stamp, FirmwareVersions.Found found) {
    }

    public FirmwareDirectory(Path dir, Clock clock, Duration settle) {
        this.dir = dir;
        this.clock = clock;
        this.settle = settle;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public List<FirmwareImage> images() {
        return index.images();
    }

    @Override
    public Optional<FirmwareImage> imageFor(String model) {
        Optional<String> canonical = PhoneModels.canonical(model);
        List<FirmwareImage> images = index.images();
        if (canonical.isPresent()) {
            for (FirmwareImage image : images) {
                if (image.models().contains(canonical.get())) {
                    return Optional.of(image);
                }
            }
        }
        return images.stream().filter(i -> i.fileName().equals(COMBINED)).findFirst();
    }

    @Override
    public long generation() {
        return index.generation();
    }

    /** Images seen but still being written (modified less than the settle time ago). */
    public List<String> pending() {
        return index.pending();
    }

    /** Files in the directory that are not firmware images phones ask for (a zip, an upper-case name). */
    public List<String> ignored() {
        return index.ignored();
    }

    /** Reads the directory again; true when the images changed. A missing directory holds nothing. */
    public synchronized boolean rescan() {
        Map<String, FirmwareImage> images = new TreeMap<>();
        List<String> pending = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Instant settledBefore = clock.instant().minus(settle);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path file : entries) {
                    classify(file, settledBefore, images, pending, ignored);
                }
            } catch (IOException e) {
                return false; // keep the last good index; the next scan tries again
            }
        }
        versions.keySet().retainAll(images.values().stream().map(FirmwareImage::file).toList());
        List<FirmwareImage> found = new ArrayList<>(images.values());
        found.sort(Comparator.comparing(FirmwareImage::fileName));
        pending.sort(null);
        ignored.sort(null);
        List<String> stamps = found.stream().map(i -> versions.get(i.file()).stamp()).toList();
        Index old = index;
        boolean changed = !found.equals(old.images()) || !stamps.equals(old.stamps());
        index = new Index(List.copyOf(found), stamps, List.copyOf(pending), List.copyOf(ignored),
                changed ? old.generation() + 1 : old.generation());
        return changed;
    }

    private void classify(Path file, Instant settledBefore, Map<String, FirmwareImage> images, List<String> pending,
                          List<String> ignored) throws IOException {
        String name = file.getFileName().toString();
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile() || name.startsWith(".") || name.endsWith(".ver")) {
            return; // sidecars, hidden temporaries of a copy in progress, subdirectories
        }
        Matcher part = PART_IMAGE.matcher(name);
        boolean combined = name.equals(COMBINED);
        if (!combined && !part.matches()) {
            ignored.add(name);
            return;
        }
        Instant modified = attrs.lastModifiedTime().toInstant();
        if (modified.isAfter(settledBefore)) {
            pending.add(name);
            return;
        }
        String stamp = name + " " + attrs.size() + " " + modified + " " + FirmwareVersions.sidecarStamp(file);
        Cached cached = versions.get(file);
        if (cached == null || !cached.stamp().equals(stamp)) {
            cached = new Cached(stamp, FirmwareVersions.find(file));
            versions.put(file, cached);
        }
        String partNumber = combined ? null : part.group(1);
        List<String> models = combined ? List.of()
                : PhoneModels.forPartNumber(partNumber).map(List::of).orElse(List.of());
        String version = cached.found() == null ? null : cached.found().version();
        images.put(name, new FirmwareImage(name, partNumber, models, version, attrs.size(), file));
    }
}

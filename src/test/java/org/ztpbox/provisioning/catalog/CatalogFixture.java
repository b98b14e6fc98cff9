package org.ztpbox.provisioning.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.ztpbox.config.RenderingConfig;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneAdminPassword;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.Transport;
import org.ztpbox.provisioning.template.DirectoryTemplates;
import org.ztpbox.provisioning.template.EmbeddedTemplates;
import org.ztpbox.provisioning.template.TemplateRenderer;

/**
 * The generated catalog over the shipped templates (conf/templates) plus the test's model and site
 * overrides, the sample inventory, two firmware images and a key delivery the test controls.
 */
public final class CatalogFixture {

    public static final Path RESOURCES = Path.of("src/test/resources/org/ztpbox/provisioning/catalog");
    public static final MacAddress RECEPTION = MacAddress.parse("0004f2aa814c");
    public static final MacAddress SALES = MacAddress.parse("0004f2aa814d");
    public static final MacAddress CONFERENCE = MacAddress.parse("64167f000001");
    public static final MacAddress STRANGER = MacAddress.parse("0004f2999999");
    public static final String ADMIN_PASSWORD = "24681357";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    public final Path templates;
    public final MemoryInventory inventory;
    public final MemoryFirmwareShelf firmware = new MemoryFirmwareShelf();
    /** Key files by phone; delivered over HTTPS only, as a first key must be. */
    public final Map<MacAddress, String> keyFiles = new ConcurrentHashMap<>();
    public final List<PhoneEvent> events = new CopyOnWriteArrayList<>();
    public final GeneratedCatalog catalog;

    private CatalogFixture(Path dir) throws IOException {
        templates = Files.createDirectories(dir.resolve("templates"));
        copyTree(Path.of("conf/templates"), templates, false);
        copyTree(RESOURCES.resolve("templates"), templates, true);
        inventory = MemoryInventory.fromCsv(RESOURCES.resolve("inventory.csv"));
        Path images = Files.createDirectories(dir.resolve("firmware"));
        firmware.add(image(images, "3111-46162-001", "VVX410"));
        firmware.add(image(images, "3111-46161-001", "VVX310"));
        KeyDelivery keys = (mac, transport, identified) -> transport.isSecure() && identified
                ? Optional.ofNullable(keyFiles.get(mac)) : Optional.empty();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ConfigGenerator generator = new ConfigGenerator(new VariableSets(facts(templates), clock),
                new TemplateRenderer());
        catalog = new GeneratedCatalog(new DirectoryTemplates(templates, new EmbeddedTemplates(), Duration.ZERO),
                generator, inventory, firmware, keys, events::add, clock);
    }

    public static CatalogFixture create(Path dir) {
        try {
            return new CatalogFixture(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's appliance: Berlin time, a default registrar and NTP server, two configured sites. */
    public static ApplianceFacts facts(Path templates) {
        Map<String, Map<String, String>> sites = new LinkedHashMap<>();
        sites.put("Branch", Map.of("registrar", "branch-pbx.office.lan", "time-zone", "America/New_York",
                "ntp", "10.1.0.1"));
        sites.put("Main Office", Map.of("voicemail-number", "8000"));
        RenderingConfig rendering = new RenderingConfig(templates, new PhoneAdminPassword(ADMIN_PASSWORD),
                "pbx.office.lan", "10.0.0.1", ZoneId.of("Europe/Berlin"), sites);
        return new ApplianceFacts("10.0.0.2", "http://10.0.0.2/prov/", rendering, new PhoneAdminPassword(
                ADMIN_PASSWORD));
    }

    public Optional<CatalogEntry> find(String name, MacAddress requester, Transport transport) {
        return find(name, requester, transport, false);
    }

    /** @param identified the requester proved who it is (certificate or per-phone credentials) */
    public Optional<CatalogEntry> find(String name, MacAddress requester, Transport transport, boolean identified) {
        return catalog.find(new FileRequest(name, Ipv4Address.parse("10.0.0.50"), requester, transport, null,
                identified));
    }

    public Optional<CatalogEntry> find(String name) {
        return find(name, null, Transport.TFTP);
    }

    public static byte[] bytes(CatalogEntry entry) {
        try (var channel = entry.open()) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(Math.toIntExact(entry.size()));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until full
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(CatalogEntry entry) {
        return new String(bytes(entry), StandardCharsets.UTF_8);
    }

    public String text(String name) {
        return text(find(name).orElseThrow(() -> new AssertionError(name + " not found")));
    }

    public void write(String template, String text) {
        try {
            Path file = templates.resolve(template);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FirmwareImage image(Path dir, String part, String model) throws IOException {
        Path file = Files.writeString(dir.resolve(part + ".sip.ld"), "image of " + model);
        return new FirmwareImage(part + ".sip.ld", part, List.of(model), "6.4.6.2345", Files.size(file), file);
    }

    private static void copyTree(Path from, Path to, boolean recurse) throws IOException {
        try (Stream<Path> files = recurse ? Files.walk(from) : Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}

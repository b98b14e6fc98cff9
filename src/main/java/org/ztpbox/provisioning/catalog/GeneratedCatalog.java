package org.ztpbox.provisioning.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.Inventory;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.template.RenderException;
import org.ztpbox.provisioning.template.TemplateKeys;
import org.ztpbox.provisioning.template.TemplateSet;
import org.ztpbox.provisioning.template.Templates;

/**
 * The generated part of the catalog: master files, per-phone, model, site and shared files.
 * Each file is rendered once and kept until the inventory, a template or the firmware changes
 * (their generations are compared on every lookup); the master file is also kept per key file,
 * which {@link KeyDelivery} decides per phone and transport. A file whose template fails for a
 * phone is not served (the phone gets a 404 or "file not found"), is left out of the phone's
 * {@code CONFIG_FILES}, and is reported once as a {@code RENDER-FAILED} event naming template,
 * line and variable. A MAC-named file is found only for its own phone when the requester is known.
 * Thread-safe.
 */
public final class GeneratedCatalog implements FileCatalog, ExpectedConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedCatalog.class);
    private static final int MAX_CACHED = 50_000;
    private static final Pattern MAC_FILE = Pattern.compile("([0-9a-fA-F]{12})(\\.cfg|-user\\.cfg)");
    private static final Pattern MODEL_FILE = Pattern.compile("model-([A-Za-z0-9]+)\\.cfg");
    private static final Pattern SITE_FILE = Pattern.compile("site-([a-z0-9]+(?:-[a-z0-9]+)*)\\.cfg");

    private final TemplateSet templates;
    private final ConfigGenerator generator;
    private final Inventory inventory;
    private final FirmwareShelf firmware;
    private final KeyDelivery keys;
    private final EventSink events;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /** A rendered layer, its entry (null when it failed), or nothing (no template, no phone). */
    private record Layer(ConfigGenerator.Outcome outcome, GeneratedEntry entry) {
        static final Layer ABSENT = new Layer(null, null);
    }

    private record MasterKey(GeneratedName.Master name, MacAddress phone, String keyFile) {
    }

    /** What was rendered from one state of the inputs. */
    private record Snapshot(Templates templates, long inventory, long firmware, Instant at,
                            Map<GeneratedName, Layer> layers, Map<MasterKey, Optional<CatalogEntry>> masters) {

        Snapshot(Templates templates, long inventory, long firmware, Instant at) {
            this(templates, inventory, firmware, at, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        boolean current(Templates t, long inv, long fw) {
            return templates == t && inventory == inv && firmware == fw;
        }
    }

    public GeneratedCatalog(TemplateSet templates, ConfigGenerator generator, Inventory inventory,
                            FirmwareShelf firmware, KeyDelivery keys, EventSink events, Clock clock) {
        this.templates = templates;
        this.generator = generator;
        this.inventory = inventory;
        this.firmware = firmware;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        Optional<GeneratedName> parsed = parse(request.name());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        GeneratedName name = parsed.get();
        if (name.mac() != null && request.phone() != null && !request.phone().equals(name.mac())) {
            LOG.debug("{} asked for {}, a file of another phone: not found", request.phone(), request.name());
            return Optional.empty();
        }
        Snapshot s = snapshot();
        if (name instanceof GeneratedName.Master master) {
            return master(s, master, request);
        }
        return Optional.ofNullable(layer(s, name, request.phone()).entry());
    }

    /** The parameters of the phone's generated files, merged left-most first; an unassigned phone's are the shared ones. */
    @Override
    public Map<String, String> parametersFor(MacAddress phone) {
        Snapshot s = snapshot();
        Map<String, String> merged = new LinkedHashMap<>();
        for (GeneratedName layer : generator.layers(s.templates(), inventory.find(phone).orElse(null))) {
            if (layer(s, layer, phone).outcome() instanceof ConfigGenerator.Rendered rendered) {
                rendered.file().parameters().forEach(merged::putIfAbsent);
            }
        }
        return merged;
    }

    /** The generated file a requested name denotes (the MAC in any letter case), or empty when it is none. */
    private static Optional<GeneratedName> parse(String name) {
        Matcher m = MAC_FILE.matcher(name);
        if (m.matches()) {
            MacAddress mac = MacAddress.parse(m.group(1));
            if (m.group(2).equals(".cfg")) {
                return Optional.of(new GeneratedName.Master(mac.value() == 0 ? null : mac));
            }
            return mac.value() == 0 ? Optional.empty() : Optional.of(new GeneratedName.PhoneFile(mac));
        }
        if (name.equals("shared.cfg")) {
            return Optional.of(new GeneratedName.Shared());
        }
        m = MODEL_FILE.matcher(name);
        if (m.matches()) {
            return Optional.of(new GeneratedName.Model(m.group(1).toUpperCase(Locale.ROOT)));
        }
        m = SITE_FILE.matcher(name);
        return m.matches() ? Optional.of(new GeneratedName.Site(m.group(1))) : Optional.empty();
    }

    private Snapshot snapshot() {
        Templates t = templates.current();
        long inv = inventory.generation();
        long fw = firmware.generation();
        Snapshot s = snapshot;
        if (s == null || !s.current(t, inv, fw)) {
            s = new Snapshot(t, inv, fw, clock.instant().truncatedTo(ChronoUnit.SECONDS));
            snapshot = s;
        }
        return s;
    }

    private Optional<CatalogEntry> master(Snapshot s, GeneratedName.Master name, FileRequest request) {
        MacAddress who = name.mac() != null ? name.mac() : request.phone();
        String keyFile = who == null ? null : keys.keyFileFor(who, request.transport(),
                request.identified() && who.equals(request.phone())).orElse(null);
        MasterKey key = new MasterKey(name, keyFile == null ? null : who, keyFile);
        Optional<CatalogEntry> cached = s.masters().get(key);
        if (cached != null) {
            return cached;
        }
        Optional<CatalogEntry> entry;
        Phone phone = name.mac() == null ? null : inventory.find(name.mac()).orElse(null);
        if (name.mac() != null && phone == null) {
            entry = Optional.empty(); // unassigned: the phone goes on to 000000000000.cfg
        } else {
            List<String> files = new ArrayList<>();
            if (keyFile != null) {
                files.add(keyFile);
            }
            for (GeneratedName layer : generator.layers(s.templates(), phone)) {
                if (layer(s, layer, who).entry() != null) {
                    files.add(layer.fileName());
                }
            }
            entry = Optional.of(GeneratedEntry.of(name.fileName(), MasterConfig.render(name.mac(), files, firmware),
                    s.at(), false));
        }
        bound(s.masters());
        Optional<CatalogEntry> raced = s.masters().putIfAbsent(key, entry);
        return raced != null ? raced : entry;
    }

    private Layer layer(Snapshot s, GeneratedName name, MacAddress requester) {
        Layer cached = s.layers().get(name);
        if (cached != null) {
            return cached;
        }
        Phone phone = name instanceof GeneratedName.PhoneFile file ? inventory.find(file.mac()).orElse(null) : null;
        String siteName = name instanceof GeneratedName.Site site ? siteName(site.slug()) : "";
        Layer layer = generator.render(s.templates(), name, phone, siteName).map(outcome ->
                outcome instanceof ConfigGenerator.Rendered r ? new Layer(r, GeneratedEntry.of(name.fileName(),
                        r.file().bytes(), s.at(), r.file().holdsCredentials())) : new Layer(outcome, null))
                .orElse(Layer.ABSENT);
        bound(s.layers());
        Layer raced = s.layers().putIfAbsent(name, layer);
        if (raced != null) {
            return raced;
        }
        if (layer.outcome() instanceof ConfigGenerator.Failed failed) {
            report(failed, requester);
        }
        return layer;
    }

    /** The site's name as the inventory writes it, for {@code ${site.name}}; the slug when no phone has it. */
    private String siteName(String slug) {
        for (Phone phone : inventory.phones()) {
            if (TemplateKeys.site(phone.site()).equals(slug)) {
                return phone.site();
            }
        }
        return slug;
    }

    private void report(ConfigGenerator.Failed failed, MacAddress requester) {
        RenderException error = failed.error();
        RenderException.Problem first = error.problems().get(0);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", failed.name().fileName());
        details.put("template", error.template());
        details.put("line", Integer.toString(first.line()));
        if (first.variable() != null) {
            details.put("variable", first.variable());
        }
        details.put("problem", error.getMessage());
        MacAddress mac = failed.name().mac() != null ? failed.name().mac() : requester;
        events.record(new PhoneEvent(clock.instant(), mac, "provisioning", "RENDER-FAILED", details));
        LOG.warn("{} is not served{}: {}", failed.name().fileName(), mac == null ? "" : " to " + mac,
                error.getMessage());
    }

    private static void bound(Map<?, ?> cache) {
        // Crude but bounded: a site has far fewer files than this, so it only matters under abuse.
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
    }
}

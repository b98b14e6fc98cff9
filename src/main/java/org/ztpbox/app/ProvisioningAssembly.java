package org.ztpbox.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.ztpbox.config.ConfigException;
import org.ztpbox.config.RenderingConfig;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.PhoneAdminPassword;
import org.ztpbox.provisioning.AdminPasswordFile;
import org.ztpbox.provisioning.StaticFileCatalog;
import org.ztpbox.provisioning.UploadDirectory;
import org.ztpbox.provisioning.catalog.ApplianceFacts;
import org.ztpbox.provisioning.catalog.ConfigGenerator;
import org.ztpbox.provisioning.catalog.FirmwareCatalog;
import org.ztpbox.provisioning.catalog.GeneratedCatalog;
import org.ztpbox.provisioning.catalog.LayeredCatalog;
import org.ztpbox.provisioning.catalog.TemplateCheck;
import org.ztpbox.provisioning.catalog.UploadsCatalog;
import org.ztpbox.provisioning.catalog.VariableSets;
import org.ztpbox.provisioning.template.DirectoryTemplates;
import org.ztpbox.provisioning.template.EmbeddedTemplates;
import org.ztpbox.provisioning.template.TemplateRenderer;
import org.ztpbox.provisioning.template.TemplateSet;

/**
 * Wires the catalog that TFTP and HTTP serve: generated files first, then firmware, then the
 * phones' own uploads, then the static files of {@code <state-dir>/files}.
 */
final class ProvisioningAssembly {

    /** Where templates live when {@code provisioning.templates} is not set, if the directory exists. */
    static final Path DEFAULT_TEMPLATES = Path.of("/etc/ztpbox/templates");
    private static final Duration TEMPLATE_RECHECK = Duration.ofSeconds(1);
    /** Stands in for a password not generated yet, when templates are only checked. */
    private static final PhoneAdminPassword PLACEHOLDER = new PhoneAdminPassword("000000000000");

    private ProvisioningAssembly() {
    }

    /** The catalog and its generated part (which is also the expected configuration of each phone). */
    record Catalogs(FileCatalog catalog, GeneratedCatalog generated, String templates) {
    }

    static Catalogs catalogs(ZtpboxConfig config, String address, String provisioningUrl, ProvisioningPorts ports,
                             UploadDirectory uploads, EventSink events, Clock clock) throws IOException {
        TemplateSet templates = templates(config.provisioning().rendering());
        ApplianceFacts facts = new ApplianceFacts(address, provisioningUrl, config.provisioning().rendering(),
                adminPassword(config, true));
        GeneratedCatalog generated = new GeneratedCatalog(templates, generator(facts, clock), ports.inventory(),
                ports.firmware(), ports.keys(), events, clock);
        FileCatalog catalog = new LayeredCatalog(List.of(generated, new FirmwareCatalog(ports.firmware()),
                new UploadsCatalog(uploads), new StaticFileCatalog(config.stateDir().resolve("files"))));
        return new Catalogs(catalog, generated, templates.current().origin());
    }

    /** Renders everything every inventory phone would get, for {@code ztpbox validate}; creates nothing. */
    static TemplateCheck.Report check(ZtpboxConfig config, String address, String provisioningUrl,
                                      ProvisioningPorts ports) throws IOException {
        ApplianceFacts facts = new ApplianceFacts(address, provisioningUrl, config.provisioning().rendering(),
                adminPassword(config, false));
        return TemplateCheck.run(templates(config.provisioning().rendering()).current(),
                generator(facts, Clock.systemUTC()), ports.inventory());
    }

    private static ConfigGenerator generator(ApplianceFacts facts, Clock clock) {
        return new ConfigGenerator(new VariableSets(facts, clock), new TemplateRenderer());
    }

    static TemplateSet templates(RenderingConfig rendering) {
        EmbeddedTemplates embedded = new EmbeddedTemplates();
        Path dir = rendering.templates() != null ? rendering.templates()
                : Files.isDirectory(DEFAULT_TEMPLATES) ? DEFAULT_TEMPLATES : null;
        return dir == null ? embedded : new DirectoryTemplates(dir, embedded, TEMPLATE_RECHECK);
    }

    /**
     * {@code provisioning.admin-password}, else the one in the state directory, generated there on
     * first start; with {@code create} false a missing one is stood in for (nothing is written).
     */
    static PhoneAdminPassword adminPassword(ZtpboxConfig config, boolean create) throws IOException {
        PhoneAdminPassword configured = config.provisioning().rendering().adminPassword();
        if (configured != null) {
            return configured;
        }
        AdminPasswordFile file = new AdminPasswordFile(config.stateDir(), new SecureRandom());
        try {
            return create ? file.loadOrCreate() : file.read().orElse(PLACEHOLDER);
        } catch (IllegalStateException e) {
            throw new ConfigException("state-dir", List.of(new ConfigException.ConfigProblem("state-dir", 0,
                    e.getMessage())));
        }
    }
}

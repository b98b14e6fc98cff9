package org.ztpbox.provisioning.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.Inventory;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.provisioning.template.RenderException;
import org.ztpbox.provisioning.template.Templates;

/**
 * Renders every file every phone of the inventory would get, without serving anything, and says
 * per phone what works and what does not ({@code ztpbox validate}).
 */
public final class TemplateCheck {

    /** One generated file that cannot be rendered. */
    public record FileProblem(String file, RenderException error) {
    }

    /**
     * @param mac      null for an unassigned phone (shared configuration only)
     * @param files    the files the phone's CONFIG_FILES lists (those that render)
     * @param problems the files it should get but that fail
     */
    public record PhoneReport(MacAddress mac, List<String> files, List<FileProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param unassigned what a phone outside the inventory gets
     * @param phones     one report per inventory phone, by MAC
     */
    public record Report(String templates, boolean hasPhoneTemplate, boolean hasSharedTemplate,
                         PhoneReport unassigned, List<PhoneReport> phones) {
        public boolean ok() {
            return unassigned.ok() && phones.stream().allMatch(PhoneReport::ok);
        }
    }

    private TemplateCheck() {
    }

    public static Report run(Templates templates, ConfigGenerator generator, Inventory inventory) {
        Map<GeneratedName, Optional<ConfigGenerator.Outcome>> shared = new HashMap<>();
        PhoneReport unassigned = report(templates, generator, null, shared);
        List<PhoneReport> phones = new ArrayList<>();
        for (Phone phone : inventory.phones()) {
            phones.add(report(templates, generator, phone, shared));
        }
        return new Report(templates.origin(), templates.phone() != null, templates.shared() != null, unassigned,
                phones);
    }

    private static PhoneReport report(Templates templates, ConfigGenerator generator, Phone phone,
                                      Map<GeneratedName, Optional<ConfigGenerator.Outcome>> shared) {
        List<String> files = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (GeneratedName layer : generator.layers(templates, phone)) {
            // Files every phone of a model or site reads are rendered once per check.
            Optional<ConfigGenerator.Outcome> outcome = layer instanceof GeneratedName.PhoneFile
                    ? generator.render(templates, layer, phone, "")
                    : shared.computeIfAbsent(layer, l -> generator.render(templates, l, phone,
                    phone == null ? "" : phone.site()));
            if (outcome.orElse(null) instanceof ConfigGenerator.Failed failed) {
                problems.add(new FileProblem(layer.fileName(), failed.error()));
            } else if (outcome.isPresent()) {
                files.add(layer.fileName());
            }
        }
        return new PhoneReport(phone == null ? null : phone.mac(), files, problems);
    }
}

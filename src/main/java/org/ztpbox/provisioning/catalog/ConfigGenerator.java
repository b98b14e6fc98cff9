package org.ztpbox.provisioning.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztpbox.core.Phone;
import org.ztpbox.provisioning.template.RenderException;
import org.ztpbox.provisioning.template.RenderedFile;
import org.ztpbox.provisioning.template.Template;
import org.ztpbox.provisioning.template.TemplateKeys;
import org.ztpbox.provisioning.template.TemplateRenderer;
import org.ztpbox.provisioning.template.Templates;
import org.ztpbox.provisioning.template.Variables;

/**
 * Renders the layers of a phone's configuration. Precedence, left-most wins as in the phones'
 * {@code CONFIG_FILES} (polycom-provisioning.md §3.3): the per-phone file, then the model's, then
 * the site's, then the shared file. A model override beats a site override because it states what
 * the hardware can do. Stateless apart from its inputs; no caching here.
 */
public final class ConfigGenerator {

    /** What rendering one layer gave. */
    public sealed interface Outcome {
        GeneratedName name();
    }

    public record Rendered(GeneratedName name, RenderedFile file) implements Outcome {
    }

    public record Failed(GeneratedName name, RenderException error) implements Outcome {
    }

    private final VariableSets variables;
    private final TemplateRenderer renderer;

    public ConfigGenerator(VariableSets variables, TemplateRenderer renderer) {
        this.variables = variables;
        this.renderer = renderer;
    }

    /**
     * The generated files that configure a phone, in precedence order: those whose template exists.
     *
     * @param phone the inventory row, or null for an unassigned phone (shared configuration only)
     */
    public List<GeneratedName> layers(Templates templates, Phone phone) {
        List<GeneratedName> layers = new ArrayList<>(4);
        if (phone != null) {
            if (templates.phone() != null) {
                layers.add(new GeneratedName.PhoneFile(phone.mac()));
            }
            String model = TemplateKeys.model(phone.model());
            if (!model.isEmpty() && templates.model(model).isPresent()) {
                layers.add(new GeneratedName.Model(model));
            }
            String site = TemplateKeys.site(phone.site());
            if (!site.isEmpty() && templates.site(site).isPresent()) {
                layers.add(new GeneratedName.Site(site));
            }
        }
        if (templates.shared() != null) {
            layers.add(new GeneratedName.Shared());
        }
        return layers;
    }

    /**
     * Renders one layer; empty when its template does not exist.
     *
     * @param phone    the row of a {@link GeneratedName.PhoneFile}'s phone (ignored for other layers)
     * @param siteName the site's name as the admin wrote it, for a {@link GeneratedName.Site}
     */
    public Optional<Outcome> render(Templates templates, GeneratedName name, Phone phone, String siteName) {
        if (name instanceof GeneratedName.Shared) {
            return render(name, Optional.ofNullable(templates.shared()), variables::appliance);
        }
        if (name instanceof GeneratedName.Model model) {
            return render(name, templates.model(model.key()), () -> variables.model(model.key()));
        }
        if (name instanceof GeneratedName.Site site) {
            return render(name, templates.site(site.slug()), () -> variables.site(siteName));
        }
        if (name instanceof GeneratedName.PhoneFile && phone != null) {
            return render(name, Optional.ofNullable(templates.phone()), () -> variables.phone(phone));
        }
        return Optional.empty();
    }

    private interface VariableSource {
        Variables get() throws RenderException;
    }

    private Optional<Outcome> render(GeneratedName name, Optional<Template> template, VariableSource source) {
        if (template.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Rendered(name, renderer.render(template.get(), source.get())));
        } catch (RenderException e) {
            return Optional.of(new Failed(name, e));
        }
    }
}

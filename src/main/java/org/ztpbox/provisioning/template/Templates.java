package org.ztpbox.provisioning.template;

import java.util.Map;
import java.util.Optional;

/**
 * The templates of one moment, immutable: compare two with {@code equals} to know whether anything
 * changed.
 *
 * @param origin where the set lives, for messages
 * @param shared {@code shared.cfg}: rendered once, for every phone; null when absent
 * @param phone  {@code phone.cfg}: rendered for each inventory phone; null when absent
 * @param models {@code models/<MODEL>.cfg} by {@link TemplateKeys#model model key}
 * @param sites  {@code sites/<site>.cfg} by {@link TemplateKeys#site site slug}
 */
public record Templates(String origin, Template shared, Template phone, Map<String, Template> models,
                        Map<String, Template> sites) {

    public static final String SHARED = "shared.cfg";
    public static final String PHONE = "phone.cfg";
    public static final String MODELS = "models";
    public static final String SITES = "sites";

    public Templates {
        models = Map.copyOf(models);
        sites = Map.copyOf(sites);
    }

    public Optional<Template> model(String modelKey) {
        return Optional.ofNullable(models.get(modelKey));
    }

    public Optional<Template> site(String siteSlug) {
        return Optional.ofNullable(sites.get(siteSlug));
    }
}

package org.ztpbox.provisioning.template;

import java.util.Locale;

/**
 * How models and sites name their override templates and generated files, whatever the admin's
 * spelling in the inventory: a model keeps its letters and digits in upper case ({@code VVX 410},
 * {@code vvx-410} → {@code VVX410}, as Poly names models in {@code APPLICATION_<MODEL>}); a site
 * becomes a lower-case slug ({@code Main Office} → {@code main-office}).
 */
public final class TemplateKeys {

    private TemplateKeys() {
    }

    /** The model key, empty when the model has no letter or digit. */
    public static String model(String model) {
        StringBuilder key = new StringBuilder(model.length());
        for (int i = 0; i < model.length(); i++) {
            char c = model.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                key.append(Character.toUpperCase(c));
            }
        }
        return key.toString();
    }

    /** The site slug: runs of anything but ASCII letters and digits become one '-'; empty for an empty site. */
    public static String site(String site) {
        return slug(site);
    }

    /** Lower case, ASCII letters and digits, other runs as one '-', no '-' at either end. */
    public static String slug(String text) {
        StringBuilder slug = new StringBuilder(text.length());
        boolean dash = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return slug.toString();
    }
}

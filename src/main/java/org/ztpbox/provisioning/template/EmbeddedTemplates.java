package org.ztpbox.provisioning.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The templates shipped in the jar (copied from {@code conf/templates} at build time): what
 * {@code ztpbox run} renders with when the admin has no template directory. They never change.
 */
public final class EmbeddedTemplates implements TemplateSet {

    /** The classpath directory holding {@code shared.cfg} and {@code phone.cfg}. */
    public static final String RESOURCES = "org/ztpbox/provisioning/templates/";

    private final Templates templates;

    public EmbeddedTemplates() {
        this.templates = new Templates("(embedded defaults)", load(Templates.SHARED), load(Templates.PHONE), Map.of(),
                Map.of());
    }

    @Override
    public Templates current() {
        return templates;
    }

    private static Template load(String name) {
        try (InputStream in = EmbeddedTemplates.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its embedded template " + RESOURCES + name);
            }
            return Template.of(name, "(embedded) " + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

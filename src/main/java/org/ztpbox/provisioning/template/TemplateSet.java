package org.ztpbox.provisioning.template;

/** Where templates come from. Thread-safe. */
public interface TemplateSet {

    /**
     * The templates as they are now: the same instance as long as nothing changed, so callers may
     * compare by identity to know when what they rendered is out of date.
     */
    Templates current();
}

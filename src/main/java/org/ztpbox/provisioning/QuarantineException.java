package org.ztpbox.provisioning;

/** A quarantine action that the rules refuse: one already active, nothing to restore. */
public final class QuarantineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuarantineException(String message) {
        super(message);
    }
}

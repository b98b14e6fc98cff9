package org.ztpbox.core;

/** How a file is asked for; the catalog may answer differently per transport (keys never over plain channels). */
public enum Transport {
    TFTP, HTTP, HTTPS;

    /** True when the channel is encrypted and the peer authenticated the server. */
    public boolean isSecure() {
        return this == HTTPS;
    }
}

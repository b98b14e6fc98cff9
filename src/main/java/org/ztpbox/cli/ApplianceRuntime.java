package org.ztpbox.cli;

import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.LeaseStore;

/** What the commands need from the composition root, so that they depend on no implementation. */
public interface ApplianceRuntime {

    /** Starts every service of the appliance; closing the result stops them in order. */
    AutoCloseable start(ZtpboxConfig config) throws Exception;

    /** Opens the configured store for reading and maintenance. */
    LeaseStore openStore(ZtpboxConfig config);

    /** The configuration-file encryption keys under the configured state directory. */
    EncryptionKeys keys(ZtpboxConfig config);
}

package org.ztpbox.config;

import java.nio.file.Path;

/** The whole appliance configuration, validated and immutable. See {@code conf/ztpbox.yaml}. */
public record ZtpboxConfig(NetworkConfig network, DhcpConfig dhcp, ProvisioningConfig provisioning,
                           TftpConfig tftp, HttpConfig http, Path stateDir, StoreConfig store,
                           DoctorConfig doctor) {

    /** The file holding leases and events, under {@link #stateDir()}. */
    public Path databaseFile() {
        return stateDir.resolve("ztpbox.db");
    }

    /** Where phones' uploads land, one directory per phone, under {@link #stateDir()}. */
    public Path uploadsDir() {
        return stateDir.resolve("uploads");
    }

    /** Where firmware images are dropped: {@code provisioning.firmware-dir}, resolved against the state directory. */
    public Path firmwareDirectory() {
        return stateDir.resolve(provisioning.firmwareDir());
    }
}

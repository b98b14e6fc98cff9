package org.ztpbox.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * @param url         the URL advertised in DHCP options 160 and 66; null means derive it at start
 * @param firmwareDir where the admin drops Poly firmware images; relative to the state directory
 *                    unless absolute (see {@link ZtpboxConfig#firmwareDirectory()})
 */
public record ProvisioningConfig(URI url, Path firmwareDir) {

    public static final Path DEFAULT_FIRMWARE_DIR = Path.of("firmware");
}

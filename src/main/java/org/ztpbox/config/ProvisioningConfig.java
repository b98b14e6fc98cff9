package org.ztpbox.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * @param url         the URL advertised in DHCP options 160 and 66; null means derive it at start
 * @param rendering   what generated phone configuration is rendered from
 * @param encryption  configuration-file encryption (off unless asked for)
 * @param firmwareDir where the admin drops Poly firmware images; relative to the state directory
 *                    unless absolute (see {@link ZtpboxConfig#firmwareDirectory()})
 */
public record ProvisioningConfig(URI url, RenderingConfig rendering, EncryptionConfig encryption, Path firmwareDir) {

    public static final Path DEFAULT_FIRMWARE_DIR = Path.of("firmware");
}

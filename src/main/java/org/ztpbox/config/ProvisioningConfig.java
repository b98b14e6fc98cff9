package org.ztpbox.config;

import java.net.URI;

/**
 * @param url        the URL advertised in DHCP options 160 and 66; null means derive it at start
 * @param rendering  what generated phone configuration is rendered from
 * @param encryption configuration-file encryption (off unless asked for)
 */
public record ProvisioningConfig(URI url, RenderingConfig rendering, EncryptionConfig encryption) {
}

package org.ztpbox.provisioning.catalog;

import java.util.Objects;
import org.ztpbox.config.RenderingConfig;
import org.ztpbox.core.PhoneAdminPassword;

/**
 * What the appliance knows that templates may use besides the inventory.
 *
 * @param address       the appliance's own address, as phones reach it
 * @param url           the provisioning URL handed out in DHCP options 160 and 66
 * @param adminPassword the phone admin password of the appliance (configured or generated)
 */
public record ApplianceFacts(String address, String url, RenderingConfig rendering, PhoneAdminPassword adminPassword) {

    public ApplianceFacts {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(rendering, "rendering");
        Objects.requireNonNull(adminPassword, "adminPassword");
    }
}

package org.ztpbox.core;

import java.time.Instant;
import java.util.Objects;

/**
 * What the appliance observed of one phone, from its DHCP messages and file requests: kept apart
 * from the inventory (what the admin declared), so that neither ever overwrites the other. A phone
 * with a record but no inventory row is "unassigned". Holds no secrets.
 *
 * @param mac         the phone
 * @param model       canonical model when recognised ({@code VVX410}, see {@link PhoneModels}), else as
 *                    reported; null until reported
 * @param partNumber  the hardware part number from DHCP option 60, without the revision; null when unknown
 * @param firmware    the application version last reported ({@code 5.9.5.0614}); null when unknown
 * @param bootVersion the BootROM / Updater version last reported; null when unknown
 * @param stage       {@code boot} (BootROM or Updater running) or {@code application}, as last reported
 * @param lastAddress the IPv4 address the phone last used or was given
 * @param firstSeen   the first event of this phone
 * @param lastSeen    the latest event of this phone
 * @param lastSeenVia the protocol of the latest event: {@code dhcp}, {@code tftp} or {@code http}
 * @param lastFile    the last file the phone downloaded (TFTP name or HTTP path); null when none
 * @param lastFileAt  when it asked for it
 */
public record PhoneRecord(MacAddress mac, String model, String partNumber, String firmware, String bootVersion,
                          String stage, String lastAddress, Instant firstSeen, Instant lastSeen, String lastSeenVia,
                          String lastFile, Instant lastFileAt) {

    public PhoneRecord {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** A phone seen for the first time, with nothing known yet but when and how. */
    public static PhoneRecord firstSeen(MacAddress mac, Instant at, String via) {
        return new PhoneRecord(mac, null, null, null, null, null, null, at, at, via, null, null);
    }
}

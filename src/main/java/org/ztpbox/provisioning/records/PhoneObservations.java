package org.ztpbox.provisioning.records;

import java.time.Instant;
import java.util.Locale;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.PhoneModels;
import org.ztpbox.core.PhoneRecord;

/**
 * Folds one event into a phone's record. It reads the details the protocol front ends write:
 * <ul>
 * <li>{@code dhcp}: {@code model} ({@code VVX-VVX_410}), {@code part_number} ({@code 3111-46162-001,7}),
 *     {@code app_version} and {@code boot_version} ({@code SIP/5.9.5.0614/12-Dec-19 08:57}), {@code stage}
 *     ({@code boot} while sub-options 4 and 5 agree, else {@code application}), {@code address} with
 *     {@code reply} {@code ACK} (what ztpbox gave), {@code client_address} (ciaddr) or
 *     {@code requested_address};</li>
 * <li>{@code http}: {@code model} ({@code VVX410}) and {@code firmware} from the User-Agent, {@code stage}
 *     ({@code Updater}, {@code Application} or absent on SIP 3.x), {@code client}, {@code path},
 *     {@code status};</li>
 * <li>{@code tftp}: {@code client} ({@code ip:port}), {@code file}, {@code result}.</li>
 * </ul>
 * The version a phone reports during its boot stage is the BootROM's or Updater's, so it goes to
 * {@link PhoneRecord#bootVersion()}; only the application's version is the phone's firmware.
 * Facts that change over a boot (stage, versions, address) are taken from the newest event only,
 * since events of different protocols may arrive slightly out of order.
 */
public final class PhoneObservations {

    private PhoneObservations() {
    }

    /** @param prior the phone's record so far, or null for a phone never seen */
    public static PhoneRecord apply(PhoneRecord prior, PhoneEvent event) {
        Facts facts = switch (event.source()) {
            case "dhcp" -> dhcp(event);
            case "http" -> http(event);
            case "tftp" -> tftp(event);
            default -> new Facts();
        };
        Instant at = event.at();
        if (prior == null) {
            prior = PhoneRecord.firstSeen(event.mac(), at, event.source());
        }
        boolean newest = !at.isBefore(prior.lastSeen());
        boolean newerFile = facts.file != null && (prior.lastFileAt() == null || !at.isBefore(prior.lastFileAt()));
        return new PhoneRecord(prior.mac(),
                facts.model != null ? facts.model : prior.model(),
                facts.partNumber != null ? facts.partNumber : prior.partNumber(),
                newest && facts.firmware != null ? facts.firmware : prior.firmware(),
                newest && facts.bootVersion != null ? facts.bootVersion : prior.bootVersion(),
                newest && facts.stage != null ? facts.stage : prior.stage(),
                newest && facts.address != null ? facts.address : prior.lastAddress(),
                at.isBefore(prior.firstSeen()) ? at : prior.firstSeen(),
                newest ? at : prior.lastSeen(),
                newest ? event.source() : prior.lastSeenVia(),
                newerFile ? facts.file : prior.lastFile(),
                newerFile ? at : prior.lastFileAt());
    }

    /** What one event says; null where it says nothing. */
    private static final class Facts {
        String model;
        String partNumber;
        String firmware;
        String bootVersion;
        String stage;
        String address;
        String file;
    }

    private static Facts dhcp(PhoneEvent e) {
        Facts f = new Facts();
        String partNumber = e.detail("part_number");
        if (partNumber != null) {
            f.partNumber = PhoneModels.withoutRevision(partNumber);
        }
        f.model = model(e.detail("model"));
        if (f.model == null && partNumber != null) {
            f.model = PhoneModels.forPartNumber(partNumber).orElse(null);
        }
        String appVersion = buildId(e.detail("app_version"));
        String stage = e.detail("stage");
        if ("boot".equals(stage)) {
            f.stage = "boot";
            f.bootVersion = appVersion;
        } else if ("application".equals(stage)) {
            f.stage = "application";
            f.firmware = appVersion;
            f.bootVersion = buildId(e.detail("boot_version"));
        }
        // What ztpbox acknowledged, else the address the phone uses (ciaddr), else the one it asks
        // another server for (watch mode sees no ACK of ours).
        String given = "ACK".equals(e.detail("reply")) ? e.detail("address") : null;
        f.address = firstNonNull(given, e.detail("client_address"),
                "REQUEST".equals(e.type()) ? e.detail("requested_address") : null);
        return f;
    }

    private static Facts http(PhoneEvent e) {
        Facts f = new Facts();
        f.model = model(e.detail("model"));
        String version = e.detail("firmware");
        if (version != null) {
            boolean updater = "updater".equals(lower(e.detail("stage")));
            f.stage = updater ? "boot" : "application";
            if (updater) {
                f.bootVersion = version;
            } else {
                f.firmware = version;
            }
        }
        f.address = e.detail("client");
        String status = e.detail("status");
        if ("GET".equals(e.type()) && status != null && (status.startsWith("2") || status.equals("304"))) {
            f.file = e.detail("path");
        }
        return f;
    }

    private static Facts tftp(PhoneEvent e) {
        Facts f = new Facts();
        String client = e.detail("client");
        if (client != null) {
            int colon = client.lastIndexOf(':');
            f.address = colon < 0 ? client : client.substring(0, colon);
        }
        String result = e.detail("result");
        if ("RRQ".equals(e.type()) && ("completed".equals(result) || "unconfirmed".equals(result))) {
            f.file = e.detail("file");
        }
        return f;
    }

    /** The canonical model when known, else the reported token (after the family, underscores dropped). */
    private static String model(String reported) {
        if (reported == null || reported.isBlank()) {
            return null;
        }
        return PhoneModels.canonical(reported).orElseGet(() -> {
            String token = reported.substring(reported.lastIndexOf('-') + 1);
            return token.replace("_", "");
        });
    }

    /** {@code SIP/5.9.5.0614/12-Dec-19 08:57} to {@code 5.9.5.0614}; other forms as they are. */
    private static String buildId(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String[] parts = version.split("/");
        return parts.length >= 2 ? parts[1].trim() : version.trim();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}

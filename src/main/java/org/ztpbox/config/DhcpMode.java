package org.ztpbox.config;

import java.util.Locale;

/** How the DHCP server behaves towards clients. */
public enum DhcpMode {
    /** Answer nobody, record everything. The default: ztpbox never hands out leases unasked. */
    WATCH,
    /** Answer every client. */
    SERVE,
    /** Answer only clients classified as phones; stay silent to others, beside an office router. */
    PHONES_ONLY;

    public static DhcpMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "watch" -> WATCH;
            case "serve" -> SERVE;
            case "phones-only" -> PHONES_ONLY;
            default -> throw new IllegalArgumentException("expected watch, serve or phones-only, found '" + text + "'");
        };
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

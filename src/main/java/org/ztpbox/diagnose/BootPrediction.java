package org.ztpbox.diagnose;

import java.util.List;

/**
 * Where a phone will go for its configuration, given every DHCP answer on the LAN.
 *
 * @param phone    which phones this is about, e.g. "a factory-reset VVX-VVX_410 on UC 5.9.5"
 * @param race     true when the answer depends on which server's offer arrives first
 * @param outcomes one per way the boot can go (one per server whose offer the phone may take)
 * @param summary  the prediction in one sentence, addresses masked
 * @param caveats  what the model assumes
 */
public record BootPrediction(String phone, BootServerSetting setting, boolean race, List<Outcome> outcomes,
                             String summary, List<String> caveats) {

    public BootPrediction {
        outcomes = List.copyOf(outcomes);
        caveats = List.copyOf(caveats);
    }

    /**
     * One way the boot can go.
     *
     * @param leaseFrom the server whose lease the phone takes
     * @param address   the provisioning address it then uses, masked; null when none
     * @param verdict   how that address compares with ztpbox; null when none
     * @param why       the rule that picks it, in plain words
     */
    public record Outcome(String leaseFrom, String address, AddressMatch.Verdict verdict, String why) {
    }

    /** True when some way of booting leads away from ztpbox. */
    public boolean mayMissZtpbox() {
        return outcomes.stream().anyMatch(o -> o.verdict() != AddressMatch.Verdict.ZTPBOX);
    }
}

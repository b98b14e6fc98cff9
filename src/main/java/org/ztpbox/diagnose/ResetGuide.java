package org.ztpbox.diagnose;

import java.util.List;
import org.ztpbox.core.MacAddress;

/**
 * The hands-on part of resetting one phone: which keys, when, the password keystrokes, and how to
 * point it at ztpbox afterwards. Built by {@link ResetGuides}; printed by {@code ztpbox reset-guide}.
 *
 * @param model       the model the guide is for, or null when unknown
 * @param modelSource where the model came from ({@code --model}, an event), or why it is unknown
 * @param firmware    the firmware version seen on the phone, or null
 * @param procedures  the model's procedure; when the model is unknown or has none, every keyed one
 * @param steps       what to do, in order
 * @param password    the MAC address as the reset password: twelve lower-case hex digits
 * @param passwordKeys the keystrokes that type it
 * @param setup       how to set the provisioning server in the Setup menu after the reset
 * @param notes       caveats, each with its source
 */
public record ResetGuide(MacAddress mac, PhoneModel model, String modelSource, String firmware,
        List<ResetProcedure> procedures, List<String> steps, String password, List<DialPad.Typed> passwordKeys,
        Setup setup, List<String> notes) {

    public ResetGuide {
        procedures = List.copyOf(procedures);
        steps = List.copyOf(steps);
        passwordKeys = List.copyOf(passwordKeys);
        notes = List.copyOf(notes);
    }

    /**
     * The Setup-menu entries that point the phone at ztpbox (seeds 000 and 003).
     *
     * @param url         the provisioning URL, password masked
     * @param serverType  {@code HTTP}, {@code HTTPS}, {@code TFTP} or {@code FTP}
     * @param address     the Server Address field: the URL without scheme and credentials
     * @param user        the Server User, or empty
     * @param hasPassword true when the URL carries a password to enter as Server Password
     */
    public record Setup(String url, String serverType, String address, List<DialPad.Typed> addressKeys, String user,
            boolean hasPassword, List<String> steps) {

        public Setup {
            addressKeys = List.copyOf(addressKeys);
            steps = List.copyOf(steps);
        }
    }
}

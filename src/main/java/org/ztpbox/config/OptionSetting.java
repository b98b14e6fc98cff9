package org.ztpbox.config;

import java.util.Arrays;

/**
 * A DHCP option from the config, already in wire form.
 *
 * @param value      the option's payload bytes (without code and length)
 * @param alwaysSend send even when the client did not ask for it in option 55
 * @param text       the value as written, for display
 */
public record OptionSetting(int code, OptionType type, byte[] value, boolean alwaysSend, String text) {

    public OptionSetting {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionSetting other && code == other.code && type == other.type
                && alwaysSend == other.alwaysSend && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "option " + code + " (" + type.configName() + ") = " + text;
    }
}

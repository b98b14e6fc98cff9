package org.ztpbox.lab;

import java.util.Map;

/** One call of a DHCP client's hook script: the event (dhclient's reason, udhcpc's argument) and its environment. */
public record HookEvent(String event, Map<String, String> env) {

    public String get(String name) {
        return env.get(name);
    }
}

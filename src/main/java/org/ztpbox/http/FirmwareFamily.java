package org.ztpbox.http;

/**
 * The two firmware families that need different provisioning trees: SIP 3.x and older, and UC
 * Software 4.x and later (PVOS 8.x on Edge E included). The carrier guide in the seeds gives phones
 * one server path for "v3 firmware" and another for "UC4.0 and up".
 */
public enum FirmwareFamily {
    UC3, UC4;

    /** The family a User-Agent shows, or null when it shows none (not a phone, no version). */
    public static FirmwareFamily of(UserAgent agent) {
        if (agent == null || agent.majorVersion() < 0) {
            return null;
        }
        return agent.majorVersion() <= 3 ? UC3 : UC4;
    }
}

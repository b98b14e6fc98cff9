package org.ztpbox.cli;

import org.ztpbox.core.MacAddress;
import picocli.CommandLine.Parameters;

/** The phone a command is about: its MAC, the one positional parameter. */
public final class PhoneOption {

    @Parameters(index = "0", paramLabel = "MAC", converter = MacConverter.class,
            description = "The phone's MAC address, in any common spelling (0004f2aa814c, 00:04:F2:AA:81:4C, ...).")
    MacAddress mac;
}

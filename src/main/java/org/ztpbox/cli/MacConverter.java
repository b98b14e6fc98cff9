package org.ztpbox.cli;

import org.ztpbox.core.MacAddress;
import picocli.CommandLine;

/** Reads a MAC argument in any common spelling; a bad one is a usage error that says what was wrong. */
public final class MacConverter implements CommandLine.ITypeConverter<MacAddress> {

    @Override
    public MacAddress convert(String value) {
        try {
            return MacAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage()
                    + " (e.g. 0004f2aa814c, 00:04:F2:AA:81:4C or 00-04-f2-aa-81-4c)");
        }
    }
}

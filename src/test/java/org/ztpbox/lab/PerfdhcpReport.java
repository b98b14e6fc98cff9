package org.ztpbox.lab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a perfdhcp (Kea 2.x) DHCPv4 run, read from its text report: per exchange
 * (DISCOVER-OFFER, REQUEST-ACK) the packets sent, received and dropped. -1 when a figure is
 * missing (the run was stopped before reporting).
 */
public record PerfdhcpReport(long discoversSent, long offersReceived, long discoverDrops,
                             long requestsSent, long acksReceived, long requestDrops, String output) {

    public static PerfdhcpReport parse(String output) {
        String doPart = section(output, "Statistics for: DISCOVER-OFFER");
        String raPart = section(output, "Statistics for: REQUEST-ACK");
        return new PerfdhcpReport(number(doPart, "sent packets"), number(doPart, "received packets"),
                number(doPart, "drops"), number(raPart, "sent packets"), number(raPart, "received packets"),
                number(raPart, "drops"), output);
    }

    private static String section(String output, String title) {
        int start = output.indexOf(title);
        if (start < 0) {
            return "";
        }
        // Sections are headed "***Statistics for: ...***"; this one ends where the next heading starts.
        int end = output.indexOf("\n***", start);
        return output.substring(start, end < 0 ? output.length() : end);
    }

    private static long number(String section, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + ":\\s*(\\d+)").matcher(section);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}

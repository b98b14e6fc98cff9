package org.ztpbox.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerfdhcpReportTest {

    // Abridged from a perfdhcp 2.2.0 relay run; the headings end in "***" on the same line.
    private static final String OUTPUT = """
            Running: perfdhcp -4 -r 50 -n 100 -R 100 -p 10 -d 2 -W 1000000 -l 10.231.0.2 10.231.0.1
            ***Rate statistics***
            Rate: 33.3213 4-way exchanges/second, expected rate: 50

            ***Malformed Packets***
            Malformed packets: 0
            ***Statistics for: DISCOVER-OFFER***
            sent packets: 100
            received packets: 98
            drops: 2
            drops ratio: 2 %

            ***Statistics for: REQUEST-ACK***
            sent packets: 98
            received packets: 97
            drops: 1
            drops ratio: 1.020 %
            """;

    @Test
    void readsEachExchangeFromItsOwnSection() {
        PerfdhcpReport report = PerfdhcpReport.parse(OUTPUT);

        assertThat(report.discoversSent()).isEqualTo(100);
        assertThat(report.offersReceived()).isEqualTo(98);
        assertThat(report.discoverDrops()).isEqualTo(2);
        assertThat(report.requestsSent()).isEqualTo(98);
        assertThat(report.acksReceived()).isEqualTo(97);
        assertThat(report.requestDrops()).isEqualTo(1);
    }

    @Test
    void missingFiguresAreMinusOne() {
        PerfdhcpReport report = PerfdhcpReport.parse("perfdhcp: interrupted\n");

        assertThat(report.acksReceived()).isEqualTo(-1);
        assertThat(report.discoversSent()).isEqualTo(-1);
    }
}

package org.ztpbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {

    @TempDir
    Path dir;

    @Test
    void linesReachTheFileInOrderAndRollOver() throws Exception {
        Path file = dir.resolve("log/http-access.log");
        AccessLog log = new AccessLog(file, 100, 2);
        for (int i = 0; i < 10; i++) {
            log.log("line " + i + " " + "x".repeat(20));
        }
        log.close();
        assertThat(Files.readAllLines(file)).last().asString().startsWith("line 9");
        assertThat(file.resolveSibling("http-access.log.1")).exists();
        assertThat(file.resolveSibling("http-access.log.2")).exists();
        assertThat(file.resolveSibling("http-access.log.3")).doesNotExist();
        assertThat(log.dropped()).isZero();
    }

    @Test
    void combinedFormatEscapesWhatClientsSend() {
        AccessLogFormat format = new AccessLogFormat(ZoneOffset.ofHours(2));
        String line = format.combined("10.0.0.5", "PlcmSpIp", Instant.parse("2026-03-01T10:00:00Z"),
                "GET /prov/a\"b.cfg HTTP/1.1", 200, 2048, null, "UA\\with\u0001ctl");
        assertThat(line).isEqualTo("10.0.0.5 - PlcmSpIp [01/Mar/2026:12:00:00 +0200] \"GET /prov/a\\x22b.cfg HTTP/1.1\""
                + " 200 2048 \"-\" \"UA\\x5Cwith\\x01ctl\"");
        assertThat(format.combined("10.0.0.5", null, Instant.EPOCH, "HEAD / HTTP/1.0", 404, 0, "-", null))
                .endsWith("\"HEAD / HTTP/1.0\" 404 - \"-\" \"-\"").contains(" - - [");
    }
}

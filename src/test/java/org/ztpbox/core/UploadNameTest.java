package org.ztpbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"0004f2aa814c-phone.cfg", "0004F2AA814C-web.cfg", "logs/0004f2aa814c-app.log",
        "0004f2aa814c-boot.log", "contacts/0004f2aa814c-directory.xml", "0004f2aa814c-calls.xml"})
    void acceptsTheNamesPhonesUpload(String name) {
        UploadName upload = UploadName.parse(name).orElseThrow();

        assertThat(upload.mac()).isEqualTo(MacAddress.parse("0004f2aa814c"));
        assertThat(upload.fileName()).startsWith("0004f2aa814c-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0004f2aa814c.cfg", "000000000000-phone.cfg", "sip.ld", "0004f2aa814c-phone.cfg.bak",
        "x0004f2aa814c-phone.cfg", "0004f2aa814c-PHONE.sh", "000000000000.cfg"})
    void refusesEverythingElse(String name) {
        assertThat(UploadName.parse(name)).isEmpty();
    }

    @Test
    void knowsTheOverrideFiles() {
        assertThat(UploadName.parse("0004f2aa814c-phone.cfg").orElseThrow().isOverride()).isTrue();
        assertThat(UploadName.parse("0004f2aa814c-app.log").orElseThrow().isOverride()).isFalse();
    }
}

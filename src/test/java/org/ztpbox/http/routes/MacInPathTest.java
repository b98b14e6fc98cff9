package org.ztpbox.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ztpbox.core.MacAddress;

class MacInPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0004f2aa814c.cfg                 | 0004f2aa814c
            0004F2AA814C.cfg                 | 0004f2aa814c
            0004f2aa814c-phone.cfg           | 0004f2aa814c
            overrides/0004f2aa814c-web.cfg   | 0004f2aa814c
            0004f2aa814c/user.cfg            | 0004f2aa814c
            0004f2aa814c_extra.xml           | 0004f2aa814c
            000000000000.cfg                 | -
            000000000000-directory.xml       | -
            3111-44500-001.sip.ld            | -
            sip.ld                           | -
            0004f2aa814cd.cfg                | -
            SEP0004f2aa814c.cfg              | -
            0004f2aa814.cfg                  | -
            """)
    void findsThePhoneAFileBelongsTo(String name, String mac) {
        assertThat(MacInPath.of(name)).isEqualTo(mac == null ? null : MacAddress.parse(mac));
    }
}

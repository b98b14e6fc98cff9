package org.ztpbox.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /prov/000000000000.cfg                  | 000000000000.cfg
            /prov/logs/0004f2aa814c-app.log         | logs/0004f2aa814c-app.log
            /prov/a%20b.cfg?x=1                     | a b.cfg
            http://10.0.0.2/prov/sip.ld             | sip.ld
            HTTPS://host:8443/prov/x%2Fy.cfg        | x/y.cfg
            /prov/caf%C3%A9.cfg                     | café.cfg
            """)
    void resolvesNamesUnderThePrefix(String target, String name) {
        assertThat(RequestTarget.resolve(target, "/prov/")).isEqualTo(RequestTarget.Resolved.name(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /prov/../ztpbox.db            | 400
            /prov/%2e%2e/ztpbox.db        | 400
            /prov/a/%2E%2E%2F..%2Fetc     | 400
            /prov/a/./b.cfg               | 400
            /prov//b.cfg                  | 400
            /prov/a%5Cb.cfg               | 400
            /prov/a%00b.cfg               | 400
            /prov/a%zzb.cfg               | 400
            /prov/a%                      | 400
            /prov/%C3%28.cfg              | 400
            *                             | 400
            /etc/passwd                   | 404
            /../prov/x.cfg                | 404
            /prov/                        | 404
            /prov                         | 404
            http://host                   | 404
            """)
    void refusesEscapesAndOutsideTargets(String target, int status) {
        RequestTarget.Resolved resolved = RequestTarget.resolve(target, "/prov/");
        assertThat(resolved.ok()).isFalse();
        assertThat(resolved.status()).isEqualTo(status);
        assertThat(resolved.refusal()).isNotBlank();
    }

    @Test
    void rootPrefixServesEverythingBelowIt() {
        assertThat(RequestTarget.resolve("/000000000000.cfg", "/").name()).isEqualTo("000000000000.cfg");
    }

    @Test
    void servedPathFromTheProvisioningUrl() {
        assertThat(ServedPath.of("http://10.0.0.2/prov/")).isEqualTo("/prov/");
        assertThat(ServedPath.of("http://10.0.0.2:8080")).isEqualTo("/");
        assertThat(ServedPath.of("https://prov.example.com/cfg/site.cfg")).isEqualTo("/cfg/");
        assertThat(ServedPath.of("http://10.0.0.2/polycom%20uc/")).isEqualTo("/polycom uc/");
    }
}

package org.ztpbox.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthParamsTest {

    @Test
    void readsTokensAndQuotedStringsWithEscapesAndCommas() {
        Map<String, String> p = AuthParams.parse("username=\"Mu\\\"fa,sa\", realm=\"r\", nc=00000001 ,"
                + "QOP=auth, uri=\"/a,b\"").orElseThrow();
        assertThat(p).containsEntry("username", "Mu\"fa,sa").containsEntry("realm", "r")
                .containsEntry("nc", "00000001").containsEntry("qop", "auth").containsEntry("uri", "/a,b");
    }

    @Test
    void emptyListIsEmpty() {
        assertThat(AuthParams.parse("  ")).contains(Map.of());
    }

    @Test
    void refusesMalformedLists() {
        assertThat(AuthParams.parse("username=\"unterminated")).isEmpty();
        assertThat(AuthParams.parse("a=1, a=2")).isEmpty();
        assertThat(AuthParams.parse("=value")).isEmpty();
        assertThat(AuthParams.parse("name")).isEmpty();
        assertThat(AuthParams.parse("a=\"x\" b=2")).isEmpty();
        assertThat(AuthParams.parse("a=1,".repeat(40))).isEmpty();
    }
}

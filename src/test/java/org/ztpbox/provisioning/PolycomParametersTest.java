package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolycomParametersTest {

    private static Map<String, String> parse(String xml) {
        return PolycomParameters.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyAttributeOfEveryElementIsAParameterWhateverTheElementIsCalled() {
        Map<String, String> p = parse("<?xml version=\"1.0\"?>\n<PHONE_CONFIG><OVERRIDES device.set=\"1\""
                + " reg.1.auth.userId=\"2001\"/><x><reg reg.1.label=\"Front &amp; desk\"/></x></PHONE_CONFIG>");

        assertThat(p).containsExactly(Map.entry("device.set", "1"), Map.entry("reg.1.auth.userId", "2001"),
                Map.entry("reg.1.label", "Front & desk"));
    }

    @Test
    void theFirstOfTwoValuesWins() {
        assertThat(parse("<a p.x=\"1\"><b p.x=\"2\"/></a>")).containsExactly(Map.entry("p.x", "1"));
    }

    @Test
    void anEmptyOverrideHasNoParameters() {
        assertThat(PolycomParameters.parse(EmptyOverride.CONTENT)).isEmpty();
    }

    @Test
    void encryptedTruncatedAndHostileFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> parse("Crypt=1;KeyDesc=k;Digest=00\n\u0001\u0002"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> parse("<PHONE_CONFIG><OVERRIDES device.set=\"1\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable");
        // An external entity would read a file of the appliance into the "parameters" (XXE): refused outright.
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<a p=\"&x;\"/>")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
    }
}

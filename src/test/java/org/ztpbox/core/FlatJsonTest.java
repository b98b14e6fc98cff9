package org.ztpbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void roundTripsAwkwardStrings() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("quote", "say \"hi\"");
        in.put("path", "C:\\tmp\n\ttab");
        in.put("control", "\u0001\u001f");
        in.put("unicode", "Zürich");

        String json = FlatJson.write(in);

        assertThat(json).startsWith("{\"quote\":\"say \\\"hi\\\"\"");
        assertThat(FlatJson.read(json)).isEqualTo(in);
    }
}

package org.ztpbox.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ztpbox.http.routes.ByteRange.Outcome;
import org.ztpbox.http.routes.ByteRange.Part;
import org.ztpbox.http.routes.ByteRange.Unsatisfiable;
import org.ztpbox.http.routes.ByteRange.Whole;

/** RFC 9110 §14.1.2 range-specs against a 1000-byte representation. */
class ByteRangeTest {

    private static Outcome of(String header) {
        return ByteRange.evaluate(header, 1000);
    }

    @Test
    void singleRanges() {
        assertThat(of("bytes=0-499")).isEqualTo(new Part(new ByteRange(0, 499)));
        assertThat(of("bytes=500-")).isEqualTo(new Part(new ByteRange(500, 999)));
        assertThat(of("bytes=-200")).isEqualTo(new Part(new ByteRange(800, 999)));
        assertThat(of("bytes=900-5000")).isEqualTo(new Part(new ByteRange(900, 999)));
        assertThat(of("bytes=-5000")).isEqualTo(new Part(new ByteRange(0, 999)));
        assertThat(of("BYTES = 0-0".replace(" = ", "="))).isEqualTo(new Part(new ByteRange(0, 0)));
        assertThat(new ByteRange(900, 999).contentRange(1000)).isEqualTo("bytes 900-999/1000");
        assertThat(new ByteRange(900, 999).length()).isEqualTo(100);
    }

    @Test
    void unsatisfiable() {
        assertThat(of("bytes=1000-")).isInstanceOf(Unsatisfiable.class);
        assertThat(of("bytes=1000-2000")).isInstanceOf(Unsatisfiable.class);
        assertThat(of("bytes=-0")).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRange.evaluate("bytes=-10", 0)).isInstanceOf(Unsatisfiable.class);
        assertThat(ByteRange.evaluate("bytes=0-", 0)).isInstanceOf(Unsatisfiable.class);
    }

    @Test
    void ignoredWholeFile() {
        assertThat(of(null)).isInstanceOf(Whole.class);
        assertThat(of("bytes=0-1,5-6")).isInstanceOf(Whole.class); // several ranges: served whole
        assertThat(of("items=0-1")).isInstanceOf(Whole.class);
        assertThat(of("bytes=5-1")).isInstanceOf(Whole.class);
        assertThat(of("bytes=-")).isInstanceOf(Whole.class);
        assertThat(of("bytes=a-1")).isInstanceOf(Whole.class);
        assertThat(of("bytes=1-b")).isInstanceOf(Whole.class);
        assertThat(of("bytes=99999999999999999999-")).isInstanceOf(Whole.class);
        assertThat(of("bytes=10")).isInstanceOf(Whole.class);
    }
}

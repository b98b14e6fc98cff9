package org.ztpbox.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeaseRecordTest {

    @Test
    void readsTheLeasesCommandJsonOutput() {
        String json = """
                [
                  {"address":"10.231.0.100","mac":"00:04:f2:aa:81:4c","state":"BOUND","starts":"2026-11-22T07:42:10.622Z","expires":"2026-11-22T07:52:10Z","hostname":"desk \\"7\\""},
                  {"address":"10.231.0.101","mac":"00:0c:01:02:03:05","state":"EXPIRED","starts":"2026-11-22T07:42:10.743Z","expires":"2026-11-22T07:52:10Z"}
                ]
                """;

        assertThat(LeaseRecord.parseJsonArray(json)).containsExactly(
                new LeaseRecord("10.231.0.100", "00:04:f2:aa:81:4c", "BOUND", "2026-11-22T07:42:10.622Z",
                        "2026-11-22T07:52:10Z", "desk \"7\""),
                new LeaseRecord("10.231.0.101", "00:0c:01:02:03:05", "EXPIRED", "2026-11-22T07:42:10.743Z",
                        "2026-11-22T07:52:10Z", null));
    }

    @Test
    void emptyStoreIsAnEmptyArray() {
        assertThat(LeaseRecord.parseJsonArray("[]\n")).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotAnArray() {
        assertThatThrownBy(() -> LeaseRecord.parseJsonArray("ADDRESS  MAC\n0 leases"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

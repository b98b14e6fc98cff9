package org.ztpbox.provisioning.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.provisioning.firmware.FirmwareStatus.State;
import org.ztpbox.provisioning.records.PhoneOverview;

class FirmwareStatusTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** A shelf holding one VVX 410 image of the given version. */
    private static FirmwareShelf shelf(String version) {
        FirmwareImage image = new FirmwareImage("3111-46162-001.sip.ld", "3111-46162-001", List.of("VVX410"), version,
                10, Path.of("3111-46162-001.sip.ld"));
        return new FirmwareShelf() {
            @Override
            public List<FirmwareImage> images() {
                return List.of(image);
            }

            @Override
            public Optional<FirmwareImage> imageFor(String model) {
                return "VVX410".equals(model) ? Optional.of(image) : Optional.empty();
            }

            @Override
            public long generation() {
                return 1;
            }
        };
    }

    private static PhoneOverview seen(String model, String firmware) {
        return new PhoneOverview(MAC, null, new PhoneRecord(MAC, model, null, firmware, null, "application", null, T0,
                T0, "http", null, null));
    }

    private static PhoneOverview declared(String model) {
        return new PhoneOverview(MAC, new Phone(MAC, model, "", "", "", "", "", "", "", Map.of()), null);
    }

    @Test
    void comparesWhatThePhoneRunsWithItsModelsImage() {
        assertThat(FirmwareStatus.of(seen("VVX410", "6.4.0.1"), shelf("6.4.0.1")).state()).isEqualTo(State.UP_TO_DATE);
        assertThat(FirmwareStatus.of(seen("VVX410", "5.9.5.0614"), shelf("6.4.0.1")).state())
                .isEqualTo(State.WILL_UPDATE);
        assertThat(FirmwareStatus.of(seen("VVX410", "5.9.5.0614"), shelf(null)).state())
                .isEqualTo(State.VERSION_UNKNOWN);
        assertThat(FirmwareStatus.of(declared("VVX410"), shelf("6.4.0.1")).state()).as("never seen")
                .isEqualTo(State.VERSION_UNKNOWN);
    }

    @Test
    void flagsAModelWithoutImageAndAPhoneOfUnknownModel() {
        assertThat(FirmwareStatus.of(seen("VVX300", "5.9.5.0614"), shelf("6.4.0.1")).state()).isEqualTo(State.NO_IMAGE);
        assertThat(FirmwareStatus.of(declared("Grandstream X"), shelf("6.4.0.1")).state())
                .isEqualTo(State.MODEL_UNKNOWN);
        assertThat(FirmwareStatus.of(seen(null, "5.9.5.0614"), shelf("6.4.0.1")).state())
                .isEqualTo(State.MODEL_UNKNOWN);
    }

    @Test
    void theReportedModelWinsOverTheDeclaredOne() {
        Phone declaredAs300 = new Phone(MAC, "VVX300", "", "", "", "", "", "", "", Map.of());
        PhoneOverview phone = new PhoneOverview(MAC, declaredAs300, seen("VVX410", "6.4.0.1").observed());

        assertThat(phone.model()).isEqualTo("VVX410");
        assertThat(FirmwareStatus.of(phone, shelf("6.4.0.1")).state()).isEqualTo(State.UP_TO_DATE);
    }
}

package org.ztpbox.provisioning.firmware;

import java.util.Objects;
import java.util.Optional;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.PhoneModels;
import org.ztpbox.provisioning.records.PhoneOverview;

/**
 * Where a phone stands with the firmware on the shelf: which image its model gets and whether it
 * already runs that version.
 *
 * @param image   the image its model is pointed at, or null
 * @param running the application version it last reported, or null
 */
public record FirmwareStatus(PhoneOverview phone, FirmwareImage image, String running, State state) {

    /** The verdicts, each with what the admin reads. */
    public enum State {
        UP_TO_DATE("runs the image's version"),
        WILL_UPDATE("runs another version than the image; updates at its next boot"),
        VERSION_UNKNOWN("the image's or the phone's version is unknown"),
        NO_IMAGE("no image for this model on the shelf"),
        MODEL_UNKNOWN("model unknown: neither reported nor in the inventory");

        private final String meaning;

        State(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    public static FirmwareStatus of(PhoneOverview phone, FirmwareShelf shelf) {
        String running = phone.observed() == null ? null : phone.observed().firmware();
        String model = phone.model();
        if (model == null || PhoneModels.canonical(model).isEmpty()) {
            return new FirmwareStatus(phone, null, running, State.MODEL_UNKNOWN);
        }
        Optional<FirmwareImage> image = shelf.imageFor(model);
        if (image.isEmpty()) {
            return new FirmwareStatus(phone, null, running, State.NO_IMAGE);
        }
        String version = image.get().version();
        State state = version == null || running == null ? State.VERSION_UNKNOWN
                : Objects.equals(version, running) ? State.UP_TO_DATE : State.WILL_UPDATE;
        return new FirmwareStatus(phone, image.get(), running, state);
    }
}

package org.ztpbox.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.provisioning.firmware.FirmwareDirectory;
import org.ztpbox.provisioning.firmware.FirmwareStatus;
import org.ztpbox.provisioning.records.PhoneOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox firmware}: the images in the firmware directory, which phone runs what, and the
 * models that have no image.
 */
@Command(name = "firmware", mixinStandardHelpOptions = true,
        description = "List the firmware images in the firmware directory (provisioning.firmware-dir), the version"
                + " each phone runs against its model's image, and the phones whose model has no image.")
public final class FirmwareCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    public FirmwareCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        ZtpboxConfig c = config.load();
        FirmwareDirectory shelf = new FirmwareDirectory(c.firmwareDirectory(), java.time.Clock.systemUTC(),
                FirmwareDirectory.DEFAULT_SETTLE);
        shelf.rescan();
        List<FirmwareStatus> phones = PhonesCommand.overview(runtime, c).stream()
                .map(p -> FirmwareStatus.of(p, shelf)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, shelf, phones);
        } else {
            printTables(out, shelf, phones);
        }
        out.flush();
        return 0;
    }

    private static Map<String, String> imageRow(FirmwareImage image) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("file", image.fileName());
        r.put("part_number", image.partNumber());
        r.put("models", image.partNumber() == null ? "all" : String.join(" ", image.models()));
        r.put("version", image.version());
        r.put("size", Long.toString(image.size()));
        return r;
    }

    private static Map<String, String> phoneRow(FirmwareStatus s) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("mac", s.phone().mac().toString());
        r.put("status", s.phone().status());
        r.put("model", s.phone().model());
        r.put("running", s.running());
        r.put("image", s.image() == null ? null : s.image().fileName());
        r.put("image_version", s.image() == null ? null : s.image().version());
        r.put("firmware", s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return r;
    }

    private static void printJson(PrintWriter out, FirmwareDirectory shelf, List<FirmwareStatus> phones) {
        StringBuilder json = new StringBuilder("{\"directory\": ");
        org.ztpbox.core.FlatJson.quote(json, shelf.directory().toString());
        json.append(",\n\"images\": ").append(JsonListing.array(shelf.images().stream()
                .map(FirmwareCommand::imageRow).toList()));
        json.append(",\n\"phones\": ").append(JsonListing.array(phones.stream().map(FirmwareCommand::phoneRow)
                .toList()));
        json.append(",\n\"pending\": ").append(JsonListing.strings(shelf.pending()));
        json.append(",\n\"ignored\": ").append(JsonListing.strings(shelf.ignored())).append("}");
        out.println(json);
    }

    private static void printTables(PrintWriter out, FirmwareDirectory shelf, List<FirmwareStatus> phones) {
        out.printf("Firmware directory %s%n", shelf.directory());
        TextTable images = new TextTable("FILE", "PART NUMBER", "MODEL", "VERSION", "SIZE");
        for (FirmwareImage image : shelf.images()) {
            Map<String, String> r = imageRow(image);
            images.row(r.get("file"), r.get("part_number"), r.get("models").isEmpty() ? "unknown" : r.get("models"),
                    r.get("version"), r.get("size"));
        }
        images.print(out);
        out.printf("%d image%s%n", shelf.images().size(), shelf.images().size() == 1 ? "" : "s");
        if (!shelf.pending().isEmpty()) {
            out.printf("still being copied (used once unchanged for %d s): %s%n",
                    FirmwareDirectory.DEFAULT_SETTLE.toSeconds(), String.join(", ", shelf.pending()));
        }
        if (!shelf.ignored().isEmpty()) {
            out.printf("not firmware images phones ask for (ignored): %s%n", String.join(", ", shelf.ignored()));
        }
        out.println();
        TextTable table = new TextTable("PHONE", "STATUS", "MODEL", "RUNNING", "IMAGE", "FIRMWARE");
        Map<String, Integer> withoutImage = new TreeMap<>();
        for (FirmwareStatus s : phones) {
            Map<String, String> r = phoneRow(s);
            table.row(r.get("mac"), r.get("status"), r.get("model"), r.get("running"), r.get("image"),
                    s.state().meaning());
            if (s.state() == FirmwareStatus.State.NO_IMAGE) {
                withoutImage.merge(s.phone().model(), 1, Integer::sum);
            }
        }
        table.print(out);
        withoutImage.forEach((model, count) -> out.printf("no image for %s (%d phone%s): drop its"
                + " <part-number>.sip.ld or a combined sip.ld into the firmware directory%n", model, count,
                count == 1 ? "" : "s"));
    }
}

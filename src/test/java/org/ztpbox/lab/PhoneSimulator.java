package org.ztpbox.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ztpbox.core.MacAddress;

/**
 * Boots like a Poly phone as far as files go (polycom-provisioning.md §0 item 2 and §3.2): asks for
 * {@code <mac>.cfg} and {@code 000000000000.cfg}, then for every file of the master's
 * {@code CONFIG_FILES} (the phone's own master when it has one), in order, through a real client:
 * tftp-hpa's {@code tftp} or curl. Each command runs through the given runner, on the host or in a
 * lab namespace.
 */
public final class PhoneSimulator {

    /** The User-Agent of a VVX 410 on UC 5.9 with "Tag SN to UA", naming {@code mac}. */
    public static String userAgent(MacAddress mac) {
        return "FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 (SN:" + mac.compact() + ") Type/Application";
    }

    /** What the phone got: every file it asked for, in order, with its bytes, or empty for a miss. */
    public record Boot(Map<String, Optional<byte[]>> files, List<String> configFiles) {

        public Optional<byte[]> file(String name) {
            return files.getOrDefault(name, Optional.empty());
        }
    }

    /** Fetches one file; empty when the server answered "not found". */
    public interface Client {
        Optional<byte[]> get(String name);
    }

    private PhoneSimulator() {
    }

    public static Boot boot(MacAddress mac, Client client) {
        Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
        String own = mac.compact() + ".cfg";
        files.put(own, client.get(own));
        files.put("000000000000.cfg", client.get("000000000000.cfg"));
        byte[] master = files.get(own).or(() -> files.get("000000000000.cfg"))
                .orElseThrow(() -> new AssertionError("neither " + own + " nor 000000000000.cfg was served"));
        List<String> configFiles = configFiles(master);
        for (String name : configFiles) {
            files.put(name, client.get(name));
        }
        return new Boot(files, configFiles);
    }

    /**
     * Fails unless both boots asked for the same files and got the same answers, byte for byte, and
     * every file of {@code CONFIG_FILES} was served.
     */
    public static void assertSameFiles(Boot tftp, Boot http) {
        assertThat(http.files().keySet()).containsExactlyElementsOf(tftp.files().keySet());
        for (Map.Entry<String, Optional<byte[]>> file : tftp.files().entrySet()) {
            Optional<byte[]> other = http.files().get(file.getKey());
            assertThat(other.isPresent()).as("%s found over HTTP as over TFTP", file.getKey())
                    .isEqualTo(file.getValue().isPresent());
            file.getValue().ifPresent(bytes -> assertThat(other.get()).as(file.getKey()).isEqualTo(bytes));
        }
        for (String name : tftp.configFiles()) {
            assertThat(tftp.file(name)).as("%s of CONFIG_FILES served", name).isPresent();
        }
    }

    static List<String> configFiles(byte[] master) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            String list = factory.newDocumentBuilder().parse(new ByteArrayInputStream(master)).getDocumentElement()
                    .getAttribute("CONFIG_FILES");
            List<String> names = new ArrayList<>();
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            return names;
        } catch (Exception e) {
            throw new AssertionError("the master file is not XML: " + e.getMessage(), e);
        }
    }

    /** tftp-hpa in octet mode; "not found" when it reports an error and leaves no file. */
    public static Client tftp(String host, int port, Path work, Function<List<String>, CommandResult> runner) {
        return name -> {
            Path local = work.resolve("tftp-" + name.replace('/', '_'));
            deleteIfExists(local);
            CommandResult result = runner.apply(TftpClients.tftpHpa(host, port, "octet", "get", name,
                    local.toString()));
            String said = result.stdout() + result.stderr();
            if (said.contains("Error code 1") || said.contains("File not found")) {
                return Optional.empty();
            }
            if (!result.succeeded() || said.contains("Error") || !Files.exists(local)) {
                throw new AssertionError("tftp get " + name + " failed: " + result.describe());
            }
            return Optional.of(read(local));
        };
    }

    /** curl over HTTP with the phone's User-Agent; "not found" for a 404. */
    public static Client http(String baseUrl, MacAddress mac, Path work,
                              Function<List<String>, CommandResult> runner) {
        return name -> {
            Path local = work.resolve("http-" + name.replace('/', '_'));
            deleteIfExists(local);
            CommandResult result = runner.apply(List.of(Tools.path("curl"), "-sS", "--max-time", "20", "-A",
                    userAgent(mac), "-o", local.toString(), "-w", "%{http_code}", baseUrl + name));
            String status = result.stdout().strip();
            if (status.equals("404")) {
                return Optional.empty();
            }
            if (!status.equals("200")) {
                throw new AssertionError("GET " + name + " answered " + status + ": " + result.describe());
            }
            return Optional.of(read(local));
        };
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.ztpbox.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.ztpbox.core.Ipv4Address;

/**
 * Reads and validates {@code ztpbox.yaml}. Every problem is reported with its dotted key and line;
 * nothing half-valid is ever returned.
 */
public final class ConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("network", "dhcp", "provisioning", "tftp", "http",
            "state-dir", "store", "doctor");

    private ConfigLoader() {
    }

    /** The embedded defaults: what {@code ztpbox run} uses without {@code --config}. */
    public static ZtpboxConfig defaults() {
        return parse("(embedded defaults)", "");
    }

    public static ZtpboxConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), java.util.List.of(
                    new ConfigException.ConfigProblem("(file)", 0, "cannot read: " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    public static ZtpboxConfig parse(String source, String yaml) {
        Problems problems = new Problems();
        Node root = compose(source, yaml, problems);
        YamlSection top = YamlSection.of("", root, problems);

        YamlSection net = top.section("network");
        NetworkConfig network = new NetworkConfig(net.string("interface").orElse(null),
                net.value("address", Ipv4Address::parse).orElse(null));
        net.finish(Set.of("interface", "address"));

        DhcpConfig dhcp = new DhcpConfigReader(problems).read(top.section("dhcp"), network);

        YamlSection prov = top.section("provisioning");
        URI url = prov.value("url", ConfigLoader::provisioningUrl).orElse(null);
        RenderingConfig rendering = RenderingConfigReader.read(prov, dhcp.ntp());
        Path firmwareDir = prov.value("firmware-dir", ConfigLoader::directory)
                .orElse(ProvisioningConfig.DEFAULT_FIRMWARE_DIR);
        ProvisioningConfig provisioning = new ProvisioningConfig(url, rendering, EncryptionConfigReader.read(prov),
                firmwareDir);
        prov.finish(union(union(Set.of("url", "firmware-dir"), RenderingConfigReader.KEYS),
                EncryptionConfigReader.KEYS));

        TftpConfig tftp = TftpConfigReader.read(top.section("tftp"));
        HttpConfig http = new HttpConfigReader(problems).read(top.section("http"));

        Path stateDir = top.value("state-dir", text -> Path.of(text.trim())).orElse(Path.of("/var/lib/ztpbox"));

        YamlSection storeSection = top.section("store");
        StoreConfig store = new StoreConfig(storeSection.duration("event-retention", Duration.ofHours(1))
                .orElse(Duration.ofDays(30)));
        storeSection.finish(Set.of("event-retention"));

        DoctorConfig doctor = DoctorConfigReader.read(top.section("doctor"));

        top.finish(TOP_KEYS);
        problems.throwIfAny(source);
        return new ZtpboxConfig(network, dhcp, provisioning, tftp, http, stateDir, store, doctor);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Node compose(String source, String yaml, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // YamlSection reports duplicates itself, with both lines
        options.setMaxAliasesForCollections(10);
        try (Reader reader = new StringReader(yaml)) {
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add("(syntax)", line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            problems.add("(syntax)", 0, "not valid YAML: " + e.getMessage());
        }
        problems.throwIfAny(source);
        return null;
    }

    static Path directory(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("expected a directory path, found nothing");
        }
        try {
            return Path.of(text.trim());
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("not a path: '" + text + "'");
        }
    }

    /** A provisioning URL as phones accept it: a scheme they speak, a host, at most 255 characters. */
    static URI provisioningUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https", "tftp", "ftp").contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected a URL such as http://192.168.1.2/prov/ (schemes http,"
                    + " https, tftp, ftp), found '" + text + "'");
        }
        if (text.trim().length() > 255) {
            throw new IllegalArgumentException("phones accept at most 255 characters, this URL has "
                    + text.trim().length());
        }
        return uri;
    }
}

package org.ztpbox.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ztpbox configuration a test runs with, written as the YAML an admin would write. Immutable;
 * each {@code with...} returns a changed copy, so a test states only what matters to it.
 */
public final class ZtpboxYaml {

    /** An entry of {@code dhcp.options}. */
    public record ExtraOption(int code, String type, String value) {
    }

    private final String mode;
    private final String subnet;
    private final String pool;
    private final String leaseTime;
    private final long rateLimit;
    private final String provisioningUrl;
    private final List<ExtraOption> options;
    private final Map<String, String> tftp;
    private final Map<String, String> provisioning;
    private final Map<String, String> doctor;
    private final Map<String, String> http;

    private ZtpboxYaml(String mode, String subnet, String pool, String leaseTime, long rateLimit,
                       String provisioningUrl, List<ExtraOption> options, Map<String, String> tftp,
                       Map<String, String> provisioning, Map<String, String> doctor, Map<String, String> http) {
        this.mode = mode;
        this.subnet = subnet;
        this.pool = pool;
        this.leaseTime = leaseTime;
        this.rateLimit = rateLimit;
        this.provisioningUrl = provisioningUrl;
        this.options = List.copyOf(options);
        this.tftp = new LinkedHashMap<>(tftp);
        this.provisioning = new LinkedHashMap<>(provisioning);
        this.doctor = new LinkedHashMap<>(doctor);
        this.http = new LinkedHashMap<>(http);
    }

    /**
     * Serve mode; the rate limit is high because perfdhcp sends from many MACs quickly, and without a
     * provisioning URL (ztpbox then derives one) until {@link #withProvisioningUrl} sets it.
     */
    public static ZtpboxYaml serve(String subnet, String pool) {
        return new ZtpboxYaml("serve", subnet, pool, "10m", 1_000_000, null, List.of(), Map.of(), Map.of(), Map.of(),
                Map.of());
    }

    public ZtpboxYaml withMode(String newMode) {
        return new ZtpboxYaml(newMode, subnet, pool, leaseTime, rateLimit, provisioningUrl, options, tftp,
                provisioning, doctor, http);
    }

    public ZtpboxYaml withLeaseTime(String newLeaseTime) {
        return new ZtpboxYaml(mode, subnet, pool, newLeaseTime, rateLimit, provisioningUrl, options, tftp,
                provisioning, doctor, http);
    }

    public ZtpboxYaml withProvisioningUrl(String url) {
        return new ZtpboxYaml(mode, subnet, pool, leaseTime, rateLimit, url, options, tftp, provisioning, doctor, http);
    }

    public ZtpboxYaml withOption(int code, String type, String value) {
        List<ExtraOption> more = new ArrayList<>(options);
        more.add(new ExtraOption(code, type, value));
        return new ZtpboxYaml(mode, subnet, pool, leaseTime, rateLimit, provisioningUrl, more, tftp, provisioning,
                doctor, http);
    }

    /** One key of the {@code tftp} section, e.g. {@code timeout} and {@code 100ms}. */
    public ZtpboxYaml withTftp(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tftp);
        more.put(key, value);
        return new ZtpboxYaml(mode, subnet, pool, leaseTime, rateLimit, provisioningUrl, options, more, provisioning,
                doctor, http);
    }

    /** One key of the {@code provisioning} section besides the URL, e.g. {@code encryption} and {@code on}. */
    public ZtpboxYaml withProvisioning(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(provisioning);
        more.put(key, value);
        return new ZtpboxYaml(mode, subnet, pool, leaseTime, rateLimit, provisioningUrl, options, tftp, more, doctor,
                http);
    }

    /**
     * The {@code doctor} section: how often the running appliance probes the LAN ({@code off} for
     * never; tests that run {@code ztpbox doctor} themselves keep the appliance's probe quiet) and
     * how long each probe listens.
     */
    public ZtpboxYaml withDoctor(String probeInterval, String probeWait) {
        Map<String, String> more = new LinkedHashMap<>(doctor);
        more.put("probe-interval", probeInterval);
        more.put("probe-wait", probeWait);
        return new ZtpboxYaml(mode, subnet, pool, leaseTime, rateLimit, provisioningUrl, options, tftp, provisioning,
                more, http);
    }

    /** One key of the {@code http} section, e.g. {@code auth} and a flow mapping such as {@code {mode: basic, ...}}. */
    public ZtpboxYaml withHttp(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(http);
        more.put(key, value);
        return new ZtpboxYaml(mode, subnet, pool, leaseTime, rateLimit, provisioningUrl, options, tftp, provisioning,
                doctor, more);
    }

    public String provisioningUrl() {
        return provisioningUrl;
    }

    public String render(NetnsLab lab, Path stateDir) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("network:\n")
                .append("  interface: ").append(lab.serverInterface()).append('\n')
                .append("  address: ").append(lab.serverAddress()).append('\n')
                .append("dhcp:\n")
                .append("  mode: ").append(mode).append('\n')
                .append("  subnet: ").append(subnet).append('\n')
                .append("  pool: ").append(pool).append('\n')
                .append("  router: ").append(lab.serverAddress()).append('\n')
                .append("  dns: [").append(lab.serverAddress()).append("]\n")
                .append("  lease-time: ").append(leaseTime).append('\n')
                .append("  rate-limit: ").append(rateLimit).append('\n');
        if (!options.isEmpty()) {
            yaml.append("  options:\n");
            for (ExtraOption option : options) {
                yaml.append("    - code: ").append(option.code()).append('\n')
                        .append("      type: ").append(option.type()).append('\n')
                        .append("      value: \"").append(option.value()).append("\"\n");
            }
        }
        if (provisioningUrl != null || !provisioning.isEmpty()) {
            yaml.append("provisioning:\n");
            if (provisioningUrl != null) {
                yaml.append("  url: \"").append(provisioningUrl).append("\"\n");
            }
            provisioning.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(value).append('\n'));
        }
        if (!tftp.isEmpty()) {
            yaml.append("tftp:\n");
            tftp.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(value).append('\n'));
        }
        if (!doctor.isEmpty()) {
            yaml.append("doctor:\n");
            doctor.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(value).append('\n'));
        }
        if (!http.isEmpty()) {
            yaml.append("http:\n");
            http.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(value).append('\n'));
        }
        yaml.append("state-dir: ").append(stateDir).append('\n');
        return yaml.toString();
    }
}

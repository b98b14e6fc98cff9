package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.ConfigException.ConfigProblem;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

class ConfigLoaderTest {

    private static ConfigProblem onlyProblem(String yaml) {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.parse("ztpbox.yaml", yaml));
        assertThat(e).as("the config should be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void theEmbeddedDefaultsWatchAndServeNobody() {
        ZtpboxConfig c = ConfigLoader.defaults();

        assertThat(c.dhcp().mode()).isEqualTo(DhcpMode.WATCH);
        assertThat(c.dhcp().port()).isEqualTo(67);
        assertThat(c.dhcp().leaseTime()).isEqualTo(Duration.ofHours(1));
        assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/ztpbox"));
        assertThat(c.dhcp().classes()).extracting(ClientClassConfig::name).containsExactly("polycom");
    }

    @Test
    void theShippedTemplateIsValid() throws Exception {
        Path template = Path.of("conf/ztpbox.yaml");
        assertThat(template).exists();

        ZtpboxConfig c = ConfigLoader.load(template);

        assertThat(c.dhcp().mode()).isEqualTo(DhcpMode.WATCH);
        assertThat(Files.readString(template)).contains("mode: watch", "phones-only", "reservations:", "classes:");
    }

    @Test
    void readsEveryPublicKey() {
        ZtpboxConfig c = ConfigLoader.parse("t", """
                network:
                  interface: eth1
                  address: 10.1.0.2
                dhcp:
                  mode: phones-only
                  port: 6767
                  subnet: 10.1.0.0/24
                  pool: [10.1.0.100-10.1.0.150, 10.1.0.160-10.1.0.170]
                  router: 10.1.0.1
                  dns: [10.1.0.1, 10.1.0.2]
                  ntp: 10.1.0.3
                  domain: lan
                  lease-time: 12h
                  reservations:
                    - {mac: 00-04-F2-AA-81-4C, address: 10.1.0.20, hostname: desk}
                  options:
                    - {code: 150, type: ips, value: [10.1.0.2]}
                    - {code: 2, type: uint32, value: 3600, always-send: true}
                provisioning:
                  url: https://10.1.0.2/prov/
                tftp: {port: 6969}
                http: {port: 8080}
                state-dir: /tmp/zb
                """);

        assertThat(c.network().interfaceName()).isEqualTo("eth1");
        assertThat(c.dhcp().mode()).isEqualTo(DhcpMode.PHONES_ONLY);
        assertThat(c.dhcp().pool()).hasSize(2);
        assertThat(c.dhcp().ntp()).containsExactly(Ipv4Address.parse("10.1.0.3"));
        assertThat(c.dhcp().leaseTime()).isEqualTo(Duration.ofHours(12));
        assertThat(c.dhcp().reservations().get(0).mac()).isEqualTo(MacAddress.parse("0004f2aa814c"));
        assertThat(c.dhcp().options().get(1).value()).containsExactly(0, 0, 0x0E, 0x10);
        assertThat(c.provisioning().url()).hasToString("https://10.1.0.2/prov/");
        assertThat(c.tftp().port()).isEqualTo(6969);
        assertThat(c.http().port()).isEqualTo(8080);
    }

    @Test
    void refusesAnUnknownKeyWithItsLineAndASuggestion() {
        ConfigProblem p = onlyProblem("dhcp:\n  mode: serve\n  subnet: 10.0.0.0/24\n  pool: 10.0.0.5-10.0.0.9\n"
                + "  lease-tme: 1h\n");

        assertThat(p.key()).isEqualTo("dhcp.lease-tme");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).contains("unknown key", "lease-time");
    }

    @Test
    void refusesAWrongTypeWithItsLine() {
        ConfigProblem p = onlyProblem("dhcp:\n  port: sixty-seven\n");

        assertThat(p).isEqualTo(new ConfigProblem("dhcp.port", 2, "expected a whole number, found 'sixty-seven'"));
    }

    @Test
    void refusesAPoolOutsideTheSubnet() {
        ConfigProblem p = onlyProblem("dhcp:\n  mode: serve\n  subnet: 192.168.1.0/24\n  pool: 192.168.2.10-192.168.2.20\n");

        assertThat(p.key()).isEqualTo("dhcp.pool");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("outside dhcp.subnet 192.168.1.0/24");
    }

    @Test
    void refusesOverlappingReservationsNamingBothLines() {
        ConfigProblem p = onlyProblem("""
                dhcp:
                  subnet: 10.0.0.0/24
                  reservations:
                    - mac: 00:04:f2:00:00:01
                      address: 10.0.0.20
                    - mac: 00:04:f2:00:00:02
                      address: 10.0.0.20
                """);

        assertThat(p.key()).isEqualTo("dhcp.reservations[1].address");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).contains("overlapping reservation", "line 5");
    }

    @Test
    void refusesOverlappingPools() {
        ConfigProblem p = onlyProblem("""
                dhcp:
                  subnet: 10.0.0.0/24
                  pool: 10.0.0.100-10.0.0.150
                  classes:
                    - name: phones
                      match: {oui: [00:04:f2]}
                      pool: 10.0.0.140-10.0.0.160
                """);

        assertThat(p.message()).contains("overlaps");
    }

    @Test
    void requiresASubnetAndPoolToServe() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("t", "dhcp:\n  mode: serve\n"));

        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("dhcp.subnet", "dhcp.pool");
        assertThat(e.problems()).allMatch(p -> p.line() == 2);
    }

    @Test
    void refusesServerOwnedOptionsAndBadValues() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("t", """
                        dhcp:
                          options:
                            - {code: 54, type: ip, value: 10.0.0.1}
                            - {code: 150, type: ip, value: 10.0.0.300}
                            - {code: 151, type: uint8, value: 256}
                        """));

        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(3, 4, 5);
        assertThat(e.getMessage()).contains("set by the server", "not an IPv4 address", "between 0 and 255");
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("ztpbox.yaml", "bogus: 1\ndhcp:\n  port: x\n  mode: sometimes\n"));

        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 3, 4);
        assertThat(e.getMessage()).startsWith("ztpbox.yaml: 3 problems");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        ConfigProblem p = onlyProblem("dhcp:\n  mode: serve\n   port: [67\n");

        assertThat(p.line()).isGreaterThan(1);
        assertThat(p.message()).startsWith("not valid YAML");
    }

    @Test
    void refusesDuplicateKeys() {
        ConfigProblem p = onlyProblem("dhcp:\n  port: 67\n  port: 68\n");

        assertThat(p.key()).isEqualTo("dhcp.port");
        assertThat(p.message()).contains("duplicate", "line 2");
    }

    @Test
    void theFirmwareDirectoryDefaultsToTheStateDirectoryAndARelativeOneIsUnderIt() {
        assertThat(ConfigLoader.parse("t", "state-dir: /srv/zb\n").firmwareDirectory())
                .isEqualTo(java.nio.file.Path.of("/srv/zb/firmware"));
        assertThat(ConfigLoader.parse("t", "state-dir: /srv/zb\nprovisioning:\n  firmware-dir: images\n")
                .firmwareDirectory()).isEqualTo(java.nio.file.Path.of("/srv/zb/images"));
        assertThat(ConfigLoader.parse("t", "state-dir: /srv/zb\nprovisioning:\n  firmware-dir: /opt/poly\n")
                .firmwareDirectory()).isEqualTo(java.nio.file.Path.of("/opt/poly"));
    }

    @Test
    void refusesAProvisioningUrlPhonesCannotUse() {
        assertThatThrownBy(() -> ConfigLoader.parse("t", "provisioning:\n  url: gopher://x/\n"))
                .hasMessageContaining("provisioning.url").hasMessageContaining("line 2");
    }
}

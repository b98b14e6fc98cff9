package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address forms of polycom-provisioning.md §2. */
class ProvisioningAddressTest {

    @Test
    void aBareIpHasNoSchemeAndTheRootDirectory() {
        ProvisioningAddress a = ProvisioningAddress.parse("192.0.2.10");

        assertThat(a.scheme()).isNull();
        assertThat(a.host()).isEqualTo("192.0.2.10");
        assertThat(a.directory()).isEqualTo("/");
        assertThat(a.effectivePort()).isEqualTo(-1);
        assertThat(a.usable()).isTrue();
    }

    @Test
    void aBareHostNameIsLowerCased() {
        assertThat(ProvisioningAddress.parse("Old-PBX.example.com").host()).isEqualTo("old-pbx.example.com");
    }

    @Test
    void aTftpUrl() {
        ProvisioningAddress a = ProvisioningAddress.parse("tftp://192.0.2.10");

        assertThat(a.scheme()).isEqualTo("tftp");
        assertThat(a.directory()).isEqualTo("/");
        assertThat(a.effectivePort()).isEqualTo(69);
    }

    @Test
    void anHttpsUrlWithCredentialsPortAndPath() {
        ProvisioningAddress a = ProvisioningAddress.parse("https://usr:pwd@Prov.Example.com:8443/acme/phones");

        assertThat(a.scheme()).isEqualTo("https");
        assertThat(a.user()).isEqualTo("usr");
        assertThat(a.hasPassword()).isTrue();
        assertThat(a.host()).isEqualTo("prov.example.com");
        assertThat(a.effectivePort()).isEqualTo(8443);
        assertThat(a.directory()).isEqualTo("/acme/phones/");
        assertThat(a.masterFile()).isNull();
        assertThat(a.toString()).isEqualTo("https://usr:****@Prov.Example.com:8443/acme/phones").doesNotContain("pwd");
        assertThat(a.raw()).contains("pwd");
    }

    @Test
    void aTrailingCfgFileNamesTheMasterFile() {
        ProvisioningAddress a = ProvisioningAddress.parse("http://10.0.0.5/prov/000000000000.cfg");

        assertThat(a.directory()).isEqualTo("/prov/");
        assertThat(a.masterFile()).isEqualTo("000000000000.cfg");
    }

    @Test
    void aPathWithoutFileIsADirectoryWithOrWithoutItsSlash() {
        assertThat(ProvisioningAddress.parse("http://10.0.0.5/prov").directory()).isEqualTo("/prov/");
        assertThat(ProvisioningAddress.parse("10.0.0.5/prov/").directory()).isEqualTo("/prov/");
        // ".cfg" alone is too short to be a master file name (it needs at least 5 characters).
        assertThat(ProvisioningAddress.parse("http://10.0.0.5/a/.cfg").masterFile()).isNull();
    }

    @Test
    void nothingUsableIsSaidSo() {
        assertThat(ProvisioningAddress.parse("").usable()).isFalse();
        assertThat(ProvisioningAddress.parse("http://two words/").usable()).isFalse();
        assertThat(ProvisioningAddress.parse("http://host:99999/").usable()).isFalse();
    }
}

package org.ztpbox.provisioning.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryFieldTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the carrier's device report (8x8, in the seeds)
        "MAC Address|MAC", "Device Model|MODEL", "Extension|EXTENSION", "Site|SITE", "User|DISPLAY_NAME",
        // case, spaces, underscores, dashes
        "mac|MAC", "MACADDRESS|MAC", "mac_address|MAC", "Mac-Address|MAC", "macaddress|MAC", "HW Address|MAC",
        "model|MODEL", "Phone Model|MODEL", "ext|EXTENSION", "Ext.|EXTENSION", "Display Name|DISPLAY_NAME",
        "display_name|DISPLAY_NAME", "Caller ID|DISPLAY_NAME", "SIP User ID|SIP_USER", "userid|SIP_USER",
        "Auth User|SIP_USER", "reg.1.auth.userId|SIP_USER", "Password|SIP_PASSWORD", "line1 password|SIP_PASSWORD",
        "Line 1 Password|SIP_PASSWORD", "SIP Secret|SIP_PASSWORD", "sip_password|SIP_PASSWORD",
        "Auth Domain|AUTH_DOMAIN", "realm|AUTH_DOMAIN", "Registrar|REGISTRAR", "SIP Server|REGISTRAR",
        "Proxy|REGISTRAR", "Location|SITE", "site|SITE", "sip_user|SIP_USER", "auth_domain|AUTH_DOMAIN"})
    void recognisesTheSpellingsAdminsHave(String header, InventoryField field) {
        assertThat(InventoryField.forHeader(header)).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"MAC Password", "Activation Code", "Status", "Cost Center", "Username"})
    void leavesOtherColumnsAsExtras(String header) {
        assertThat(InventoryField.forHeader(header)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Activation Code|activation_code", "activation-code|activation_code", "ActivationCode|activation_code",
        "  Cost  Center (EUR) |cost_center_eur", "MAC Password|mac_password", "Floor#|floor", "VLAN ID|vlan_id",
        "vlanId|vlan_id", "Line2Label|line2_label", "Bâtiment|bâtiment", "already_normal|already_normal"})
    void normalisesExtraColumnNamesToVariableNames(String header, String variable) {
        assertThat(InventoryField.variableName(header)).isEqualTo(variable);
        assertThat(InventoryField.variableName(variable)).as("idempotent").isEqualTo(variable);
    }

    @ParameterizedTest
    @CsvSource({"mac_password,true", "voicemail_secret,true", "admin_passwd,true", "activation_code,false"})
    void extraColumnsNamedLikeSecretsAreSecrets(String variable, boolean secret) {
        assertThat(InventoryField.isSecretVariable(variable)).isEqualTo(secret);
    }
}

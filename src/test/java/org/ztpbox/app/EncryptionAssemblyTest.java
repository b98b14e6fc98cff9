package org.ztpbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.HttpAuthConfig;
import org.ztpbox.config.HttpConfig;
import org.ztpbox.config.HttpTlsConfig;
import org.ztpbox.core.MacAddress;

class EncryptionAssemblyTest {

    private static final HttpConfig DEFAULTS = new HttpConfig(80);

    @Test
    void warnsWhenNoPhoneCanProveWhoItIs() {
        assertThat(EncryptionAssembly.firstKeyWarning(DEFAULTS)).hasValueSatisfying(w -> assertThat(w)
                .contains("phones cannot be given their first key", "http.tls.client-ca", "http.auth.phones"));
        HttpAuthConfig shared = auth(new HttpAuthConfig.Credential("polycom", "pw", null));
        assertThat(EncryptionAssembly.firstKeyWarning(with(shared, DEFAULTS.tls())))
                .as("one shared account proves nothing").isPresent();
    }

    @Test
    void perPhoneAccountsOrMutualTlsLetPhonesProveIt() {
        HttpAuthConfig perPhone = auth(new HttpAuthConfig.Credential("reception", "pw",
                MacAddress.parse("0004f2aa814c")));
        assertThat(EncryptionAssembly.firstKeyWarning(with(perPhone, DEFAULTS.tls()))).isEmpty();

        HttpTlsConfig t = DEFAULTS.tls();
        HttpTlsConfig mutual = new HttpTlsConfig(t.cert(), t.key(), t.names(), t.minVersion(), Path.of("ca.pem"),
                false, false);
        assertThat(EncryptionAssembly.firstKeyWarning(with(DEFAULTS.auth(), mutual))).isEmpty();
    }

    private static HttpAuthConfig auth(HttpAuthConfig.Credential account) {
        HttpAuthConfig d = HttpAuthConfig.none();
        return new HttpAuthConfig(HttpAuthConfig.Mode.DIGEST, d.realm(), List.of(account), null,
                d.digestAlgorithms(), d.nonceLifetime(), d.cacheTtl());
    }

    private static HttpConfig with(HttpAuthConfig auth, HttpTlsConfig tls) {
        HttpConfig d = DEFAULTS;
        return new HttpConfig(d.enabled(), d.port(), d.httpsPort(), d.listen(), d.maxUpload(), d.idleTimeout(),
                d.requestTimeout(), d.maxConnections(), d.maxConnectionsPerClient(), d.accessLog(), d.firmwareTrees(),
                auth, tls);
    }
}

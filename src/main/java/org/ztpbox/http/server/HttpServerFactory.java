package org.ztpbox.http.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ztpbox.config.HttpAuthConfig;
import org.ztpbox.config.HttpConfig;
import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.UploadArea;
import org.ztpbox.http.AccessLog;
import org.ztpbox.http.auth.Account;
import org.ztpbox.http.auth.Authenticator;
import org.ztpbox.http.auth.Credentials;
import org.ztpbox.http.auth.CredentialsFile;
import org.ztpbox.http.auth.DigestAlgorithm;
import org.ztpbox.http.auth.NonceService;
import org.ztpbox.http.routes.FamilyTrees;
import org.ztpbox.http.routes.ProvisioningRoutes;
import org.ztpbox.http.routes.ServedPath;

/** Assembles an {@link HttpServer} from the {@code http} configuration. */
public final class HttpServerFactory {

    private static final long ACCESS_LOG_ROLL_BYTES = 10L << 20;
    private static final int ACCESS_LOG_KEEP = 5;

    private HttpServerFactory() {
    }

    /**
     * @param provisioningUrl the URL DHCP advertises; its path is where the catalog is served
     * @param stateDir        where a relative {@code access-log} path lies
     * @param tls             null: no HTTPS listener
     * @throws IOException when the credentials file or the access log cannot be read or created
     */
    public static HttpServer create(HttpConfig config, String provisioningUrl, FileCatalog catalog, UploadArea uploads,
                                    EventSink events, Path stateDir, TlsSettings tls,
                                    DeviceCertificates deviceCertificates, Clock clock) throws IOException {
        ProvisioningRoutes routes = new ProvisioningRoutes(ServedPath.of(provisioningUrl), catalog,
                authenticator(config.auth(), clock), new FamilyTrees(config.firmwareTrees()));
        AccessLog accessLog = config.accessLog() == null ? null
                : new AccessLog(stateDir.resolve(config.accessLog()), ACCESS_LOG_ROLL_BYTES, ACCESS_LOG_KEEP);
        return new HttpServer(config, routes, uploads, events, accessLog, tls, deviceCertificates, clock);
    }

    static Authenticator authenticator(HttpAuthConfig auth, Clock clock) throws IOException {
        List<Account> accounts = new ArrayList<>();
        for (HttpAuthConfig.Credential c : auth.accounts()) {
            accounts.add(new Account(c.user(), c.password(), c.mac()));
        }
        if (auth.credentialsFile() != null) {
            accounts.addAll(CredentialsFile.read(auth.credentialsFile()));
        }
        List<DigestAlgorithm> algorithms = auth.digestAlgorithms().stream()
                .map(token -> DigestAlgorithm.fromToken(token).orElseThrow()).toList();
        Credentials credentials;
        try {
            credentials = new Credentials(accounts, auth.realm());
        } catch (IllegalArgumentException e) {
            throw new IOException("http.auth: " + e.getMessage(), e);
        }
        return new Authenticator(auth.mode(), auth.realm(), credentials,
                new NonceService(new SecureRandom(), auth.nonceLifetime(), clock), algorithms,
                auth.cacheTtl().toMillis(), clock);
    }
}

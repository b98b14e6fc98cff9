package org.ztpbox.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.config.EncryptionConfig;
import org.ztpbox.config.HttpAuthConfig;
import org.ztpbox.config.HttpConfig;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.KeyDeliveryStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.crypto.KeyRing;
import org.ztpbox.provisioning.CredentialFileNames;
import org.ztpbox.provisioning.EncryptingFileCatalog;
import org.ztpbox.provisioning.KeyDeliveryObserver;
import org.ztpbox.provisioning.KeyDeliveryService;

/**
 * Wires configuration-file encryption when {@code provisioning.encryption} is on: the key ring
 * (its first key created on the first start), the delivery service, the catalog decorator around
 * whatever catalog the appliance serves, and the observer of completed transfers in front of the
 * event journal. Off, everything passes through untouched.
 */
final class EncryptionAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionAssembly.class);
    /** How soon the running appliance sees a {@code ztpbox keys rotate}: one stat of the ring file per period. */
    private static final Duration RING_RECHECK = Duration.ofSeconds(1);
    /** How soon the running appliance sees a key forgotten by {@code ztpbox keys forget} or {@code prepare-reset}. */
    private static final long HELD_KEYS_RECHECK_SECONDS = 2;

    /**
     * Encryption as the appliance uses it: the key delivery named in the master configuration, a
     * wrapper for the served catalog and one for the file servers' events. With encryption off, all
     * three leave things as they are. Closing stops the persistence thread (before the store closes).
     */
    record Wired(KeyDeliveryService delivery, CredentialFileNames credentialFiles, ExecutorService persist)
            implements AutoCloseable {

        KeyDelivery keyDelivery() {
            return delivery == null ? KeyDelivery.none() : delivery;
        }

        /** Serves credentials encrypted with the key each phone holds (or only over HTTPS until it holds one). */
        FileCatalog wrap(FileCatalog catalog) {
            return delivery == null ? catalog : new EncryptingFileCatalog(catalog, delivery, credentialFiles);
        }

        /** Watches the file servers' events for completed key fetches. */
        EventSink observe(EventSink events) {
            return delivery == null ? events : new KeyDeliveryObserver(events, delivery);
        }

        /** Re-reads which phone holds which key from the store, for changes made by the commands. */
        void schedule(ScheduledExecutorService maintenance) {
            if (delivery == null) {
                return;
            }
            maintenance.scheduleWithFixedDelay(() -> {
                try {
                    delivery.reload();
                } catch (RuntimeException e) { // must not end the schedule
                    LOG.warn("Re-reading the phones' encryption keys failed, will retry: {}", e.getMessage());
                }
            }, HELD_KEYS_RECHECK_SECONDS, HELD_KEYS_RECHECK_SECONDS, TimeUnit.SECONDS);
        }

        /** A phone came back from a factory reset at {@code at}: the key it held then is gone from it. */
        void phoneReset(MacAddress phone, Instant at) {
            if (delivery != null) {
                delivery.forgetIfDeliveredBefore(phone, at);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (persist != null) {
                persist.shutdown();
                persist.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private EncryptionAssembly() {
    }

    /**
     * Why no phone can receive its first key, when that is so: the first key goes in clear (inside
     * TLS) only to a phone that proves who it is, by a client certificate or its own HTTP account.
     */
    static Optional<String> firstKeyWarning(HttpConfig http) {
        HttpAuthConfig auth = http.auth();
        boolean perPhoneAccounts = auth.mode() != HttpAuthConfig.Mode.NONE && (auth.credentialsFile() != null
                || auth.accounts().stream().anyMatch(a -> a.mac() != null));
        boolean mutualTls = http.enabled() && http.httpsPort() != 0 && http.tls() != null
                && http.tls().clientCa() != null;
        if (perPhoneAccounts || mutualTls) {
            return Optional.empty();
        }
        return Optional.of("Configuration-file encryption is on, but phones cannot be given their first key: it goes"
                + " only to a phone that proves who it is over HTTPS, and neither per-phone HTTP credentials"
                + " (http.auth.phones or http.auth.credentials-file) nor mutual TLS (http.tls.client-ca) is"
                + " configured. Until then credential files go only over HTTPS, in clear inside TLS.");
    }

    static KeyRing keyRing(ZtpboxConfig config, Clock clock) {
        return new KeyRing(config.stateDir().resolve("keys"), clock, new SecureRandom(), RING_RECHECK);
    }

    static Wired wire(ZtpboxConfig config, KeyDeliveryStore deliveries, Clock clock) {
        EncryptionConfig encryption = config.provisioning().encryption();
        if (!encryption.enabled()) {
            return new Wired(null, null, null);
        }
        KeyRing keys = keyRing(config, clock);
        if (keys.current().isEmpty()) {
            LOG.info("Configuration-file encryption is on and there is no key yet: created '{}' in {}",
                    keys.create(null).name(), keys.dir());
        }
        ExecutorService persist = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "key-deliveries");
            t.setDaemon(true);
            return t;
        });
        KeyDeliveryService delivery = new KeyDeliveryService(keys, deliveries, clock, persist);
        LOG.info("Configuration-file encryption on: current key '{}', credential files {}",
                delivery.currentKey().orElse("-"), encryption.credentialFiles());
        firstKeyWarning(config.http()).ifPresent(LOG::warn);
        return new Wired(delivery, new CredentialFileNames(encryption.credentialFiles()), persist);
    }
}

package org.openler.platform.transparency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.keys.KeySealer;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.transparency.NoteVerifierKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's Ed25519 log key and the log's origin, made on first use and kept sealed under the master key like
 * issuer keys. The first instance to need it creates it; a racing instance's insert does nothing and it reads the
 * winner's. Once made, neither the key nor the origin changes: every checkpoint the log ever signed stays checkable.
 */
@Component
class LogKey {

    private static final String SEAL_CONTEXT = "transparency-log#1";

    /** The log's name in its checkpoints and its signing key. */
    record Loaded(String origin, Ed25519KeyPair key) {

        NoteVerifierKey verifier() {
            return new NoteVerifierKey(origin, key.publicKey());
        }
    }

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private final PlatformUrls urls;
    private final TransparencyProperties properties;
    private final Clock clock;
    private volatile @Nullable Loaded loaded;

    LogKey(JdbcClient jdbc, KeySealer sealer, PlatformUrls urls, TransparencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    Loaded get() {
        Loaded current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (loaded == null) {
                loaded = read().orElseGet(() -> {
                    create();
                    return read().orElseThrow();
                });
            }
            return loaded;
        }
    }

    private Optional<Loaded> read() {
        return jdbc.sql("select origin, sealed_private_key from transparency_log_key where id = 1")
                .query((rs, n) ->
                        new Loaded(rs.getString(1), Ed25519.fromSeed(sealer.unseal(rs.getBytes(2), SEAL_CONTEXT))))
                .optional();
    }

    private void create() {
        Ed25519KeyPair key = Ed25519.generate();
        String origin = properties.origin().isBlank()
                ? urls.host() + "/log"
                : properties.origin().strip();
        jdbc.sql("insert into transparency_log_key (id, origin, public_key, sealed_private_key, created_at)"
                        + " values (1, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        origin,
                        key.publicKey().bytes(),
                        sealer.seal(key.secretSeed(), SEAL_CONTEXT),
                        Timestamp.from(clock.instant()))
                .update();
    }
}

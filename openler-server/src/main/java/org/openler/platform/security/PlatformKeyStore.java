package org.openler.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openler.platform.keys.KeySealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys that sign the platform's own tokens (OpenID Connect ID tokens, OAuth access tokens). They live in the
 * database, private halves sealed, so every server instance signs and verifies with the same keys. The first instance
 * that needs a key creates it; a racing instance loses on the unique (purpose, generation) and reads the winner's.
 */
@Component
class PlatformKeyStore {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeyStore.class);
    private static final String PURPOSE = "oidc-token-signing";
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private final Clock clock;
    private volatile JWKSet cached = new JWKSet();
    private volatile Instant loadedAt = Instant.EPOCH;

    PlatformKeyStore(JdbcClient jdbc, KeySealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Active keys, newest first; the first one signs. Reloaded every minute so a rotation reaches every instance. */
    JWKSet keys() {
        if (cached.isEmpty() || loadedAt.plus(REFRESH).isBefore(clock.instant())) {
            synchronized (this) {
                if (cached.isEmpty() || loadedAt.plus(REFRESH).isBefore(clock.instant())) {
                    List<JWK> keys = load();
                    if (keys.isEmpty()) {
                        create(1);
                        keys = load();
                    }
                    cached = new JWKSet(keys);
                    loadedAt = clock.instant();
                }
            }
        }
        return cached;
    }

    private List<JWK> load() {
        List<JWK> keys = new ArrayList<>();
        jdbc.sql("select kid, sealed_private_key from platform_key where purpose = ? and retired_at is null"
                        + " order by generation desc")
                .param(PURPOSE)
                .query((rs, n) -> {
                    String kid = rs.getString(1);
                    byte[] json = sealer.unseal(rs.getBytes(2), kid);
                    try {
                        keys.add(RSAKey.parse(new String(json, StandardCharsets.UTF_8)));
                    } catch (ParseException e) {
                        throw new IllegalStateException("Stored platform key " + kid + " is unreadable", e);
                    }
                    return kid;
                })
                .list();
        return keys;
    }

    private void create(int generation) {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            jdbc.sql("insert into platform_key (kid, purpose, generation, public_jwk, sealed_private_key, created_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            key.getKeyID(),
                            PURPOSE,
                            generation,
                            key.toPublicJWK().toJSONString(),
                            sealer.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), key.getKeyID()),
                            Timestamp.from(clock.instant()))
                    .update();
            log.info("Created platform token-signing key {} (generation {})", key.getKeyID(), generation);
        } catch (DuplicateKeyException raced) {
            log.debug("Another instance created the token-signing key first");
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a token-signing key", e);
        }
    }
}

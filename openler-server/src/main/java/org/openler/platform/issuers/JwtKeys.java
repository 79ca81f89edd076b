package org.openler.platform.issuers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.KeySealer;
import org.openler.standards.did.Did;
import org.openler.standards.did.JsonWebKeyMethod;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's P-256 keys for VC-JWTs (ES256, one of the two algorithms Open Badges 3.0 §8.2 allows), beside its
 * Ed25519 keys: sealed at rest with the same {@link KeySealer}, published in the same did:web document as
 * {@code JsonWebKey} methods {@code #jwk-N}, rotated together with the Ed25519 key. The newest unretired key signs;
 * every key ever made stays published, so JWTs signed before a rotation keep verifying.
 */
@Service
public class JwtKeys {

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private final Clock clock;
    /** Unsealed keys by organization and key id, as IssuerKeys keeps its Ed25519 keys: unsealing is per instance. */
    private final Map<String, ECKey> unsealed = new ConcurrentHashMap<>();

    JwtKeys(JdbcClient jdbc, KeySealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The signing key, made on first use (a racing instance's key wins and is used by both); its kid is its DID URL. */
    @Transactional
    public ECKey signingKey(Issuer issuer) {
        Optional<ECKey> current = current(issuer);
        if (current.isPresent()) {
            return current.get();
        }
        create(issuer.organization(), 1);
        return current(issuer).orElseThrow();
    }

    /**
     * Retires the signing key and makes the next generation. Called by {@link IssuerKeys#rotate} in its transaction, so
     * both formats' keys rotate together; an organization that never signed a JWT gets its first key here.
     */
    void rotate(OrganizationId organization) {
        int next = jdbc.sql("select coalesce(max(generation), 0) + 1 from issuer_jwt_key where organization_id = ?")
                .param(organization.value())
                .query(Integer.class)
                .single();
        jdbc.sql("update issuer_jwt_key set retired_at = ? where organization_id = ? and retired_at is null")
                .params(Timestamp.from(clock.instant()), organization.value())
                .update();
        create(organization, next);
    }

    /** Every key the organization has had, in generation order, as its DID document publishes them. */
    List<JsonWebKeyMethod> published(Issuer issuer) {
        Did did = issuer.did();
        return jdbc.sql("select key_id, public_jwk from issuer_jwt_key where organization_id = ? order by generation")
                .param(issuer.organization().value())
                .query((rs, n) ->
                        new JsonWebKeyMethod(did.value() + "#" + rs.getString(1), did, parse(rs.getString(2))))
                .list();
    }

    private Optional<ECKey> current(Issuer issuer) {
        OrganizationId organization = issuer.organization();
        Did did = issuer.did();
        return jdbc.sql("select key_id from issuer_jwt_key where organization_id = ?"
                        + " and retired_at is null order by generation desc limit 1")
                .param(organization.value())
                .query(String.class)
                .optional()
                .map(keyId -> {
                    ECKey key = unsealed.computeIfAbsent(organization + "#" + keyId, context -> {
                        byte[] sealed = jdbc.sql("select sealed_private_key from issuer_jwt_key"
                                        + " where organization_id = ? and key_id = ?")
                                .params(organization.value(), keyId)
                                .query((rs, n) -> rs.getBytes(1))
                                .single();
                        return (ECKey) parse(new String(sealer.unseal(sealed, context), StandardCharsets.UTF_8));
                    });
                    // The kid the JWT header carries is the DID URL of the JsonWebKey method (OB 3.0 §8.2.4.1); the
                    // DID names the host the request came to, so it is not part of what is cached.
                    return new ECKey.Builder(key)
                            .keyID(did.value() + "#" + keyId)
                            .build();
                });
    }

    private void create(OrganizationId organization, int generation) {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is unavailable", e);
        }
        String keyId = "jwk-" + generation;
        // "on conflict do nothing": a racing instance that made this generation first wins, without aborting the
        // caller's transaction (PostgreSQL aborts a transaction on a failed insert).
        try {
            jdbc.sql("insert into issuer_jwt_key (id, organization_id, key_id, generation, public_jwk,"
                            + " sealed_private_key, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            UUID.randomUUID(),
                            organization.value(),
                            keyId,
                            generation,
                            key.toPublicJWK().toJSONString(),
                            sealer.seal(
                                    key.toJSONString().getBytes(StandardCharsets.UTF_8), organization + "#" + keyId),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another instance made this generation first; the caller reads theirs
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored JWK does not parse", e);
        }
    }
}

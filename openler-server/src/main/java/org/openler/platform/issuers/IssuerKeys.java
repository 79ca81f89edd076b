package org.openler.platform.issuers;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.KeySealer;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.crypto.Ed25519PublicKey;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidWeb;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's Ed25519 issuing keys and its did:web identity. The newest unretired key signs; every key ever
 * made stays in the DID document, so credentials signed before a rotation keep verifying. On request a credential is
 * issued by the did:key of the current key instead (the key is then the issuer's whole identity).
 *
 * <p>Unsealed keys are kept in memory per instance, by organization and key id: a key's secret never changes, and
 * which key is current is read from the database on every use, so a rotation on another instance is seen at once.
 */
@Service
public class IssuerKeys {

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private final AuditLog audit;
    private final Clock clock;
    private final JwtKeys jwtKeys;
    private final TransparencyLog transparencyLog;
    private final Map<String, Ed25519KeyPair> unsealed = new ConcurrentHashMap<>();

    IssuerKeys(
            JdbcClient jdbc,
            KeySealer sealer,
            AuditLog audit,
            Clock clock,
            JwtKeys jwtKeys,
            TransparencyLog transparencyLog) {
        this.transparencyLog = transparencyLog;
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
        this.jwtKeys = jwtKeys;
    }

    /** A key that may sign, with its verification method id. */
    public record SigningKey(String verificationMethod, Ed25519KeyPair keyPair) {}

    /** A published key, for the keys page. */
    public record PublishedKey(
            String keyId,
            String publicKeyMultibase,
            Instant createdAt,
            @Nullable Instant retiredAt) {}

    /** The signing key, made on first use (a racing instance's key wins and is used by both). */
    @Transactional
    public SigningKey signingKey(Issuer issuer) {
        Optional<SigningKey> current = current(issuer);
        if (current.isPresent()) {
            return current.get();
        }
        create(issuer.organization(), 1);
        return current(issuer).orElseThrow();
    }

    /** Retires the signing key and makes the next one. Returns the new key's id. */
    @Transactional
    public String rotate(Issuer issuer, Actor.Person by) {
        OrganizationId organization = issuer.organization();
        int next = jdbc.sql("select coalesce(max(generation), 0) + 1 from issuer_key where organization_id = ?")
                .param(organization.value())
                .query(Integer.class)
                .single();
        jdbc.sql("update issuer_key set retired_at = ? where organization_id = ? and retired_at is null")
                .params(Timestamp.from(clock.instant()), organization.value())
                .update();
        String keyId = create(organization, next);
        jwtKeys.rotate(organization); // the VC-JWT key rotates with it: one rotation retires both formats' keys
        transparencyLog.append(new LogEvent.IssuerKeyRotated(
                issuer.did().value(),
                keyId,
                jdbc.sql("select public_key_multibase from issuer_key where organization_id = ? and key_id = ?")
                        .params(organization.value(), keyId)
                        .query(String.class)
                        .single()));
        audit.record(AuditEvent.success(AuditAction.ISSUER_KEY_ROTATED, by, organization, "key:" + keyId));
        return keyId;
    }

    public List<PublishedKey> published(OrganizationId organization) {
        return jdbc.sql("select key_id, public_key_multibase, created_at, retired_at from issuer_key"
                        + " where organization_id = ? order by generation")
                .param(organization.value())
                .query((rs, n) -> new PublishedKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * The organization one of whose keys (current or retired) has this public key, for telling a verifier that a
     * did:key issuer is an organization on this platform.
     */
    public Optional<OrganizationId> organizationOfKey(String publicKeyMultibase) {
        return jdbc.sql("select organization_id from issuer_key where public_key_multibase = ?")
                .param(publicKeyMultibase)
                .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /**
     * The organization's DID document: every key it has had, in generation order (key-1, key-2, ...), then its VC-JWT
     * keys as JsonWebKey methods (jwk-1, ...).
     */
    public Optional<DidDocument> didDocument(Issuer issuer) {
        List<Ed25519PublicKey> keys = published(issuer.organization()).stream()
                .map(k -> Multikey.decodePublicKey(k.publicKeyMultibase()))
                .toList();
        return keys.isEmpty()
                ? Optional.empty()
                : Optional.of(DidWeb.document(issuer.did(), keys).withJsonWebKeys(jwtKeys.published(issuer)));
    }

    /**
     * The current key as a did:key issuer: the DID, its verification method and the key id it is stored under (the
     * credential's status lists belong to that key).
     */
    @Transactional
    public DidKeyIssuer currentDidKey(Issuer issuer) {
        signingKey(issuer); // made on first use, as for did:web
        String keyId = jdbc.sql("select key_id from issuer_key where organization_id = ? and retired_at is null"
                        + " order by generation desc limit 1")
                .param(issuer.organization().value())
                .query(String.class)
                .single();
        return didKeyIssuer(issuer.organization(), keyId);
    }

    /** A did:key issuer identity: the issuer DID and the key that is it. */
    public record DidKeyIssuer(String keyId, Did did, SigningKey signingKey) {}

    /**
     * The key that signs a did:key identity's status lists. A retired key signs nothing new, except the status lists of
     * the credentials it issued as their did:key: for did:key the key is the issuer, and without it a revocation of
     * those credentials could never be published.
     */
    public DidKeyIssuer didKeyIssuer(OrganizationId organization, String keyId) {
        Ed25519KeyPair key = keyPair(organization, keyId)
                .orElseThrow(() -> new IllegalStateException("No key " + keyId + " for " + organization));
        Did did = DidKey.of(key.publicKey());
        return new DidKeyIssuer(keyId, did, new SigningKey(DidKey.verificationMethodId(key.publicKey()), key));
    }

    private Optional<SigningKey> current(Issuer issuer) {
        return jdbc.sql("select key_id from issuer_key where organization_id = ?"
                        + " and retired_at is null order by generation desc limit 1")
                .param(issuer.organization().value())
                .query(String.class)
                .optional()
                .map(keyId -> new SigningKey(
                        issuer.did().value() + "#" + keyId,
                        keyPair(issuer.organization(), keyId).orElseThrow()));
    }

    /** A key's secret, unsealed once per instance. */
    private Optional<Ed25519KeyPair> keyPair(OrganizationId organization, String keyId) {
        String cacheKey = organization + "#" + keyId;
        Ed25519KeyPair cached = unsealed.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Ed25519KeyPair> key = jdbc.sql(
                        "select sealed_private_key from issuer_key where organization_id = ? and key_id = ?")
                .params(organization.value(), keyId)
                .query((rs, n) -> Multikey.decodeSecretKey(
                        new String(sealer.unseal(rs.getBytes(1), cacheKey), StandardCharsets.UTF_8)))
                .optional();
        key.ifPresent(k -> unsealed.put(cacheKey, k));
        return key;
    }

    private String create(OrganizationId organization, int generation) {
        Ed25519KeyPair key = Ed25519.generate();
        String keyId = "key-" + generation;
        // "on conflict do nothing": a racing instance that made this generation first wins, without aborting the
        // caller's transaction (PostgreSQL aborts a transaction on a failed insert).
        try {
            jdbc.sql("insert into issuer_key (id, organization_id, key_id, generation, public_key_multibase,"
                            + " sealed_private_key, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            UUID.randomUUID(),
                            organization.value(),
                            keyId,
                            generation,
                            Multikey.encodePublicKey(key.publicKey()),
                            sealer.seal(
                                    Multikey.encodeSecretKey(key).getBytes(StandardCharsets.UTF_8),
                                    organization + "#" + keyId),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another instance made this generation first; the caller reads theirs
        }
        return keyId;
    }
}

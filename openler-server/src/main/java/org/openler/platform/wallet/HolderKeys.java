package org.openler.platform.wallet;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.keys.KeySealer;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each learner's Ed25519 key, held for them: sealed at rest under the master key (the account id is the sealing
 * context, so one learner's sealed key cannot be swapped into another's row), published as did:key, made on first
 * use. The sharing feature signs presentations with {@link #signingKey}.
 */
@Service
public class HolderKeys {

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private final Clock clock;

    HolderKeys(JdbcClient jdbc, KeySealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** A learner's key: the did:key, the verification method that signs, and the key pair. */
    public record HolderKey(Did did, String verificationMethod, Ed25519KeyPair keyPair) {}

    /** The learner's did:key, made on first use. Reading it never unseals the private key. */
    @Transactional
    public Did did(AccountId account) {
        return existingDid(account).orElseGet(() -> {
            create(account);
            return existingDid(account).orElseThrow();
        });
    }

    /**
     * The learner's key for signing presentations (assertion and authentication), made on first use. Unsealed on
     * each call and not cached: a learner signs rarely, and no one's secret stays in memory longer than a request.
     */
    @Transactional
    public HolderKey signingKey(AccountId account) {
        return stored(account).orElseGet(() -> {
            create(account);
            return stored(account).orElseThrow();
        });
    }

    /** The learner's DID if a key was made already; reading never makes one. */
    public Optional<Did> existingDid(AccountId account) {
        return jdbc.sql("select did from holder_key where account_id = ?")
                .param(account.value())
                .query(String.class)
                .optional()
                .map(Did::of);
    }

    private Optional<HolderKey> stored(AccountId account) {
        return jdbc.sql("select sealed_private_key from holder_key where account_id = ?")
                .param(account.value())
                .query((rs, n) -> holderKey(Multikey.decodeSecretKey(
                        new String(sealer.unseal(rs.getBytes(1), context(account)), StandardCharsets.UTF_8))))
                .optional();
    }

    private void create(AccountId account) {
        Ed25519KeyPair key = Ed25519.generate();
        // "on conflict do nothing": a racing request that made the key first wins, and both read theirs.
        jdbc.sql("insert into holder_key (account_id, did, public_key_multibase, sealed_private_key, created_at)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        account.value(),
                        DidKey.of(key.publicKey()).value(),
                        Multikey.encodePublicKey(key.publicKey()),
                        sealer.seal(Multikey.encodeSecretKey(key).getBytes(StandardCharsets.UTF_8), context(account)),
                        Timestamp.from(clock.instant()))
                .update();
    }

    private static HolderKey holderKey(Ed25519KeyPair key) {
        return new HolderKey(DidKey.of(key.publicKey()), DidKey.verificationMethodId(key.publicKey()), key);
    }

    private static String context(AccountId account) {
        return "holder:" + account;
    }
}

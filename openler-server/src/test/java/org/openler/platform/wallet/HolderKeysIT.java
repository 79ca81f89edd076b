package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.verification.Verification;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.VerificationReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each learner's key: made on first use, one per learner, sealed at rest, and able to sign presentations. */
@PlatformTest
class HolderKeysIT {

    @Autowired
    HolderKeys holderKeys;

    @Autowired
    WalletKit kit;

    @Autowired
    Verification verification;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLearnersDidIsMadeOnFirstUseAndStaysTheSame() {
        Account learner = kit.fixtures.learner();
        assertThat(holderKeys.existingDid(learner.id())).isEmpty();

        String did = holderKeys.did(learner.id()).value();

        assertThat(did).startsWith("did:key:z6Mk");
        assertThat(holderKeys.did(learner.id()).value()).isEqualTo(did);
        assertThat(holderKeys.signingKey(learner.id()).did().value()).isEqualTo(did);
        assertThat(holderKeys.did(kit.fixtures.learner().id()).value())
                .as("another learner")
                .isNotEqualTo(did);
    }

    @Test
    void thePrivateKeyIsSealedAtRest() {
        Account learner = kit.fixtures.learner();
        HolderKeys.HolderKey key = holderKeys.signingKey(learner.id());

        byte[] sealed = jdbc.sql("select sealed_private_key from holder_key where account_id = ?")
                .param(learner.id().value())
                .query(byte[].class)
                .single();

        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(Multikey.encodeSecretKey(key.keyPair()));
    }

    @Test
    void aPresentationSignedWithTheHolderKeyVerifiesWithItsChallengeAndNotWithAnother() {
        Account learner = kit.fixtures.learner();
        HolderKeys.HolderKey key = holderKeys.signingKey(learner.id());
        JsonObject presentation = Credentials.presentation(
                Optional.of(key.did().value()), List.of(StrictJson.parseObject(WalletKit.elsewhere("Shared Badge"))));

        JsonObject signed = EddsaRdfc2022.sign(
                presentation,
                key.keyPair(),
                ProofOptions.authentication(key.verificationMethod(), Instant.now(), "challenge-1", Optional.empty()));

        VerificationReport good = verification.verifyPresentation(
                signed, PresentationExpectations.challenge("challenge-1", Optional.empty()));
        assertThat(good.failures()).isEmpty();
        VerificationReport replayed = verification.verifyPresentation(
                signed, PresentationExpectations.challenge("challenge-2", Optional.empty()));
        assertThat(replayed.verified()).isFalse();
    }
}

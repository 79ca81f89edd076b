package org.openler.platform.sharing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.verification.Verification;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.JoseKeys;
import org.openler.standards.sdjwt.SdJwt;
import org.openler.standards.sdjwt.SdJwtHolder;
import org.springframework.stereotype.Component;

/**
 * Builds the presentation a share opens to: exactly the shared credentials, each as the exact JSON the learner holds
 * (an SD-JWT VC with only the claims the learner chose, enveloped), signed by the learner's holder key with proof purpose {@code authentication}, bound to a challenge made for this one
 * access and to this server's origin as the domain.
 */
@Component
class Presentations {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

    /** An SD-JWT VC as a data: URL (its media type per the SD-JWT VC specification). */
    static final String SD_JWT_MEDIA_TYPE = Verification.SD_JWT_MEDIA_TYPE;

    static final String SD_JWT_DATA_URL = "data:" + SD_JWT_MEDIA_TYPE + ",";

    private final Wallet wallet;
    private final HolderKeys holderKeys;
    private final Clock clock;

    Presentations(Wallet wallet, HolderKeys holderKeys, Clock clock) {
        this.wallet = wallet;
        this.holderKeys = holderKeys;
        this.clock = clock;
    }

    JsonObject sign(AccountId owner, Share share, String challenge, String domain) {
        HolderKeys.HolderKey key = holderKeys.signingKey(owner);
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        for (Share.Item item : share.items()) {
            UUID id = item.credentialId();
            if (id == null) {
                continue; // the credential left the wallet: it is no longer shared
            }
            Optional<HeldCredential> held = wallet.find(owner, new HeldCredentialId(id));
            if (held.isEmpty()) {
                continue;
            }
            String document = wallet.document(owner, new HeldCredentialId(id));
            if (held.get().format() == HeldCredential.Format.SD_JWT) {
                // Only the claims the learner chose, bound to this access by a Key Binding JWT (nonce = the
                // challenge, aud = the domain), carried as VC Data Model 2.0 carries any securing format other
                // than Data Integrity: an EnvelopedVerifiableCredential whose id is a data: URL.
                String presentation = SdJwtHolder.present(
                        SdJwt.parse(document),
                        Set.copyOf(item.disclosedClaims()),
                        JoseKeys.ed25519(key.keyPair()),
                        challenge,
                        domain,
                        clock.instant());
                credentials.add(Json.createObjectBuilder()
                        .add("@context", VC_V2)
                        .add("id", SD_JWT_DATA_URL + presentation)
                        .add("type", "EnvelopedVerifiableCredential"));
            } else {
                credentials.add(StrictJson.parseObject(document));
            }
        }
        JsonObject unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(VC_V2))
                .add("id", "urn:uuid:" + UUID.randomUUID())
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", key.did().value())
                .add("verifiableCredential", credentials)
                .build();
        return EddsaRdfc2022.sign(
                unsigned,
                key.keyPair(),
                ProofOptions.authentication(key.verificationMethod(), clock.instant(), challenge, Optional.of(domain)));
    }
}

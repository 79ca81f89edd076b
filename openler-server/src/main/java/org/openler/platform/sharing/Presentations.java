package org.openler.platform.sharing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.identity.AccountId;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.StrictJson;
import org.springframework.stereotype.Component;

/**
 * Builds the presentation a share opens to: exactly the shared credentials, each as the exact JSON the learner holds,
 * signed by the learner's holder key with proof purpose {@code authentication}, bound to a challenge made for this one
 * access and to this server's origin as the domain.
 */
@Component
class Presentations {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

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
            wallet.find(owner, id)
                    .ifPresent(held -> credentials.add(StrictJson.parseObject(wallet.document(owner, id))));
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

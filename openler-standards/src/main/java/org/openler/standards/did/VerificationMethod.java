package org.openler.standards.did;

import jakarta.json.JsonObject;
import org.openler.standards.crypto.Ed25519PublicKey;
import org.openler.standards.json.Jsons;

/**
 * A Multikey verification method with an Ed25519 key.
 *
 * @param id the full DID URL, {@code did:…#fragment}
 * @param controller the DID that controls the key
 * @param publicKey the key
 */
public record VerificationMethod(String id, Did controller, Ed25519PublicKey publicKey) {

    public JsonObject toJson() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", id)
                .add("type", "Multikey")
                .add("controller", controller.value())
                .add("publicKeyMultibase", publicKey.multibase())
                .build();
    }
}

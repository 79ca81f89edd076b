package org.openler.standards.did;

import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonObject;
import java.util.Map;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;

/**
 * A {@code JsonWebKey} verification method (VC Data Integrity / Controlled Identifiers: {@code type: "JsonWebKey"}
 * with a {@code publicKeyJwk}), the key a VC-JWT names in its {@code kid} header.
 *
 * @param id the full DID URL, {@code did:…#fragment}
 * @param controller the DID that controls the key
 * @param publicKey the public JWK (a key with private parts is refused)
 */
public record JsonWebKeyMethod(String id, Did controller, JWK publicKey) {

    public JsonWebKeyMethod {
        if (publicKey.isPrivate()) {
            throw new StandardsException(Code.INVALID_KEY, "A published JWK must not carry its private part");
        }
    }

    public JsonObject toJson() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", id)
                .add("type", "JsonWebKey")
                .add("controller", controller.value())
                .add("publicKeyJwk", publicKeyJwk(publicKey))
                .build();
    }

    /** The public JWK as JSON, without a {@code kid}: the method's id names the key. */
    static JsonObject publicKeyJwk(JWK key) {
        Map<String, Object> members =
                new java.util.LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        members.remove("kid");
        return StrictJson.parseObject(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(members));
    }
}

package org.openler.standards.sdjwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;

/**
 * The holder's side: choose which top-level claims to disclose, and bind the presentation to a verifier's nonce and
 * audience with a Key Binding JWT (RFC 9901 §4.3) signed by the key the issuer put in {@code cnf}.
 */
public final class SdJwtHolder {

    public static final String KB_JWT_TYPE = "kb+jwt";

    private SdJwtHolder() {}

    /** The SD-JWT with only the disclosures of the named top-level claims; every other disclosure is left out. */
    public static SdJwt select(SdJwt held, Set<String> claimNames) {
        List<Disclosure> kept = held.disclosures().stream()
                .filter(d -> d.claimName().map(claimNames::contains).orElse(false))
                .toList();
        return held.keeping(kept);
    }

    /**
     * The presentation {@code <issuer-jwt>~<chosen disclosures>~<KB-JWT>}.
     *
     * @param holderKey the private key matching the SD-JWT's {@code cnf.jwk}
     */
    public static String present(
            SdJwt held, Set<String> claimNames, JWK holderKey, String nonce, String audience, Instant issuedAt) {
        SdJwt selected = select(held, claimNames);
        String sdHash = Disclosure.digest(selected.withoutKeyBinding());
        JsonObject claims = Jsons.PROVIDER
                .createObjectBuilder()
                .add("iat", issuedAt.getEpochSecond())
                .add("aud", audience)
                .add("nonce", nonce)
                .add("sd_hash", sdHash)
                .build();
        JWSObject kb = new JWSObject(
                new JWSHeader.Builder(JoseKeys.algorithm(holderKey))
                        .type(new JOSEObjectType(KB_JWT_TYPE))
                        .build(),
                new Payload(StrictJson.write(claims)));
        JoseKeys.sign(kb, holderKey);
        return selected.withoutKeyBinding() + kb.serialize();
    }
}

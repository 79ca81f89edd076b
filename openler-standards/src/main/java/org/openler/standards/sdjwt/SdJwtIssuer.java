package org.openler.standards.sdjwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;

/**
 * Issues an SD-JWT: each named top-level claim is replaced by the digest of a disclosure in {@code _sd}, with decoy
 * digests mixed in and the list shuffled, so neither the number nor the order of the real claims shows.
 */
public final class SdJwtIssuer {

    /** SD-JWT VC claims that must stay visible (draft-ietf-oauth-sd-jwt-vc §3.2.2.2), and the SD-JWT's own. */
    static final Set<String> NEVER_DISCLOSABLE =
            Set.of("iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status", "_sd", "_sd_alg", "...");

    private SdJwtIssuer() {}

    /**
     * @param claims the payload in full
     * @param disclosable the top-level claims to make selectively disclosable (those absent from {@code claims} are
     *     ignored)
     * @param decoys how many decoy digests to add
     * @param issuerKey the issuer's private key (EC P-256); its {@code kid} goes into the header
     * @param type the JOSE {@code typ}, {@code dc+sd-jwt} for an SD-JWT VC
     */
    public static SdJwt issue(JsonObject claims, Set<String> disclosable, int decoys, JWK issuerKey, String type) {
        for (String name : disclosable) {
            if (NEVER_DISCLOSABLE.contains(name)) {
                throw new StandardsException(Code.INVALID_ARGUMENT, "The claim " + name + " cannot be disclosable");
            }
        }
        JsonObjectBuilder payload = Jsons.PROVIDER.createObjectBuilder();
        List<Disclosure> disclosures = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Map.Entry<String, JsonValue> claim : claims.entrySet()) {
            if (disclosable.contains(claim.getKey())) {
                Disclosure disclosure = Disclosure.of(claim.getKey(), claim.getValue());
                disclosures.add(disclosure);
                digests.add(disclosure.digest());
            } else {
                payload.add(claim.getKey(), claim.getValue());
            }
        }
        for (int i = 0; i < decoys; i++) {
            digests.add(Disclosure.decoy());
        }
        // RFC 9901 §4.2.4.1: the digests are sorted (or shuffled) so that their order reveals nothing.
        Collections.sort(digests);
        if (!digests.isEmpty()) {
            JsonArrayBuilder sd = Jsons.PROVIDER.createArrayBuilder();
            digests.forEach(sd::add);
            payload.add("_sd", sd);
            payload.add("_sd_alg", "sha-256");
        }
        JWSHeader.Builder header = new JWSHeader.Builder(JoseKeys.algorithm(issuerKey)).type(new JOSEObjectType(type));
        if (issuerKey.getKeyID() != null) {
            header.keyID(issuerKey.getKeyID());
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(StrictJson.write(payload.build())));
        JoseKeys.sign(jws, issuerKey);
        return new SdJwt(jws.serialize(), disclosures, java.util.Optional.empty());
    }
}

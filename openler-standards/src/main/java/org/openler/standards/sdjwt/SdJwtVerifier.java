package org.openler.standards.sdjwt;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.JwtKeyResolver;

/**
 * Verifies an SD-JWT VC and, when expected, its Key Binding JWT (RFC 9901 §7.1–7.3). Every refusal is a
 * {@link StandardsException} with the precise reason. Validity dates ({@code nbf}, {@code exp}) are returned, not
 * judged: a wallet keeps an expired credential and says so, a verifier refuses it.
 */
public final class SdJwtVerifier {

    /** The {@code typ} of an SD-JWT VC; {@code vc+sd-jwt} is its earlier name, still sent by some issuers. */
    public static final Set<String> VC_TYPES = Set.of("dc+sd-jwt", "vc+sd-jwt");

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final JsonLimits HEADER_LIMITS = new JsonLimits(8 * 1024, 8);

    private SdJwtVerifier() {}

    public static VerifiedSdJwt verify(
            String text, JwtKeyResolver issuerKeys, KeyBindingExpectations expected, Clock clock) {
        SdJwt sdJwt = SdJwt.parse(text);
        JWSObject issuerJws = parseJws(sdJwt.issuerJwt(), "issuer-signed JWT");
        JsonObject header = header(sdJwt.issuerJwt());
        String typ = header.get("typ") instanceof JsonString s ? s.getString() : "";
        if (!VC_TYPES.contains(typ)) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The SD-JWT's typ is '" + typ + "'; an SD-JWT VC has 'dc+sd-jwt'");
        }
        JsonObject payload = StrictJson.parseObject(issuerJws.getPayload().toBytes(), JsonLimits.DEFAULT);
        String iss = payload.get("iss") instanceof JsonString s ? s.getString() : "";
        if (iss.isEmpty()) {
            throw new StandardsException(Code.INVALID_PROOF, "The SD-JWT has no 'iss' claim naming its issuer");
        }
        if (!(payload.get("vct") instanceof JsonString)) {
            throw new StandardsException(Code.INVALID_CREDENTIAL, "An SD-JWT VC has a 'vct' claim (its type)");
        }
        JWK issuerKey = issuerKeys.resolve(
                iss, Optional.ofNullable(issuerJws.getHeader().getKeyID()));
        if (!JoseKeys.verify(issuerJws, issuerKey)) {
            throw new StandardsException(Code.INVALID_PROOF, "Invalid signature on the SD-JWT");
        }
        if (payload.containsKey("_sd_alg")
                && !(payload.get("_sd_alg") instanceof JsonString alg
                        && alg.getString().equals("sha-256"))) {
            throw new StandardsException(
                    Code.ALGORITHM_NOT_ALLOWED, "The SD-JWT's _sd_alg is not sha-256, the only one accepted");
        }
        Map<String, Disclosure> byDigest = new HashMap<>();
        for (Disclosure disclosure : sdJwt.disclosures()) {
            if (byDigest.put(disclosure.digest(), disclosure) != null) {
                throw new StandardsException(Code.INVALID_PROOF, "A disclosure is given twice");
            }
        }
        Set<String> seen = new HashSet<>();
        Set<String> used = new HashSet<>();
        JsonObjectBuilder processed = Jsons.PROVIDER.createObjectBuilder(object(payload, byDigest, seen, used, 0));
        processed.remove("_sd_alg");
        if (used.size() != byDigest.size()) {
            throw new StandardsException(
                    Code.INVALID_PROOF,
                    "A disclosure is not referenced by any digest in the SD-JWT (changed or foreign)");
        }
        JsonObject claims = processed.build();
        for (String name : SdJwtIssuer.NEVER_DISCLOSABLE) {
            if (!payload.containsKey(name)
                    && claims.containsKey(name)
                    && !name.startsWith("_")
                    && !name.equals("...")) {
                throw new StandardsException(
                        Code.INVALID_PROOF, "The claim " + name + " must not be selectively disclosed");
            }
        }
        Optional<JWK> holderKey = holderKey(payload);
        boolean keyBound = keyBinding(sdJwt, holderKey, expected, clock);
        return new VerifiedSdJwt(header, claims, sdJwt.disclosures(), holderKey, keyBound);
    }

    private static boolean keyBinding(
            SdJwt sdJwt, Optional<JWK> holderKey, KeyBindingExpectations expected, Clock clock) {
        if (sdJwt.keyBinding().isEmpty()) {
            if (expected.required()) {
                throw new StandardsException(Code.INVALID_PROOF, "The presentation has no Key Binding JWT");
            }
            return false;
        }
        if (!expected.required()) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "A Key Binding JWT was not expected here (it binds to another verifier)");
        }
        String kbText = sdJwt.keyBinding().get();
        JWSObject kb = parseJws(kbText, "Key Binding JWT");
        JsonObject kbHeader = header(kbText);
        if (!(kbHeader.get("typ") instanceof JsonString typ && typ.getString().equals(SdJwtHolder.KB_JWT_TYPE))) {
            throw new StandardsException(Code.INVALID_PROOF, "The Key Binding JWT's typ is not 'kb+jwt'");
        }
        JWK key = holderKey.orElseThrow(() -> new StandardsException(
                Code.INVALID_PROOF, "The SD-JWT has no cnf.jwk, so a Key Binding JWT cannot be checked"));
        if (!JoseKeys.verify(kb, key)) {
            throw new StandardsException(Code.INVALID_PROOF, "Invalid signature on the Key Binding JWT");
        }
        JsonObject claims = StrictJson.parseObject(kb.getPayload().toBytes(), HEADER_LIMITS);
        if (!(claims.get("nonce") instanceof JsonString nonce)
                || !nonce.getString().equals(expected.nonce().orElseThrow())) {
            throw new StandardsException(Code.INVALID_PROOF, "The Key Binding JWT carries another nonce");
        }
        if (!(claims.get("aud") instanceof JsonString aud)
                || !aud.getString().equals(expected.audience().orElseThrow())) {
            throw new StandardsException(Code.INVALID_PROOF, "The Key Binding JWT is addressed to another audience");
        }
        if (!(claims.get("iat") instanceof JsonNumber iat)) {
            throw new StandardsException(Code.INVALID_PROOF, "The Key Binding JWT has no iat");
        }
        Instant issuedAt = Instant.ofEpochSecond(iat.longValue());
        Instant now = clock.instant();
        if (issuedAt.isAfter(now.plus(SKEW)) || issuedAt.isBefore(now.minus(expected.maxAge()))) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The Key Binding JWT's iat is outside the accepted window");
        }
        String sdHash = Disclosure.digest(sdJwt.withoutKeyBinding());
        if (!(claims.get("sd_hash") instanceof JsonString hash)
                || !hash.getString().equals(sdHash)) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The Key Binding JWT's sd_hash does not match the SD-JWT and disclosures sent");
        }
        return true;
    }

    private static Optional<JWK> holderKey(JsonObject payload) {
        if (payload.get("cnf") instanceof JsonObject cnf && cnf.get("jwk") instanceof JsonObject jwk) {
            try {
                JWK key = JWK.parse(StrictJson.write(jwk));
                if (key.isPrivate()) {
                    throw new StandardsException(Code.INVALID_KEY, "cnf.jwk holds a private key");
                }
                JoseKeys.algorithm(key);
                return Optional.of(key);
            } catch (ParseException e) {
                throw new StandardsException(Code.INVALID_KEY, "cnf.jwk is not a JWK: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /** RFC 9901 §7.1 step 3: replaces digests with their disclosures, recursively; undisclosed digests vanish. */
    private static JsonObject object(
            JsonObject in, Map<String, Disclosure> byDigest, Set<String> seen, Set<String> used, int depth) {
        guard(depth);
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : in.entrySet()) {
            if (!member.getKey().equals("_sd")) {
                out.add(member.getKey(), value(member.getValue(), byDigest, seen, used, depth + 1));
            }
        }
        JsonValue sd = in.get("_sd");
        if (sd != null) {
            if (!(sd instanceof JsonArray digests)) {
                throw new StandardsException(Code.INVALID_PROOF, "_sd is not an array of digests");
            }
            Set<String> names = new HashSet<>(in.keySet());
            for (JsonValue entry : digests) {
                if (!(entry instanceof JsonString digest)) {
                    throw new StandardsException(Code.INVALID_PROOF, "_sd holds something other than a digest");
                }
                once(digest.getString(), seen);
                Disclosure disclosure = byDigest.get(digest.getString());
                if (disclosure == null) {
                    continue; // undisclosed, or a decoy
                }
                String name = disclosure
                        .claimName()
                        .orElseThrow(() -> new StandardsException(
                                Code.INVALID_PROOF, "An array-element disclosure is referenced from an object's _sd"));
                if (name.equals("_sd") || name.equals("...")) {
                    throw new StandardsException(Code.INVALID_PROOF, "A disclosure names the reserved claim " + name);
                }
                if (!names.add(name)) {
                    throw new StandardsException(
                            Code.INVALID_PROOF, "A disclosure repeats the claim " + name + " the object already has");
                }
                used.add(digest.getString());
                out.add(name, value(disclosure.value(), byDigest, seen, used, depth + 1));
            }
        }
        return out.build();
    }

    private static JsonValue value(
            JsonValue in, Map<String, Disclosure> byDigest, Set<String> seen, Set<String> used, int depth) {
        if (in instanceof JsonObject object) {
            return object(object, byDigest, seen, used, depth);
        }
        if (!(in instanceof JsonArray array)) {
            return in;
        }
        guard(depth);
        JsonArrayBuilder out = Jsons.PROVIDER.createArrayBuilder();
        for (JsonValue element : array) {
            if (element instanceof JsonObject o && o.size() == 1 && o.get("...") instanceof JsonString digest) {
                once(digest.getString(), seen);
                Disclosure disclosure = byDigest.get(digest.getString());
                if (disclosure == null) {
                    continue;
                }
                if (disclosure.claimName().isPresent()) {
                    throw new StandardsException(
                            Code.INVALID_PROOF, "An object-property disclosure is referenced from an array");
                }
                used.add(digest.getString());
                out.add(value(disclosure.value(), byDigest, seen, used, depth + 1));
            } else {
                out.add(value(element, byDigest, seen, used, depth + 1));
            }
        }
        return out.build();
    }

    private static void once(String digest, Set<String> seen) {
        if (!seen.add(digest)) {
            throw new StandardsException(Code.INVALID_PROOF, "A digest appears more than once in the SD-JWT");
        }
    }

    private static void guard(int depth) {
        if (depth > 32) {
            throw new StandardsException(Code.TOO_DEEP, "The SD-JWT nests deeper than 32 levels");
        }
    }

    private static JWSObject parseJws(String compact, String what) {
        JsonObject header = header(compact);
        String alg = header.get("alg") instanceof JsonString s ? s.getString() : "";
        if (!JoseKeys.ALLOWED_ALGORITHMS.contains(alg)) {
            throw new StandardsException(
                    Code.ALGORITHM_NOT_ALLOWED,
                    "The " + what + "'s algorithm '" + alg + "' is not on the allow-list "
                            + JoseKeys.ALLOWED_ALGORITHMS);
        }
        if (header.containsKey("crit")) {
            throw new StandardsException(Code.INVALID_PROOF, "JWS critical header parameters are not supported");
        }
        try {
            return JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new StandardsException(Code.MALFORMED_JSON, "Malformed " + what + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject header(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new StandardsException(Code.MALFORMED_JSON, "A JWS has three dot-separated parts");
        }
        return StrictJson.parseObject(new Base64URL(parts[0]).decode(), HEADER_LIMITS);
    }
}

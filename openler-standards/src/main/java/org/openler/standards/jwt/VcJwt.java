package org.openler.standards.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;

/**
 * Open Badges 3.0 §8.2 VC-JWT: a JWS (compact) whose payload carries the credential in {@code vc} and the registered
 * claims {@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp} mirrored from it ({@code nbf}/{@code exp} from
 * {@code validFrom}/{@code validUntil}, or from a VC DM 1.1 credential's {@code issuanceDate}/{@code expirationDate},
 * as VC DM 1.1 §6.3.1 encodes them). Only RS256 and ES256 (P-256)
 * are accepted; {@code alg: none} and every other algorithm are refused by name before any parsing of the payload.
 */
public final class VcJwt {

    public static final Set<String> ALLOWED_ALGORITHMS = Set.of("RS256", "ES256");
    private static final Duration SKEW = Duration.ofSeconds(60);

    private VcJwt() {}

    /**
     * Signs a credential as a VC-JWT with an RSA (RS256) or P-256 EC (ES256) private JWK; its {@code kid} goes into the
     * header.
     */
    public static String sign(JsonObject credential, JWK privateKey) {
        JWSAlgorithm algorithm;
        JWSSigner signer;
        try {
            if (privateKey instanceof RSAKey rsa) {
                algorithm = JWSAlgorithm.RS256;
                signer = new RSASSASigner(rsa);
            } else if (privateKey instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                algorithm = JWSAlgorithm.ES256;
                signer = new ECDSASigner(ec);
            } else {
                throw new StandardsException(
                        Code.ALGORITHM_NOT_ALLOWED, "VC-JWT keys are RSA (RS256) or EC P-256 (ES256)");
            }
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
            if (privateKey.getKeyID() != null) {
                header.keyID(privateKey.getKeyID());
            }
            JWSObject jws = new JWSObject(header.build(), new Payload(StrictJson.write(claims(credential))));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "VC-JWT signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a compact VC-JWT.
     *
     * @throws StandardsException MALFORMED_JSON, ALGORITHM_NOT_ALLOWED, INVALID_PROOF or DID_NOT_RESOLVED with the
     *     precise reason
     */
    public static VerifiedJwt verify(String compact, JwtKeyResolver keys, Clock clock) {
        String[] parts = compact.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new StandardsException(Code.MALFORMED_JSON, "A VC-JWT has three dot-separated parts");
        }
        JsonObject header = StrictJson.parseObject(new Base64URL(parts[0]).decode(), new JsonLimits(8 * 1024, 8));
        String alg = header.get("alg") instanceof JsonString s ? s.getString() : "";
        if (alg.equalsIgnoreCase("none")) {
            throw new StandardsException(
                    Code.ALGORITHM_NOT_ALLOWED, "Unsecured JWT (alg: none) refused: a VC-JWT must be signed");
        }
        if (!ALLOWED_ALGORITHMS.contains(alg)) {
            throw new StandardsException(
                    Code.ALGORITHM_NOT_ALLOWED,
                    "JWT algorithm '" + alg + "' is not on the allow-list " + ALLOWED_ALGORITHMS);
        }
        if (header.containsKey("crit")) {
            throw new StandardsException(Code.INVALID_PROOF, "JWT critical header parameters are not supported");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.trim());
        } catch (ParseException e) {
            throw new StandardsException(Code.MALFORMED_JSON, "Malformed JWS: " + e.getMessage(), e);
        }
        JsonObject claims = StrictJson.parseObject(jws.getPayload().toBytes(), JsonLimits.DEFAULT);
        if (!(claims.get("vc") instanceof JsonObject credential)) {
            throw new StandardsException(Code.MALFORMED_JSON, "The JWT has no 'vc' claim with the credential");
        }
        String iss = claims.get("iss") instanceof JsonString s ? s.getString() : "";
        if (iss.isEmpty()) {
            throw new StandardsException(Code.INVALID_PROOF, "The JWT has no 'iss' claim");
        }
        Optional<String> kid = Optional.ofNullable(jws.getHeader().getKeyID());
        JWK key = keys.resolve(iss, kid);
        try {
            JWSVerifier verifier = switch (alg) {
                case "RS256" -> {
                    if (!(key instanceof RSAKey rsa)) {
                        throw new StandardsException(Code.INVALID_PROOF, "RS256 needs an RSA key; the issuer's is not");
                    }
                    yield new RSASSAVerifier(rsa.toRSAPublicKey());
                }
                case "ES256" -> {
                    if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                        throw new StandardsException(
                                Code.INVALID_PROOF, "ES256 needs a P-256 key; the issuer's is not");
                    }
                    yield new ECDSAVerifier(ec.toECPublicKey());
                }
                default -> throw new IllegalStateException("unreachable: checked against the allow-list");
            };
            if (!jws.verify(verifier)) {
                throw new StandardsException(Code.INVALID_PROOF, "Invalid JWT signature");
            }
        } catch (JOSEException e) {
            throw new StandardsException(Code.INVALID_PROOF, "JWT signature check failed: " + e.getMessage(), e);
        }
        consistent(claims, credential, iss, clock);
        return new VerifiedJwt(credential, alg);
    }

    private static void consistent(JsonObject claims, JsonObject credential, String iss, Clock clock) {
        String issuer = credential.get("issuer") instanceof JsonString s
                ? s.getString()
                : credential.get("issuer") instanceof JsonObject o ? o.getString("id", "") : "";
        if (!iss.equals(issuer)) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The JWT 'iss' claim does not match the credential's issuer");
        }
        if (claims.get("jti") instanceof JsonString jti
                && credential.get("id") instanceof JsonString id
                && !jti.getString().equals(id.getString())) {
            throw new StandardsException(Code.INVALID_PROOF, "The JWT 'jti' claim does not match the credential's id");
        }
        if (claims.get("sub") instanceof JsonString sub
                && credential.get("credentialSubject") instanceof JsonObject subject
                && subject.get("id") instanceof JsonString id
                && !sub.getString().equals(id.getString())) {
            throw new StandardsException(Code.INVALID_PROOF, "The JWT 'sub' claim does not match the subject's id");
        }
        Instant now = clock.instant();
        if (claims.get("nbf") instanceof JsonNumber nbf
                && now.plus(SKEW).isBefore(Instant.ofEpochSecond(nbf.longValue()))) {
            throw new StandardsException(Code.INVALID_PROOF, "The JWT is not valid yet (nbf)");
        }
        if (claims.get("exp") instanceof JsonNumber exp
                && now.minus(SKEW).isAfter(Instant.ofEpochSecond(exp.longValue()))) {
            throw new StandardsException(Code.INVALID_PROOF, "The JWT has expired (exp)");
        }
    }

    private static JsonObject claims(JsonObject credential) {
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder();
        JsonValue issuer = credential.get("issuer");
        String iss = issuer instanceof JsonString s
                ? s.getString()
                : issuer instanceof JsonObject o ? o.getString("id", "") : "";
        if (iss.isEmpty()) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "The credential has no issuer id for 'iss'");
        }
        claims.add("iss", iss);
        if (credential.get("id") instanceof JsonString id) {
            claims.add("jti", id.getString());
        }
        if (credential.get("credentialSubject") instanceof JsonObject subject
                && subject.get("id") instanceof JsonString id) {
            claims.add("sub", id.getString());
        }
        // VC DM 2.0 names the window validFrom/validUntil; VC DM 1.1 §6.3.1 encodes issuanceDate/expirationDate
        epoch(credential, "validFrom")
                .or(() -> epoch(credential, "issuanceDate"))
                .ifPresent(t -> claims.add("nbf", t));
        epoch(credential, "validUntil")
                .or(() -> epoch(credential, "expirationDate"))
                .ifPresent(t -> claims.add("exp", t));
        return claims.add("vc", credential).build();
    }

    /**
     * The date-time as JWT seconds. A value that is no date-time is refused with the reason (found by fuzzing: it
     * escaped as a DateTimeParseException).
     */
    private static Optional<Long> epoch(JsonObject credential, String name) {
        if (!(credential.get(name) instanceof JsonString s)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.getString()).toEpochSecond());
        } catch (java.time.format.DateTimeParseException e) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_CREDENTIAL,
                    name + " must be a date-time with a time zone (xsd:dateTimeStamp)");
        }
    }
}

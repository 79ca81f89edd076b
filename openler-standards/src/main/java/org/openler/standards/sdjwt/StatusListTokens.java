package org.openler.standards.sdjwt;

import com.nimbusds.jose.JWSObject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.status.TokenStatusList;

/**
 * Reads a referenced token's status from a Status List Token (draft-ietf-oauth-status-list §5, §8.3): a JWT of
 * {@code typ: statuslist+jwt}, signed by the referenced token's own issuer (the key its {@code kid} names there),
 * whose {@code sub} is the URL the referenced token named, not expired; then the value at the token's index.
 */
public final class StatusListTokens {

    public static final String TYPE = "statuslist+jwt";

    private StatusListTokens() {}

    /** Where a referenced token (an SD-JWT VC's claims) says its status is: {@code status.status_list}. */
    public record Reference(int index, String uri) {

        public static Optional<Reference> of(JsonObject claims) {
            if (claims.get("status") instanceof JsonObject status
                    && status.get("status_list") instanceof JsonObject list
                    && list.get("idx") instanceof JsonNumber idx
                    && idx.isIntegral()
                    && list.get("uri") instanceof JsonString uri) {
                return Optional.of(new Reference(idx.intValue(), uri.getString()));
            }
            return Optional.empty();
        }
    }

    /**
     * The status value at {@code reference}'s index, from {@code token} as fetched from its URL.
     *
     * @throws StandardsException INVALID_STATUS or INVALID_PROOF when the token is not one the issuer signed for
     *     that URL, or has expired
     */
    public static int status(String token, Reference reference, String issuer, JwtKeyResolver keys, Clock clock) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token.strip());
        } catch (ParseException e) {
            throw new StandardsException(Code.INVALID_STATUS, "The status list is not a JWT");
        }
        if (jws.getHeader().getType() == null
                || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw new StandardsException(Code.INVALID_STATUS, "The status list's typ is not " + TYPE);
        }
        if (!JoseKeys.ALLOWED_ALGORITHMS.contains(jws.getHeader().getAlgorithm().getName())) {
            throw new StandardsException(
                    Code.ALGORITHM_NOT_ALLOWED, "Algorithm " + jws.getHeader().getAlgorithm() + " is not allowed");
        }
        if (!JoseKeys.verify(
                jws, keys.resolve(issuer, Optional.ofNullable(jws.getHeader().getKeyID())))) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The status list is not signed by the credential's issuer");
        }
        JsonObject claims = StrictJson.parseObject(jws.getPayload().toBytes());
        if (!(claims.get("sub") instanceof JsonString sub) || !sub.getString().equals(reference.uri())) {
            throw new StandardsException(Code.INVALID_STATUS, "The status list is for another URL");
        }
        if (claims.get("exp") instanceof JsonNumber exp
                && Instant.ofEpochSecond(exp.longValue()).isBefore(clock.instant())) {
            throw new StandardsException(Code.INVALID_STATUS, "The status list has expired");
        }
        if (!(claims.get("status_list") instanceof JsonObject list)
                || !(list.get("bits") instanceof JsonNumber bits)
                || !(list.get("lst") instanceof JsonString lst)) {
            throw new StandardsException(Code.INVALID_STATUS, "The status list has no bits and lst");
        }
        return TokenStatusList.decode(bits.intValue(), lst.getString()).get(reference.index());
    }
}

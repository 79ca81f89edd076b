package org.openler.platform.exchange;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.VerificationMethod;

/**
 * An OpenID4VCI 1.0 {@code jwt} key proof (Appendix F.1): {@code typ} openid4vci-proof+jwt, EdDSA (Ed25519) by the key
 * a did:key {@code kid} names, {@code aud} this credential issuer, a recent {@code iat} and a {@code nonce}. The nonce
 * is returned for the caller to take; every other failure is {@code invalid_proof} with the reason.
 */
final class ProofOfPossession {

    static final JOSEObjectType TYPE = new JOSEObjectType("openid4vci-proof+jwt");

    /** How old a proof may be, and how far ahead of our clock a wallet's clock may run. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private ProofOfPossession() {}

    /** A proof that verified: the holder's DID and the nonce it carries. */
    record Verified(Did holder, String nonce) {}

    static Verified verify(String proof, String audience, Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(proof);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The proof is not a signed JWT.");
        }
        JWSHeader header = jwt.getHeader();
        if (!TYPE.equals(header.getType())) {
            throw invalid("The proof's typ must be openid4vci-proof+jwt.");
        }
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())
                && !"Ed25519".equals(header.getAlgorithm().getName())) {
            throw invalid("The proof must be signed with EdDSA (Ed25519), the algorithm the metadata lists.");
        }
        String kid = header.getKeyID();
        if (kid == null || !kid.startsWith("did:key:") || !kid.contains("#")) {
            throw invalid("The proof's kid must be a did:key verification method (did:key:z…#z…).");
        }
        if (header.getJWK() != null || header.getX509CertChain() != null) {
            throw invalid("The proof names its key twice: give kid only.");
        }
        VerificationMethod method;
        Did holder;
        try {
            holder = Did.of(kid.substring(0, kid.indexOf('#')));
            method = DidKey.RESOLVER
                    .resolve(holder)
                    .method(kid)
                    .orElseThrow(() -> invalid("The kid is not the did:key's verification method."));
        } catch (StandardsException e) {
            throw invalid("The kid's did:key could not be resolved: " + e.getMessage());
        }
        if (!Ed25519.verify(
                method.publicKey(), jwt.getSigningInput(), jwt.getSignature().decode())) {
            throw invalid("The proof's signature does not verify with the key its kid names.");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw invalid("The proof's aud must be this credential issuer, " + audience + ".");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw invalid("The proof has no iat.");
        }
        Instant issued = iat.toInstant();
        if (issued.isAfter(now.plus(CLOCK_SKEW)) || issued.isBefore(now.minus(MAX_AGE))) {
            throw invalid("The proof's iat is not recent: sign a new proof.");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String value) || value.isEmpty()) {
            throw OAuthError.badRequest("invalid_nonce", "The proof has no nonce: get one from the nonce endpoint.");
        }
        return new Verified(holder, value);
    }

    private static OAuthError invalid(String reason) {
        return OAuthError.badRequest("invalid_proof", reason);
    }
}

package org.openler.platform.exchange;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jsonld.BundledContexts;

/**
 * A wallet elsewhere, written from the specifications: its own Ed25519 key published as did:key, a DIDAuth
 * presentation signed with eddsa-rdfc-2022 (proof purpose authentication), and OpenID4VCI key proofs built with
 * Nimbus and signed with BouncyCastle's Ed25519.
 */
final class ExternalWallet {

    final Ed25519KeyPair key = Ed25519.generate();
    final String did = DidKey.of(key.publicKey()).value();
    final String kid = DidKey.verificationMethodId(key.publicKey());

    /** The DIDAuth presentation a VC-API exchange asks for. */
    String didAuth(String challenge, String domain) {
        var presentation = Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", Jsons.PROVIDER.createArrayBuilder().add(BundledContexts.VC_V2))
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", did)
                .build();
        return StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "verifiablePresentation",
                        EddsaRdfc2022.sign(
                                presentation,
                                key,
                                ProofOptions.authentication(kid, Instant.now(), challenge, Optional.of(domain))))
                .build());
    }

    /** An openid4vci-proof+jwt for the issuer and nonce, signed by this wallet's key, naming {@code kid}. */
    String proof(String audience, String nonce) {
        return proof(audience, nonce, kid, key, Instant.now());
    }

    static String proof(String audience, String nonce, String kid, Ed25519KeyPair signer, Instant issuedAt) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("openid4vci-proof+jwt"))
                .keyID(kid)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .claim("nonce", nonce)
                .build();
        Base64URL encodedHeader = header.toBase64URL();
        Base64URL encodedClaims = Base64URL.encode(claims.toString());
        byte[] signingInput = (encodedHeader + "." + encodedClaims).getBytes(StandardCharsets.US_ASCII);
        try {
            return new SignedJWT(encodedHeader, encodedClaims, Base64URL.encode(Ed25519.sign(signer, signingInput)))
                    .serialize();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}

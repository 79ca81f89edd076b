package org.openler.platform.verification;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.jwt.JwtKeyResolver;

/**
 * The keys of VC-JWT issuers named by a did:jwk: the DID is the public key itself (base64url of its JWK), so the
 * signature binds the credential to its {@code iss} without fetching anything. Other issuers are refused by name
 * until a resolver for them is configured; a private key inside the DID is refused too.
 */
final class DidJwkKeys implements JwtKeyResolver {

    private static final String PREFIX = "did:jwk:";
    private static final int MAX_DID = 4096;

    @Override
    public JWK resolve(String issuer, Optional<String> keyId) {
        if (!issuer.startsWith(PREFIX) || issuer.length() > MAX_DID) {
            throw new StandardsException(
                    StandardsException.Code.DID_NOT_RESOLVED,
                    "The VC-JWT's issuer key could not be found: only did:jwk issuers are resolved here");
        }
        if (keyId.isPresent() && !keyId.get().equals("0") && !keyId.get().equals(issuer + "#0")) {
            throw new StandardsException(
                    StandardsException.Code.DID_NOT_RESOLVED, "The JWT's kid is not the did:jwk's key (#0)");
        }
        try {
            String json = new String(new Base64URL(issuer.substring(PREFIX.length())).decode(), StandardCharsets.UTF_8);
            JWK key = JWK.parse(json);
            if (key.isPrivate()) {
                throw new StandardsException(
                        StandardsException.Code.DID_NOT_RESOLVED, "A did:jwk must hold a public key only");
            }
            return key;
        } catch (ParseException | IllegalArgumentException e) {
            throw new StandardsException(
                    StandardsException.Code.DID_NOT_RESOLVED, "The did:jwk does not hold a readable JWK");
        }
    }
}

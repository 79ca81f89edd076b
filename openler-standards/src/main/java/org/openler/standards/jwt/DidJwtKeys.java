package org.openler.standards.jwt;

import com.nimbusds.jose.jwk.JWK;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolver;
import org.openler.standards.did.JsonWebKeyMethod;

/**
 * Finds a VC-JWT's key in its issuer's DID document: the {@code kid} header must be a DID URL under the {@code iss}
 * DID (or a bare fragment of it), naming a {@code JsonWebKey} method that document authorises for
 * {@code assertionMethod}. A key from any other document, or one only good for authentication, is refused — the
 * same rule a Data Integrity proof's verification method has to pass.
 */
public final class DidJwtKeys implements JwtKeyResolver {

    private final DidResolver resolver;

    private DidJwtKeys(DidResolver resolver) {
        this.resolver = resolver;
    }

    public static JwtKeyResolver of(DidResolver resolver) {
        return new DidJwtKeys(resolver);
    }

    @Override
    public JWK resolve(String issuer, Optional<String> keyId) {
        Did did;
        try {
            did = Did.of(issuer);
        } catch (StandardsException e) {
            throw new StandardsException(Code.DID_NOT_RESOLVED, "The JWT issuer is not a DID: " + e.getMessage(), e);
        }
        String kid = keyId.orElseThrow(() -> new StandardsException(
                Code.INVALID_PROOF, "The JWT header has no 'kid' naming the issuer's verification method"));
        String method = kid.startsWith("#") ? did.value() + kid : kid;
        if (!method.startsWith(did.value() + "#")) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The JWT's key " + method + " does not belong to its issuer " + did.value());
        }
        DidDocument document = resolver.resolve(did);
        JsonWebKeyMethod key = document.jsonWebKey(method)
                .orElseThrow(() -> new StandardsException(
                        Code.DID_NOT_RESOLVED, "The issuer's DID document has no JsonWebKey " + method));
        if (!key.controller().equals(did) || !document.authorises(method, "assertionMethod")) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The issuer's DID document does not authorise " + method + " to issue");
        }
        return key.publicKey();
    }
}

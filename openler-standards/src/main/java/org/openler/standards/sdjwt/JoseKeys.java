package org.openler.standards.sdjwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.crypto.Ed25519PublicKey;

/**
 * The two key types SD-JWTs are signed with here: EC P-256 (ES256, the issuer's) and Ed25519 (EdDSA, a wallet's
 * holder key). Nimbus does the JWS; Ed25519 signatures go through this library's BouncyCastle {@link Ed25519}, so no
 * second crypto provider (Tink) is needed. Every other key or algorithm is refused by name.
 */
public final class JoseKeys {

    /** The algorithms an SD-JWT or a Key Binding JWT may use here; {@code none} never. */
    public static final Set<String> ALLOWED_ALGORITHMS = Set.of("ES256", "EdDSA");

    private JoseKeys() {}

    /** A holder's Ed25519 key pair as a private OKP JWK (for signing Key Binding JWTs). */
    public static OctetKeyPair ed25519(Ed25519KeyPair keyPair) {
        return new OctetKeyPair.Builder(
                        Curve.Ed25519, Base64URL.encode(keyPair.publicKey().bytes()))
                .d(Base64URL.encode(keyPair.secretSeed()))
                .build();
    }

    /** A public Ed25519 key as the OKP JWK an SD-JWT's {@code cnf} claim carries. */
    public static OctetKeyPair ed25519(Ed25519PublicKey key) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.bytes())).build();
    }

    static JWSAlgorithm algorithm(JWK key) {
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return JWSAlgorithm.EdDSA;
        }
        throw new StandardsException(Code.ALGORITHM_NOT_ALLOWED, "SD-JWT keys are EC P-256 (ES256) or Ed25519 (EdDSA)");
    }

    static void sign(JWSObject jws, JWK privateKey) {
        try {
            jws.sign(
                    privateKey instanceof ECKey ec
                            ? new ECDSASigner(ec)
                            : new Ed25519Signer(Ed25519.fromSeed(
                                    ((OctetKeyPair) privateKey).getD().decode())));
        } catch (JOSEException | ClassCastException e) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "JWS signing failed: " + e.getMessage(), e);
        }
    }

    /** True when the JWS verifies under the public key with the algorithm its header names (already allow-listed). */
    static boolean verify(JWSObject jws, JWK publicKey) {
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (!alg.equals(algorithm(publicKey))) {
            throw new StandardsException(
                    Code.INVALID_PROOF,
                    "The JWS algorithm " + alg + " does not fit the key (" + publicKey.getKeyType() + ")");
        }
        try {
            JWSVerifier verifier = publicKey instanceof ECKey ec
                    ? new ECDSAVerifier(ec.toECPublicKey())
                    : new Ed25519Verifier(new Ed25519PublicKey(
                            ((OctetKeyPair) publicKey).getX().decode()));
            return jws.verify(verifier);
        } catch (JOSEException e) {
            throw new StandardsException(Code.INVALID_PROOF, "JWS signature check failed: " + e.getMessage(), e);
        }
    }

    private static final class Ed25519Signer implements JWSSigner {
        private final Ed25519KeyPair key;
        private final JCAContext context = new JCAContext();

        Ed25519Signer(Ed25519KeyPair key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(Ed25519.sign(key, signingInput));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }

    private static final class Ed25519Verifier implements JWSVerifier {
        private final Ed25519PublicKey key;
        private final JCAContext context = new JCAContext();

        Ed25519Verifier(Ed25519PublicKey key) {
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            return Ed25519.verify(key, signingInput, signature.decode());
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}

package org.openler.standards.dataintegrity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.crypto.Ed25519PublicKey;
import org.openler.standards.crypto.Multibase;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolver;
import org.openler.standards.did.VerificationMethod;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.Canonicalizer;

/**
 * Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite (W3C vc-di-eddsa §3.3): RDFC-1.0 over the
 * document without its proof and over the proof options with the document's {@code @context}; the signed bytes are
 * {@code sha256(proofConfig) || sha256(document)}; the proof value is multibase base58btc.
 */
public final class EddsaRdfc2022 {

    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    /** The cryptosuites we verify (see {@link Proofs}). Anything else fails closed, by name. */
    public static final Set<String> ALLOWED_CRYPTOSUITES = Proofs.CRYPTOSUITES;

    private EddsaRdfc2022() {}

    /**
     * Adds a proof to an unsecured document (a credential or a presentation).
     *
     * @throws StandardsException INVALID_ARGUMENT when it already has a proof or uses {@code jti}/{@code endorsementJwt};
     *     JSON_LD / CONTEXT_NOT_ALLOWED when it
     *     cannot be canonicalized with the pinned contexts
     */
    public static JsonObject sign(JsonObject unsecured, Ed25519KeyPair key, ProofOptions options) {
        if (unsecured.containsKey("proof")) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "The document already has a proof");
        }
        // Whatever built the document, we never sign the two terms only one OB 3.0.3 context revision defines.
        Credentials.requireEmittable(unsecured);
        JsonObjectBuilder config = Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", PROOF_TYPE)
                .add("created", DateTimeFormatter.ISO_INSTANT.format(options.created()))
                .add("verificationMethod", options.verificationMethod())
                .add("cryptosuite", CRYPTOSUITE)
                .add("proofPurpose", options.proofPurpose());
        options.challenge().ifPresent(c -> config.add("challenge", c));
        options.domain().ifPresent(d -> config.add("domain", d));
        JsonObject proofConfig = config.build();
        JsonObject withContext = Jsons.PROVIDER
                .createObjectBuilder(proofConfig)
                .add("@context", unsecured.getOrDefault("@context", JsonValue.NULL))
                .build();
        byte[] signature = Ed25519.sign(key, hashData(unsecured, withContext));
        JsonObject proof = Jsons.PROVIDER
                .createObjectBuilder(proofConfig)
                .add("proofValue", Multibase.encodeBase58Btc(signature))
                .build();
        return Jsons.PROVIDER.createObjectBuilder(unsecured).add("proof", proof).build();
    }

    /**
     * Verifies every proof on a secured document against the expectations (proof sets, chains and every Ed25519 form
     * {@link Proofs} knows); answers the first.
     *
     * @throws StandardsException with the precise reason: INVALID_PROOF, ALGORITHM_NOT_ALLOWED, DID_NOT_RESOLVED,
     *     INVALID_KEY, JSON_LD or CONTEXT_NOT_ALLOWED
     */
    public static VerifiedProof verify(JsonObject secured, DidResolver resolver, ProofExpectations expected) {
        // Proof sets and chains, and the other Ed25519 forms, are verified by Proofs; every proof must verify.
        return Proofs.verifyAll(secured, resolver, expected).get(0);
    }

    record KeyAndController(String methodId, String controller, Ed25519PublicKey key, boolean fromFragment) {}

    static KeyAndController resolveKey(String methodId, DidResolver resolver, ProofExpectations e) {
        if (methodId.isEmpty()) {
            throw new StandardsException(Code.INVALID_PROOF, "The proof has no verificationMethod");
        }
        URI uri;
        try {
            uri = new URI(methodId);
        } catch (Exception ex) {
            throw new StandardsException(Code.INVALID_PROOF, "The verification method is not a valid URI");
        }
        if (uri.getScheme() == null) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "The verification method must be a valid URI (missing scheme)");
        }
        int hash = methodId.indexOf('#');
        String base = hash < 0 ? methodId : methodId.substring(0, hash);
        if (uri.getScheme().equals("did")) {
            Did did = Did.of(base);
            DidDocument document = resolver.resolve(did);
            // A bare did:key names its one key (the 1EdTech fixtures use that form).
            String fullId =
                    hash < 0 && did.method().equals("key") ? did.value() + "#" + did.methodSpecificId() : methodId;
            VerificationMethod method = document.method(fullId)
                    .orElseThrow(() -> new StandardsException(
                            Code.INVALID_PROOF,
                            "The DID document of " + did + " has no verification method " + fullId));
            if (!method.controller().equals(did)) {
                throw new StandardsException(
                        Code.INVALID_PROOF, "Verification method " + fullId + " is controlled by another DID");
            }
            requireController(did.value(), e);
            if (!document.authorises(fullId, e.proofPurpose())) {
                throw new StandardsException(
                        Code.INVALID_PROOF,
                        "The DID document does not authorise " + fullId + " for " + e.proofPurpose());
            }
            return new KeyAndController(fullId, did.value(), method.publicKey(), false);
        }
        if (e.keyFromFragment()
                && hash > 0
                && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            Ed25519PublicKey key = Multikey.decodePublicKey(methodId.substring(hash + 1));
            requireController(base, e);
            return new KeyAndController(methodId, base, key, true);
        }
        throw new StandardsException(
                Code.INVALID_PROOF,
                "Unknown verification method scheme '" + uri.getScheme() + "': only DID verification methods resolve");
    }

    private static void requireController(String controller, ProofExpectations e) {
        if (e.controller().isPresent() && !e.controller().get().equals(controller)) {
            throw new StandardsException(
                    Code.INVALID_PROOF,
                    "The verification method belongs to " + controller + ", not to "
                            + e.controller().get());
        }
    }

    static byte[] hashData(JsonObject unsecured, JsonObject proofConfig) {
        byte[] proofHash = sha256(Canonicalizer.canonicalize(proofConfig));
        byte[] documentHash = sha256(Canonicalizer.canonicalize(unsecured));
        byte[] data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    static byte[] sha256(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : "";
    }
}

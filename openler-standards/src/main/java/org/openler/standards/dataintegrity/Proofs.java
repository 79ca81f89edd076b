package org.openler.standards.dataintegrity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.crypto.Multibase;
import org.openler.standards.did.DidResolver;
import org.openler.standards.json.Jcs;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.Canonicalizer;

/**
 * Verifies the proofs of a secured document (VC Data Integrity 1.0 §4.4–4.5): a single proof, a proof set (several
 * proofs, each over the document alone) and a proof chain (a proof naming {@code previousProof} also covers the proofs
 * it names, which must be in the set). Every proof must verify: one we cannot check is not one to ignore. Ed25519 only,
 * in three forms: {@code DataIntegrityProof} with {@code eddsa-rdfc-2022} or {@code eddsa-jcs-2022} (W3C vc-di-eddsa
 * §3.3, §3.4), and the older {@code Ed25519Signature2020} (vc-di-eddsa §4 / the CCG suite: RDFC like eddsa-rdfc-2022,
 * its proof configuration without a cryptosuite).
 */
public final class Proofs {

    public static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";
    public static final String EDDSA_JCS_2022 = "eddsa-jcs-2022";

    /** The cryptosuites of a {@code DataIntegrityProof} we verify. Anything else fails closed, by name. */
    public static final Set<String> CRYPTOSUITES = Set.of(EddsaRdfc2022.CRYPTOSUITE, EDDSA_JCS_2022);

    private Proofs() {}

    /**
     * Verifies every proof on a secured document against the expectations (the controller, when given, must control
     * every proof's key).
     *
     * @return each proof's verification method and controller, in the document's order
     * @throws StandardsException with the precise reason: INVALID_PROOF, ALGORITHM_NOT_ALLOWED, DID_NOT_RESOLVED,
     *     INVALID_KEY, JSON_LD or CONTEXT_NOT_ALLOWED
     */
    public static List<VerifiedProof> verifyAll(JsonObject secured, DidResolver resolver, ProofExpectations expected) {
        JsonValue proofValue = secured.get("proof");
        if (proofValue == null) {
            throw new StandardsException(Code.INVALID_PROOF, "The document has no proof");
        }
        List<JsonValue> all = proofValue instanceof JsonArray array ? array : List.of(proofValue);
        if (all.isEmpty()) {
            throw new StandardsException(Code.INVALID_PROOF, "The document's proof set is empty");
        }
        List<JsonObject> proofs = new ArrayList<>(all.size());
        for (JsonValue value : all) {
            if (!(value instanceof JsonObject proof)) {
                throw new StandardsException(Code.INVALID_PROOF, "A proof must be a JSON object");
            }
            proofs.add(proof);
        }
        JsonObject unsecured =
                Jsons.PROVIDER.createObjectBuilder(secured).remove("proof").build();
        List<VerifiedProof> verified = new ArrayList<>(proofs.size());
        for (JsonObject proof : proofs) {
            verified.add(verifyOne(secured, withPreviousProofs(unsecured, proof, proofs), proof, resolver, expected));
        }
        return List.copyOf(verified);
    }

    /**
     * The document a proof signed: without any proof, or — for a proof in a chain — with the proofs its
     * {@code previousProof} names (VC Data Integrity 1.0 §4.5 step 3), as an array, each of which must be in the set.
     */
    private static JsonObject withPreviousProofs(JsonObject unsecured, JsonObject proof, List<JsonObject> all) {
        JsonValue previous = proof.get("previousProof");
        if (previous == null || previous == JsonValue.NULL) {
            return unsecured;
        }
        List<JsonValue> ids = previous instanceof JsonArray array ? array : List.of(previous);
        JsonArrayBuilder matching = Jsons.PROVIDER.createArrayBuilder();
        for (JsonValue id : ids) {
            if (!(id instanceof JsonString s)) {
                throw new StandardsException(Code.INVALID_PROOF, "previousProof must name proofs by their id");
            }
            JsonObject found = all.stream()
                    .filter(p -> p != proof
                            && p.get("id") instanceof JsonString pid
                            && pid.getString().equals(s.getString()))
                    .findFirst()
                    .orElseThrow(() -> new StandardsException(
                            Code.INVALID_PROOF,
                            "The proof chain names previous proof " + s.getString()
                                    + ", which is not in the proof set"));
            matching.add(found);
        }
        return Jsons.PROVIDER
                .createObjectBuilder(unsecured)
                .add("proof", matching)
                .build();
    }

    private static VerifiedProof verifyOne(
            JsonObject secured,
            JsonObject signedDocument,
            JsonObject proof,
            DidResolver resolver,
            ProofExpectations e) {
        String type = EddsaRdfc2022.string(proof, "type");
        String suite = EddsaRdfc2022.string(proof, "cryptosuite");
        Suite form;
        if (type.equals(EddsaRdfc2022.PROOF_TYPE)) {
            if (!CRYPTOSUITES.contains(suite)) {
                throw new StandardsException(
                        Code.ALGORITHM_NOT_ALLOWED,
                        "Cryptosuite '" + suite + "' is not on the allow-list "
                                + CRYPTOSUITES.stream().sorted().toList());
            }
            form = suite.equals(EDDSA_JCS_2022) ? Suite.JCS : Suite.RDFC;
        } else if (type.equals(ED25519_SIGNATURE_2020)) {
            form = Suite.ED25519_2020;
        } else {
            throw new StandardsException(
                    Code.ALGORITHM_NOT_ALLOWED,
                    "Proof type '" + type + "' is not accepted; only " + EddsaRdfc2022.PROOF_TYPE + " and "
                            + ED25519_SIGNATURE_2020 + " are");
        }
        String purpose = EddsaRdfc2022.string(proof, "proofPurpose");
        if (!e.proofPurpose().equals(purpose)) {
            throw new StandardsException(
                    Code.INVALID_PROOF,
                    "Proof purpose is '" + purpose + "' but '" + e.proofPurpose() + "' is required here");
        }
        String created = EddsaRdfc2022.string(proof, "created");
        if (!created.isEmpty()) {
            try {
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(created);
            } catch (DateTimeParseException ex) {
                throw new StandardsException(Code.INVALID_PROOF, "Proof 'created' is not a date-time: " + created);
            }
        }
        if (e.challenge().isPresent() && !e.challenge().get().equals(EddsaRdfc2022.string(proof, "challenge"))) {
            throw new StandardsException(Code.INVALID_PROOF, "Proof challenge does not match the expected challenge");
        }
        if (e.domain().isPresent() && !e.domain().get().equals(EddsaRdfc2022.string(proof, "domain"))) {
            throw new StandardsException(Code.INVALID_PROOF, "Proof domain does not match the expected domain");
        }
        String encoded = EddsaRdfc2022.string(proof, "proofValue");
        if (encoded.isEmpty()) {
            throw new StandardsException(Code.INVALID_PROOF, "The proof has no proofValue");
        }
        byte[] signature;
        try {
            signature = Multibase.decodeBase58Btc(encoded);
        } catch (StandardsException ex) {
            throw new StandardsException(Code.INVALID_PROOF, "proofValue is not multibase base58btc", ex);
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            throw new StandardsException(Code.INVALID_PROOF, "proofValue is not a 64-byte Ed25519 signature");
        }
        EddsaRdfc2022.KeyAndController key =
                EddsaRdfc2022.resolveKey(EddsaRdfc2022.string(proof, "verificationMethod"), resolver, e);
        byte[] data = switch (form) {
            case RDFC, ED25519_2020 -> {
                JsonObjectBuilder config =
                        Jsons.PROVIDER.createObjectBuilder(proof).remove("proofValue");
                if (secured.containsKey("@context")) {
                    config.add("@context", secured.get("@context"));
                }
                yield EddsaRdfc2022.hashData(signedDocument, config.build());
            }
            case JCS -> {
                // JCS signs the JSON text, not its meaning: the same lossless rule as RDFC applies, so a term, type,
                // @id or value that JSON-LD expansion would drop is refused (DATA_LOSS) rather than accepted as signed
                Canonicalizer.canonicalize(signedDocument);
                yield jcsHashData(signedDocument, proof);
            }
        };
        if (!Ed25519.verify(key.key(), data, signature)) {
            throw new StandardsException(
                    Code.INVALID_PROOF, "Invalid signature: the document or its proof was altered");
        }
        return new VerifiedProof(key.methodId(), key.controller(), key.fromFragment());
    }

    /**
     * vc-di-eddsa §3.4.2–3.4.5: the proof options (the proof without its value) in JCS; the document in JCS, with the
     * proof's {@code @context} when it has one, which must be where the document's own begins.
     */
    private static byte[] jcsHashData(JsonObject unsecured, JsonObject proof) {
        JsonObject options =
                Jsons.PROVIDER.createObjectBuilder(proof).remove("proofValue").build();
        JsonObject document = unsecured;
        if (options.get("@context") instanceof JsonValue proofContext) {
            List<JsonValue> mine = list(proofContext);
            List<JsonValue> theirs = list(unsecured.get("@context"));
            if (theirs.size() < mine.size() || !theirs.subList(0, mine.size()).equals(mine)) {
                throw new StandardsException(
                        Code.INVALID_PROOF, "The proof's @context is not where the document's @context begins");
            }
            document = Jsons.PROVIDER
                    .createObjectBuilder(unsecured)
                    .add("@context", proofContext)
                    .build();
        }
        byte[] proofHash = EddsaRdfc2022.sha256(Jcs.canonicalize(options));
        byte[] documentHash = EddsaRdfc2022.sha256(Jcs.canonicalize(document));
        byte[] data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    private static List<JsonValue> list(JsonValue value) {
        return value instanceof JsonArray array ? array : value == null ? List.of() : List.of(value);
    }

    /**
     * Adds an {@code eddsa-jcs-2022} proof (vc-di-eddsa §3.4): the proof configuration carries the document's
     * {@code @context}; the signed bytes are {@code sha256(JCS(proofConfig)) || sha256(JCS(document))}.
     *
     * @throws StandardsException INVALID_ARGUMENT when the document already has a proof
     */
    public static JsonObject signJcs(JsonObject unsecured, Ed25519KeyPair key, ProofOptions options) {
        if (unsecured.containsKey("proof")) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "The document already has a proof");
        }
        JsonObjectBuilder config = Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", EddsaRdfc2022.PROOF_TYPE)
                .add("cryptosuite", EDDSA_JCS_2022)
                .add("created", DateTimeFormatter.ISO_INSTANT.format(options.created()))
                .add("verificationMethod", options.verificationMethod())
                .add("proofPurpose", options.proofPurpose());
        options.challenge().ifPresent(c -> config.add("challenge", c));
        options.domain().ifPresent(d -> config.add("domain", d));
        if (unsecured.containsKey("@context")) {
            config.add("@context", unsecured.get("@context"));
        }
        JsonObject proofConfig = config.build();
        byte[] signature = Ed25519.sign(key, jcsHashData(unsecured, proofConfig));
        JsonObject proof = Jsons.PROVIDER
                .createObjectBuilder(proofConfig)
                .add("proofValue", Multibase.encodeBase58Btc(signature))
                .build();
        return Jsons.PROVIDER.createObjectBuilder(unsecured).add("proof", proof).build();
    }

    private enum Suite {
        RDFC,
        JCS,
        ED25519_2020
    }
}

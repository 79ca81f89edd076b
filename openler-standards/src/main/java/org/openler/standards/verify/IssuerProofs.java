package org.openler.standards.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.dataintegrity.ProofExpectations;
import org.openler.standards.dataintegrity.Proofs;
import org.openler.standards.dataintegrity.VerifiedProof;
import org.openler.standards.did.DidResolver;

/**
 * A credential's proofs and its issuer: every proof in the set or chain must verify, and at least one must be made with
 * a key the issuer controls (another party's proof beside the issuer's, an endorsement say, adds to it; a set whose
 * keys are all someone else's does not make the credential the issuer's).
 */
final class IssuerProofs {

    private IssuerProofs() {}

    /** The issuer's proof (the first of them), once every proof verified. */
    static VerifiedProof verify(JsonObject credential, String issuer, DidResolver resolver, boolean keyFromFragment) {
        ProofExpectations anyController = new ProofExpectations(
                "assertionMethod", Optional.empty(), Optional.empty(), Optional.empty(), keyFromFragment);
        List<VerifiedProof> proofs = Proofs.verifyAll(credential, resolver, anyController);
        return proofs.stream()
                .filter(p -> p.controller().equals(issuer))
                .findFirst()
                .orElseThrow(() -> new StandardsException(
                        Code.INVALID_PROOF,
                        "The verification method belongs to "
                                + String.join(
                                        ", ",
                                        proofs.stream()
                                                .map(VerifiedProof::controller)
                                                .distinct()
                                                .toList())
                                + ", not to " + issuer));
    }

    /** "The eddsa-rdfc-2022 proof verifies", or what a set or chain held. */
    static String describe(JsonObject credential) {
        JsonValue proof = credential.get("proof");
        List<JsonValue> proofs = proof instanceof JsonArray array ? array : List.of(proof);
        List<String> forms = proofs.stream()
                .map(p -> p instanceof JsonObject o
                        ? (o.get("cryptosuite") instanceof JsonString s ? s.getString() : o.getString("type", "?"))
                        : "?")
                .toList();
        if (forms.size() == 1) {
            return "The " + forms.get(0) + " proof verifies";
        }
        boolean chain = proofs.stream().anyMatch(p -> p instanceof JsonObject o && o.containsKey("previousProof"));
        return "All " + forms.size() + " proofs of the proof " + (chain ? "chain" : "set") + " verify ("
                + String.join(", ", forms) + ")";
    }
}

package org.openler.standards.dataintegrity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Options of a proof to create.
 *
 * @param verificationMethod the DID URL of the signing key ({@code did:…#…})
 * @param proofPurpose {@code assertionMethod} for credentials, {@code authentication} for presentations
 * @param created when the proof is made (kept to the second)
 * @param challenge for presentations: the verifier's nonce
 * @param domain for presentations: the verifier's domain
 */
public record ProofOptions(
        String verificationMethod,
        String proofPurpose,
        Instant created,
        Optional<String> challenge,
        Optional<String> domain) {

    public ProofOptions {
        if (!verificationMethod.startsWith("did:") || !verificationMethod.contains("#")) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "A verification method is a DID URL with a fragment: did:…#…");
        }
        if (!proofPurpose.equals("assertionMethod") && !proofPurpose.equals("authentication")) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "Proof purpose must be assertionMethod or authentication");
        }
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** For issuing a credential. */
    public static ProofOptions assertion(String verificationMethod, Instant created) {
        return new ProofOptions(verificationMethod, "assertionMethod", created, Optional.empty(), Optional.empty());
    }

    /** For a holder's presentation bound to a verifier's challenge and domain. */
    public static ProofOptions authentication(
            String verificationMethod, Instant created, String challenge, Optional<String> domain) {
        return new ProofOptions(verificationMethod, "authentication", created, Optional.of(challenge), domain);
    }
}

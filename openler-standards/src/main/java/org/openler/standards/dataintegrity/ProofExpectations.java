package org.openler.standards.dataintegrity;

import java.util.Optional;

/**
 * What a verifier requires of a proof.
 *
 * @param proofPurpose the purpose the proof must state
 * @param controller the DID (or URL) that must control the verification method: the issuer for credentials, the holder
 *     for presentations; empty when the document names none (an unsigned holder)
 * @param challenge the challenge the proof must carry, if one was issued
 * @param domain the domain the proof must carry, if one is expected
 * @param keyFromFragment accept {@code <controller>#<publicKeyMultibase>} verification methods whose key is read from
 *     the fragment (the 1EdTech validator does for non-DID issuers). Off by default: it binds the key to the issuer URL
 *     by nothing but the string, so the verifier reports it as a warning.
 */
public record ProofExpectations(
        String proofPurpose,
        Optional<String> controller,
        Optional<String> challenge,
        Optional<String> domain,
        boolean keyFromFragment) {

    public static ProofExpectations assertionBy(String issuer) {
        return new ProofExpectations("assertionMethod", Optional.of(issuer), Optional.empty(), Optional.empty(), false);
    }

    public ProofExpectations withKeyFromFragment(boolean allowed) {
        return new ProofExpectations(proofPurpose, controller, challenge, domain, allowed);
    }
}

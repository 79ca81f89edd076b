package org.openler.standards.dataintegrity;

/**
 * A proof that verified.
 *
 * @param verificationMethod the key's DID URL
 * @param controller the key's controller
 * @param keyFromFragment true when the key was read from the verification method URL, not resolved
 */
public record VerifiedProof(String verificationMethod, String controller, boolean keyFromFragment) {}

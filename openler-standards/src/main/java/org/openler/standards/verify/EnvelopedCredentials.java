package org.openler.standards.verify;

import java.util.Optional;

/**
 * Verifies a credential a presentation carries enveloped (VC Data Model 2.0 §4.13: an
 * {@code EnvelopedVerifiableCredential} whose {@code id} is a {@code data:} URL), such as an SD-JWT VC
 * ({@code data:application/dc+sd-jwt,…}). The presentation's verifier knows only Data Integrity; the caller knows how
 * to check the enveloped format and against what (the key binding's nonce and audience, say).
 */
@FunctionalInterface
public interface EnvelopedCredentials {

    /** Accepts no enveloped credential at all. */
    EnvelopedCredentials NONE = (mediaType, data) -> Optional.empty();

    /** The report for the enveloped credential; empty when this media type is not accepted. */
    Optional<VerificationReport> verify(String mediaType, String data);
}

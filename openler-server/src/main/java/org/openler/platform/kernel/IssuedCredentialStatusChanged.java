package org.openler.platform.kernel;

import java.util.UUID;

/**
 * A credential issued here was revoked, suspended or reinstated. Published inside the changing transaction, so
 * whoever derives something from the holders' verified credentials (the talent index) records it in the same one.
 */
public record IssuedCredentialStatusChanged(UUID credential) {}

/**
 * Proofs under conditions the ordinary suite does not create (issue 19): a PostgreSQL outage during load, faults
 * injected into the repository, the signer and the outbound client, and kill -9 during long writes. The long ones are
 * {@code *Trial} classes run by Maven profiles ({@code -Poutage}, {@code -Pfaults}); see docs/resilience.md.
 */
@NullMarked
package org.openler.platform.resilience;

import org.jspecify.annotations.NullMarked;

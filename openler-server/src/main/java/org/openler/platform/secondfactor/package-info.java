/**
 * A second factor for signing in (issue 19): passkeys through Spring Security's WebAuthn support, TOTP (RFC 6238) as a
 * fallback and single-use recovery codes; the second step after a right password; an organization's requirement of a
 * second factor for its staff. Implements {@code identity.SecondFactorGate}.
 */
@NullMarked
package org.openler.platform.secondfactor;

import org.jspecify.annotations.NullMarked;

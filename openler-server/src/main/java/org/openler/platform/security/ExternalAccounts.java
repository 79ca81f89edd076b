package org.openler.platform.security;

import org.openler.platform.kernel.PersonPrincipal;

/**
 * Links a person who signed in at an external OpenID provider to a local account. Implemented by the accounts
 * feature; security only needs this.
 */
public interface ExternalAccounts {

    /**
     * The local account for this external identity: the one already linked to (issuer, subject); else the account
     * with this e-mail if the provider verified it; else, when no account has the address, a new learner account.
     * Each is then linked, so later sign-ins find it by (issuer, subject).
     *
     * @throws org.openler.platform.problems.PlatformException if an account has the address and the provider did not
     *     verify it
     */
    PersonPrincipal link(String issuer, String subject, String email, boolean emailVerified, String displayName);
}

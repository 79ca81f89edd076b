package org.openler.platform.identity;

/**
 * Links a person who signed in at an external OpenID provider to a local account. Implemented by the accounts
 * feature; identity only needs this.
 */
public interface ExternalAccounts {

    /**
     * The local account for this external identity: the one already linked to (issuer, subject), else the one with
     * this verified e-mail (then linked), else a new learner account.
     *
     * @throws org.openler.platform.problems.PlatformException if the provider did not verify the e-mail
     */
    PersonPrincipal link(String issuer, String subject, String email, boolean emailVerified, String displayName);
}

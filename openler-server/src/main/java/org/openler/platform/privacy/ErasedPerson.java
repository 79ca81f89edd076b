package org.openler.platform.privacy;

import org.openler.platform.kernel.AccountId;

/**
 * The person whose account is being deleted, as the features that still name them need to find them: the account
 * id, the e-mail address, and the audit name ({@code account:<id>}); with the pseudonym that replaces that audit name
 * in the records that must stay (an issuer's "issued by", the audit trail), so events stay countable but no longer
 * point at anyone.
 */
public record ErasedPerson(AccountId id, String email, String pseudonym) {

    public String auditName() {
        return "account:" + id;
    }
}

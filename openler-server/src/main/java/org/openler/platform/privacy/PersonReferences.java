package org.openler.platform.privacy;

/**
 * A feature whose own tables name a person outside the rows that go with the account: an address typed by someone
 * else (an issuer's recipient e-mail), or an audit name in a record the organization keeps ("issued by"). Called in
 * the deletion's transaction, after every {@link PersonalData#beforeDeletion} and before the account row goes.
 * Implementations erase or pseudonymize those references in their own tables only.
 */
public interface PersonReferences {

    void erase(ErasedPerson person);
}

package org.openler.standards.credentials;

import org.openler.standards.did.Did;

/** Who a credential is about: a DID, or a hashed identity (e-mail). */
public sealed interface Recipient {

    record ByDid(Did did) implements Recipient {}

    record ByIdentity(IdentityObject identity) implements Recipient {}

    static Recipient did(Did did) {
        return new ByDid(did);
    }

    static Recipient email(String email) {
        return new ByIdentity(IdentityObject.saltedEmail(email));
    }
}

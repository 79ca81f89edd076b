package org.openler.standards.did;

/** Resolves a DID to its document. Implementations fail closed with a precise reason. */
public interface DidResolver {

    /**
     * @throws org.openler.standards.StandardsException DID_NOT_RESOLVED (or INVALID_DID) with the reason
     */
    DidDocument resolve(Did did);
}

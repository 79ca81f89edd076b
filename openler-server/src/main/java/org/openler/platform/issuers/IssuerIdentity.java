package org.openler.platform.issuers;

/**
 * Who issues a credential and signs its status lists: the organization's did:web (the default: it survives key
 * rotation), or the did:key of one of the organization's keys (for verifiers that resolve nothing online; the key is
 * then the issuer's whole identity).
 */
public sealed interface IssuerIdentity permits IssuerIdentity.Web, IssuerIdentity.Key {

    /** How the identity is stored ({@code status_list.issuer}, {@code issued_credential.issuer}). */
    String column();

    record Web() implements IssuerIdentity {
        @Override
        public String column() {
            return "did:web";
        }
    }

    record Key(String keyId) implements IssuerIdentity {
        @Override
        public String column() {
            return keyId;
        }
    }

    static IssuerIdentity of(String column) {
        return "did:web".equals(column) ? new Web() : new Key(column);
    }
}

package org.openler.standards.did;

import java.util.Map;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/** Ready-made resolvers. */
public final class DidResolvers {

    private DidResolvers() {}

    /** did:key offline, did:web through the given resolver, every other method refused. */
    public static DidResolver keyAndWeb(DidResolver web) {
        return did -> switch (did.method()) {
            case "key" -> DidKey.RESOLVER.resolve(did);
            case "web" -> web.resolve(did);
            default -> throw unsupported(did);
        };
    }

    /** did:key only. */
    public static DidResolver keyOnly() {
        return did -> switch (did.method()) {
            case "key" -> DidKey.RESOLVER.resolve(did);
            default -> throw unsupported(did);
        };
    }

    /** did:key offline plus a fixed set of documents (tests, or documents the caller obtained itself). */
    public static DidResolver keyAndDocuments(Map<Did, DidDocument> documents) {
        Map<Did, DidDocument> copy = Map.copyOf(documents);
        return did -> {
            if (did.method().equals("key")) {
                return DidKey.RESOLVER.resolve(did);
            }
            DidDocument document = copy.get(did);
            if (document == null) {
                throw new StandardsException(Code.DID_NOT_RESOLVED, "No DID document known for " + did);
            }
            return document;
        };
    }

    private static StandardsException unsupported(Did did) {
        return new StandardsException(
                Code.DID_NOT_RESOLVED, "DID method '" + did.method() + "' is not supported (did:key and did:web are)");
    }
}

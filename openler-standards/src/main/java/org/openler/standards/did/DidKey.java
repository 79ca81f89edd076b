package org.openler.standards.did;

import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Ed25519PublicKey;
import org.openler.standards.crypto.Multikey;

/** did:key for Ed25519 ({@code did:key:z6Mk…}): resolved offline, the key is the identifier. */
public final class DidKey implements DidResolver {

    public static final DidKey RESOLVER = new DidKey();

    private DidKey() {}

    public static Did of(Ed25519PublicKey key) {
        return Did.of("did:key:" + key.multibase());
    }

    /** The one verification method of a did:key: {@code did:key:z6Mk…#z6Mk…}. */
    public static String verificationMethodId(Ed25519PublicKey key) {
        return "did:key:" + key.multibase() + "#" + key.multibase();
    }

    @Override
    public DidDocument resolve(Did did) {
        if (!did.method().equals("key")) {
            throw new StandardsException(Code.INVALID_DID, "Not a did:key: " + did);
        }
        String multibase = did.methodSpecificId();
        Ed25519PublicKey key;
        try {
            key = Multikey.decodePublicKey(multibase);
        } catch (StandardsException e) {
            throw new StandardsException(Code.DID_NOT_RESOLVED, "did:key is not an Ed25519 key: " + e.getMessage(), e);
        }
        String vm = did.value() + "#" + multibase;
        return new DidDocument(did, List.of(new VerificationMethod(vm, did, key)), List.of(vm), List.of(vm));
    }
}

package org.openler.standards.crypto;

import java.util.Arrays;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/** An Ed25519 public key: 32 bytes. Its Multikey form is {@code z6Mk…}. */
public record Ed25519PublicKey(byte[] bytes) {

    public Ed25519PublicKey {
        if (bytes.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new StandardsException(Code.INVALID_KEY, "An Ed25519 public key has 32 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The Multikey {@code publicKeyMultibase} value. */
    public String multibase() {
        return Multikey.encodePublicKey(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + multibase() + "]";
    }
}

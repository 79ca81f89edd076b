package org.openler.standards.crypto;

import java.util.Arrays;

/**
 * An Ed25519 key pair. The secret is the 32-byte RFC 8032 seed; {@link #toString()} never shows it. Store it with
 * {@link Multikey#encodeSecretKey(Ed25519KeyPair)} under encryption, never in a log.
 */
public final class Ed25519KeyPair {

    private final Ed25519PublicKey publicKey;
    private final byte[] secretSeed;

    Ed25519KeyPair(Ed25519PublicKey publicKey, byte[] secretSeed) {
        this.publicKey = publicKey;
        this.secretSeed = secretSeed.clone();
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the secret seed. */
    public byte[] secretSeed() {
        return secretSeed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519KeyPair pair && Arrays.equals(secretSeed, pair.secretSeed);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[" + publicKey.multibase() + ", secret hidden]";
    }
}

package org.openler.standards.crypto;

import java.security.SecureRandom;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Ed25519 through BouncyCastle's low-level RFC 8032 implementation: on the machines we measured it signs about 20 times
 * faster than the JDK's provider, and signing/verifying is the hot path of issuance and verification.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_SIZE = 32;
    public static final int SECRET_KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
    }

    private Ed25519() {}

    /** A fresh key pair from a strong random source. */
    public static Ed25519KeyPair generate() {
        byte[] seed = new byte[SECRET_KEY_SIZE];
        RANDOM.nextBytes(seed);
        return fromSeed(seed);
    }

    /** The key pair of a 32-byte secret seed. */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed.length != SECRET_KEY_SIZE) {
            throw new StandardsException(Code.INVALID_KEY, "An Ed25519 secret key has 32 bytes, not " + seed.length);
        }
        byte[] pub = new byte[PUBLIC_KEY_SIZE];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pub, 0);
        return new Ed25519KeyPair(new Ed25519PublicKey(pub), seed.clone());
    }

    /** Signs a message with a secret seed. */
    public static byte[] sign(Ed25519KeyPair keyPair, byte[] message) {
        byte[] signature = new byte[SIGNATURE_SIZE];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
                keyPair.secretSeed(), 0, keyPair.publicKey().bytes(), 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** True when the signature is valid for the message under the public key. Never throws for bad input. */
    public static boolean verify(Ed25519PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                    signature, 0, key.bytes(), 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }
}

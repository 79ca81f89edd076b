package org.openler.standards.crypto;

import java.util.Arrays;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Multikey encodings (W3C Controlled Identifiers): multicodec prefix + key, multibase base58btc. Ed25519 public keys
 * use the varint of 0xed ({@code 0xed 0x01}), Ed25519 secret keys the varint of 0x1300 ({@code 0x80 0x26}).
 */
public final class Multikey {

    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    private static final byte[] ED25519_PRIV = {(byte) 0x80, 0x26};

    private Multikey() {}

    public static String encodePublicKey(Ed25519PublicKey key) {
        return Multibase.encodeBase58Btc(concat(ED25519_PUB, key.bytes()));
    }

    /** Decodes a {@code publicKeyMultibase}; only Ed25519 is accepted. */
    public static Ed25519PublicKey decodePublicKey(String multibase) {
        byte[] bytes = Multibase.decodeBase58Btc(multibase);
        if (bytes.length != 34 || bytes[0] != ED25519_PUB[0] || bytes[1] != ED25519_PUB[1]) {
            throw new StandardsException(
                    Code.INVALID_KEY, "Not an Ed25519 Multikey public key (expected multicodec 0xed01 and 32 bytes)");
        }
        return new Ed25519PublicKey(Arrays.copyOfRange(bytes, 2, 34));
    }

    /** The {@code secretKeyMultibase} form of the key pair's seed. */
    public static String encodeSecretKey(Ed25519KeyPair keyPair) {
        return Multibase.encodeBase58Btc(concat(ED25519_PRIV, keyPair.secretSeed()));
    }

    /** The key pair of a {@code secretKeyMultibase} value. */
    public static Ed25519KeyPair decodeSecretKey(String multibase) {
        byte[] bytes = Multibase.decodeBase58Btc(multibase);
        if (bytes.length != 34 || bytes[0] != ED25519_PRIV[0] || bytes[1] != ED25519_PRIV[1]) {
            throw new StandardsException(
                    Code.INVALID_KEY, "Not an Ed25519 Multikey secret key (expected multicodec 0x8026 and 32 bytes)");
        }
        return Ed25519.fromSeed(Arrays.copyOfRange(bytes, 2, 34));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}

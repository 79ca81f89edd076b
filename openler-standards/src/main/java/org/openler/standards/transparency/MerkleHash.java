package org.openler.standards.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an interior node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}. The distinct prefixes keep a leaf from
 * ever passing for a node (a second-preimage attack on the tree).
 */
public final class MerkleHash {

    /** Every hash in the tree has 32 bytes. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {}

    /** The leaf hash of a log entry's bytes. */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    /** The hash of an interior node from its two children. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: the SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** Plain SHA-256, for the digests a log entry carries (a credential's bytes, its id). */
    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /**
     * The Merkle Tree Hash of a list of leaf hashes (already hashed with {@link #leaf}), straight from the RFC's
     * recursive definition: split at the largest power of two smaller than n. For tests and small trees; a log keeps
     * its nodes and reads them through a {@link NodeReader}.
     */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return range(leafHashes, 0, leafHashes.size());
    }

    private static byte[] range(List<byte[]> leaves, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start).clone();
        }
        int k = (int) Trees.largestPowerOfTwoBelow(n);
        return node(range(leaves, start, start + k), range(leaves, start + k, end));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

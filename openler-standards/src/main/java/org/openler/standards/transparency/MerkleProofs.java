package org.openler.standards.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Inclusion and consistency proofs exactly as RFC 9162 §2.1.3 and §2.1.4 define them: generation follows the
 * recursive PATH and SUBPROOF definitions, verification the numbered algorithms (so a proof from any RFC 9162 or RFC
 * 6962 log verifies here and ours there). Verification never throws for bad input; it answers false.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /** The root of a tree of {@code size} leaves, from its stored nodes. */
    public static byte[] root(long size, NodeReader reader) {
        if (size < 0) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A tree size is not negative");
        }
        if (size == 0) {
            return MerkleHash.emptyRoot();
        }
        List<NodeId> cover = ProofPlan.cover(0, size);
        return ProofPlan.fold(cover, reader.nodes(cover));
    }

    /** Which nodes the inclusion proof of leaf {@code index} in a tree of {@code size} leaves needs (PATH). */
    public static ProofPlan inclusionPlan(long index, long size) {
        if (index < 0 || index >= size) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "Leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<List<NodeId>> elements = new ArrayList<>();
        path(index, 0, size, elements);
        return new ProofPlan(elements);
    }

    /** The inclusion proof (audit path) of leaf {@code index} in a tree of {@code size} leaves, leaf to root. */
    public static List<byte[]> inclusion(long index, long size, NodeReader reader) {
        return inclusionPlan(index, size).resolve(reader);
    }

    /** Which nodes the consistency proof between trees of {@code first} and {@code second} leaves needs (PROOF). */
    public static ProofPlan consistencyPlan(long first, long second) {
        if (first < 0 || first > second) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT,
                    "No consistency proof from " + first + " to " + second + " leaves: the first must be 0.." + second);
        }
        List<List<NodeId>> elements = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, elements);
        }
        return new ProofPlan(elements);
    }

    /** The consistency proof that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static List<byte[]> consistency(long first, long second, NodeReader reader) {
        return consistencyPlan(first, second).resolve(reader);
    }

    // PATH(m, D[start:end]) of RFC 9162 §2.1.3.1, m relative to start.
    private static void path(long m, long start, long end, List<List<NodeId>> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Trees.largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(ProofPlan.cover(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(ProofPlan.cover(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1, m relative to start.
    private static void subproof(long m, long start, long end, boolean original, List<List<NodeId>> out) {
        long n = end - start;
        if (m == n) {
            if (!original) {
                out.add(ProofPlan.cover(start, end));
            }
            return;
        }
        long k = Trees.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, original, out);
            out.add(ProofPlan.cover(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(ProofPlan.cover(start, start + k));
        }
    }

    /** RFC 9162 §2.1.3.2: does the audit path lead from this leaf hash, at this index, to this root? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(proof) || leafHash.length != MerkleHash.SIZE) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: is the tree of {@code first} leaves with {@code firstRoot} a prefix of the tree of {@code
     * second} leaves with {@code secondRoot}? Equal sizes need an empty proof and equal roots; from the empty tree
     * every tree is consistent (with an empty proof).
     */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof.size() <= 64 && proof.stream().allMatch(p -> p.length == MerkleHash.SIZE);
    }
}

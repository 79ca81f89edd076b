package org.openler.standards.transparency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Which stored nodes make up each hash of a proof. Every hash in an RFC 9162 proof is the Merkle Tree Hash of a range
 * of leaves; a range is a few perfect subtrees side by side, folded right to left. Planning first lets a database
 * fetch every node of a proof in one query.
 *
 * @param elements for each proof hash, in proof order, the perfect subtrees it folds, left to right
 */
public record ProofPlan(List<List<NodeId>> elements) {

    public ProofPlan {
        elements = elements.stream().map(List::copyOf).toList();
    }

    /** Every node the proof needs, each once. */
    public Set<NodeId> nodes() {
        Set<NodeId> all = new LinkedHashSet<>();
        elements.forEach(all::addAll);
        return all;
    }

    /** The proof's hashes from the nodes' hashes. */
    public List<byte[]> resolve(Map<NodeId, byte[]> hashes) {
        List<byte[]> proof = new ArrayList<>(elements.size());
        for (List<NodeId> element : elements) {
            proof.add(fold(element, hashes));
        }
        return proof;
    }

    /** The proof's hashes, reading its nodes in one call. */
    public List<byte[]> resolve(NodeReader reader) {
        return resolve(reader.nodes(nodes()));
    }

    /** The perfect subtrees, left to right, that cover leaves [start, end) of a tree built by RFC 9162's split. */
    static List<NodeId> cover(long start, long end) {
        List<NodeId> nodes = new ArrayList<>();
        long at = start;
        while (at < end) {
            long size = Long.highestOneBit(end - at);
            if (at != 0) {
                size = Math.min(size, Long.lowestOneBit(at));
            }
            int level = Long.numberOfTrailingZeros(size);
            nodes.add(new NodeId(level, at >>> level));
            at += size;
        }
        return nodes;
    }

    /** The Merkle Tree Hash of side-by-side perfect subtrees: folded from the right, as RFC 9162's split does. */
    static byte[] fold(List<NodeId> nodes, Map<NodeId, byte[]> hashes) {
        byte[] hash = hashOf(nodes.getLast(), hashes);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = MerkleHash.node(hashOf(nodes.get(i), hashes), hash);
        }
        return hash;
    }

    private static byte[] hashOf(NodeId id, Map<NodeId, byte[]> hashes) {
        byte[] hash = hashes.get(id);
        if (hash == null) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "The node store has no node " + id);
        }
        return hash;
    }
}

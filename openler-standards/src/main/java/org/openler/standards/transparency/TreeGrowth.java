package org.openler.standards.transparency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * Appending leaves to a log: which perfect subtrees the new leaves complete. A tree of n leaves needs only its right
 * edge (the perfect subtrees of {@link #frontier(long)}, at most 64) to grow, so a sequencer reads that edge once per
 * batch and writes every new node in one go.
 */
public final class TreeGrowth {

    /** A node completed by an append, to be stored. */
    public record Node(NodeId id, byte[] hash) {}

    private TreeGrowth() {}

    /** The perfect subtrees along the right edge of a tree of {@code size} leaves, left to right. */
    public static List<NodeId> frontier(long size) {
        return ProofPlan.cover(0, size);
    }

    /**
     * The nodes completed by appending leaf hashes to a tree of {@code size} leaves whose {@link #frontier(long)} is
     * given: every new leaf (level 0) and every interior node it completes, in the order they complete.
     */
    public static List<Node> append(long size, Map<NodeId, byte[]> frontier, List<byte[]> leafHashes) {
        Map<NodeId, byte[]> edge = new HashMap<>(frontier);
        List<Node> completed = new ArrayList<>(leafHashes.size() * 2);
        long index = size;
        for (byte[] leaf : leafHashes) {
            if (leaf.length != MerkleHash.SIZE) {
                throw new StandardsException(Code.INVALID_ARGUMENT, "A leaf hash has 32 bytes");
            }
            NodeId id = new NodeId(0, index);
            byte[] hash = leaf;
            completed.add(new Node(id, hash));
            edge.put(id, hash);
            while ((id.index() & 1) == 1) {
                NodeId leftId = new NodeId(id.level(), id.index() - 1);
                byte[] left = edge.remove(leftId);
                if (left == null) {
                    throw new StandardsException(
                            Code.INVALID_ARGUMENT, "The frontier given lacks node " + leftId + " of the tree");
                }
                edge.remove(id);
                NodeId parentId = new NodeId(id.level() + 1, id.index() >>> 1);
                hash = MerkleHash.node(left, hash);
                completed.add(new Node(parentId, hash));
                edge.put(parentId, hash);
                id = parentId;
            }
            index++;
        }
        return completed;
    }
}

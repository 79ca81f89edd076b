package org.openler.standards.transparency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/** A Merkle log held in memory: every perfect subtree, level by level. For tests, audits and benchmarks. */
public final class MemoryTree implements NodeReader {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private long size;

    /** Appends leaf hashes (already {@link MerkleHash#leaf hashed}). */
    public void appendLeafHashes(List<byte[]> leafHashes) {
        Map<NodeId, byte[]> frontier = new HashMap<>();
        for (NodeId id : TreeGrowth.frontier(size)) {
            frontier.put(id, node(id));
        }
        for (TreeGrowth.Node node : TreeGrowth.append(size, frontier, leafHashes)) {
            while (levels.size() <= node.id().level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(node.id().level()).add(node.hash());
        }
        size += leafHashes.size();
    }

    /** Appends one entry's bytes as a leaf. */
    public void appendEntry(byte[] entry) {
        appendLeafHashes(List.of(MerkleHash.leaf(entry)));
    }

    public long size() {
        return size;
    }

    /** The root of the tree as it stands. */
    public byte[] root() {
        return root(size);
    }

    /** The root of the tree as it stood at {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        if (treeSize > size) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "The tree has only " + size + " leaves");
        }
        return MerkleProofs.root(treeSize, this);
    }

    @Override
    public byte[] node(NodeId id) {
        if (id.level() >= levels.size() || id.index() >= levels.get(id.level()).size()) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "The tree has no node " + id + " yet");
        }
        return levels.get(id.level()).get((int) id.index());
    }
}

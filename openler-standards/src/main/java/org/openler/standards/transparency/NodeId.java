package org.openler.standards.transparency;

import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * A perfect subtree of the log: the 2^level leaves starting at {@code index * 2^level}. Level 0 is a leaf hash. Every
 * node of a Merkle log that ever exists is perfect and never changes once its last leaf is in, so a log can store
 * them once and answer every proof from them.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 63 || index < 0) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "No node at level " + level + ", index " + index);
        }
    }

    /** The first leaf this node covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** One past the last leaf this node covers. */
    public long endLeaf() {
        return (index + 1) << level;
    }
}

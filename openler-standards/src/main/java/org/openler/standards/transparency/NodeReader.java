package org.openler.standards.transparency;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where a log keeps its perfect subtree hashes: in memory for tests and benchmarks, in a database on a server. */
@FunctionalInterface
public interface NodeReader {

    /** The hash of one perfect subtree that is complete in the tree being read. */
    byte[] node(NodeId id);

    /**
     * The hashes of several nodes at once. A database reads them in one query; the default asks one at a time.
     *
     * @return a hash for every requested node
     */
    default Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
        Map<NodeId, byte[]> found = new HashMap<>();
        for (NodeId id : ids) {
            found.put(id, node(id));
        }
        return found;
    }
}

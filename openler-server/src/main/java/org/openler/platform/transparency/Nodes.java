package org.openler.platform.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openler.standards.transparency.NodeId;
import org.openler.standards.transparency.NodeReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tree's stored perfect subtrees: read many in one query (written by {@link SequencerWrites}). */
@Component
class Nodes implements NodeReader {

    private final JdbcClient jdbc;

    Nodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] node(NodeId id) {
        return nodes(List.of(id)).get(id);
    }

    @Override
    public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
        Map<NodeId, byte[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        StringBuilder sql = new StringBuilder("select level, idx, hash from transparency_node where ");
        List<Object> params = new ArrayList<>();
        for (NodeId id : ids) {
            if (!params.isEmpty()) {
                sql.append(" or ");
            }
            sql.append("(level = ? and idx = ?)");
            params.add(id.level());
            params.add(id.index());
        }
        jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3)))
                .list();
        if (found.size() != ids.size()) {
            throw new IllegalStateException("The log is missing tree nodes it should have stored");
        }
        return found;
    }
}

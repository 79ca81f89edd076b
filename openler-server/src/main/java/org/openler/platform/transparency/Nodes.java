package org.openler.platform.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openler.standards.transparency.NodeId;
import org.openler.standards.transparency.NodeReader;
import org.openler.standards.transparency.TreeGrowth;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tree's stored perfect subtrees: read many in one query, written in batches by the sequencer. */
@Component
class Nodes implements NodeReader {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Nodes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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

    void store(List<TreeGrowth.Node> nodes) {
        batch.batchUpdate(
                "insert into transparency_node (level, idx, hash) values (?, ?, ?)", nodes, 1000, (ps, node) -> {
                    ps.setInt(1, node.id().level());
                    ps.setLong(2, node.id().index());
                    ps.setBytes(3, node.hash());
                });
    }
}

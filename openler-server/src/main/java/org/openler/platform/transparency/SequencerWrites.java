package org.openler.platform.transparency;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openler.standards.transparency.TreeGrowth;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sequencer's two bulk writes per batch: the nodes the batch completes, and each entry's leaf index. On PostgreSQL
 * each is ONE statement over arrays bound as parameters ({@code unnest}), so a batch of 10,000 entries costs two
 * statements instead of about 30,000 executions of a batched statement; the per-entry {@code leaf_index} update was
 * what bounded appends per second (docs/benchmarks.md). On H2 (the demo) the same rows are written as JDBC batches.
 */
@Component
class SequencerWrites {

    static final String SET_LEAF_INDEXES_POSTGRES = "update transparency_entry e set leaf_index = ? + v.ord - 1"
            + " from unnest(?::bigint[]) with ordinality as v(seq, ord) where e.seq = v.seq and e.leaf_index is null";
    static final String INSERT_NODES_POSTGRES = "insert into transparency_node (level, idx, hash)"
            + " select * from unnest(?::smallint[], ?::bigint[], ?::bytea[])";

    private final JdbcTemplate jdbc;
    private volatile @Nullable Boolean postgres;

    SequencerWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the nodes a batch completed. */
    void storeNodes(List<TreeGrowth.Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        if (isPostgres()) {
            int stored = jdbc.execute((ConnectionCallback<Integer>) c -> insertNodes(c, nodes));
            expect(stored, nodes.size(), "tree nodes");
            return;
        }
        jdbc.batchUpdate(
                "insert into transparency_node (level, idx, hash) values (?, ?, ?)", nodes, 1000, (ps, node) -> {
                    ps.setInt(1, node.id().level());
                    ps.setLong(2, node.id().index());
                    ps.setBytes(3, node.hash());
                });
    }

    /** Gives the pending entries {@code seqs}, in this order, the leaf indexes {@code first}, {@code first + 1}, … */
    void setLeafIndexes(long first, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        if (isPostgres()) {
            int updated = jdbc.execute((ConnectionCallback<Integer>) c -> updateLeafIndexes(c, first, seqs));
            expect(updated, seqs.size(), "entries");
            return;
        }
        jdbc.batchUpdate(
                "update transparency_entry set leaf_index = ? where seq = ? and leaf_index is null",
                seqs,
                1000,
                (ps, seq) -> {
                    ps.setLong(1, first + indexOf(seqs, seq));
                    ps.setLong(2, seq);
                });
    }

    static int insertNodes(Connection c, List<TreeGrowth.Node> nodes) throws SQLException {
        Short[] levels = new Short[nodes.size()];
        Long[] indexes = new Long[nodes.size()];
        byte[][] hashes = new byte[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            levels[i] = (short) nodes.get(i).id().level();
            indexes[i] = nodes.get(i).id().index();
            hashes[i] = nodes.get(i).hash();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_NODES_POSTGRES)) {
            Array a = c.createArrayOf("smallint", levels);
            Array b = c.createArrayOf("bigint", indexes);
            Array h = c.createArrayOf("bytea", hashes);
            p.setArray(1, a);
            p.setArray(2, b);
            p.setArray(3, h);
            return p.executeUpdate();
        }
    }

    static int updateLeafIndexes(Connection c, long first, List<Long> seqs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SET_LEAF_INDEXES_POSTGRES)) {
            p.setLong(1, first);
            p.setArray(2, c.createArrayOf("bigint", seqs.toArray(Long[]::new)));
            return p.executeUpdate();
        }
    }

    private static void expect(int written, int expected, String what) {
        if (written != expected) {
            // the sequencer holds the state lock, so only a bug or a hand edit gets here; its transaction rolls back
            throw new IllegalStateException("The sequencer wrote " + written + " " + what + ", not " + expected);
        }
    }

    private static int indexOf(List<Long> seqs, long seq) {
        int i = java.util.Collections.binarySearch(seqs, seq);
        if (i < 0) {
            throw new IllegalStateException("A sequenced entry is not in its batch");
        }
        return i;
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>)
                    c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql"));
            postgres = known;
        }
        return Boolean.TRUE.equals(known);
    }
}

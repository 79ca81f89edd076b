package org.openler.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.MerkleProofs;
import org.openler.standards.transparency.NodeId;
import org.openler.standards.transparency.SignedNote;
import org.openler.standards.transparency.TreeGrowth;

/**
 * Appends that reach a signed checkpoint, per second, on PostgreSQL: each invocation appends {@value #APPENDS} entries
 * (in transactions of {@code perTransaction}, as a bulk issuance job writes them) and then runs one sequencer batch —
 * lock the state row, take the pending entries, store the nodes they complete, set their leaf indexes, sign a
 * checkpoint — all with the server's statements on the server's own tables (the V25 migration, run into a scratch
 * schema {@code tlog_bench}). Four threads at once, so sequencers contend for the lock as on several instances.
 * Needs a PostgreSQL: {@code -p url=jdbc:postgresql://127.0.0.1:5432/DB}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Threads(4)
@Fork(1)
public class TransparencyLogDbBenchmarks {

    private static final int APPENDS = 1000;
    private static final String SCHEMA = "tlog_bench";

    @Param("jdbc:postgresql://127.0.0.1:5432/test_tlog")
    public String url;

    @Param("postgres")
    public String user;

    @Param("100")
    public int perTransaction;

    /**
     * How the sequencer writes a batch's nodes and leaf indexes: {@code unnest}, one statement each over bound arrays
     * (the server on PostgreSQL, {@code transparency.SequencerWrites}), or {@code batch}, a JDBC batch of one
     * statement per row (the server before, and on H2).
     */
    @Param({"unnest", "batch"})
    public String writes;

    private final Ed25519KeyPair key = Ed25519.generate();

    @Setup(Level.Trial)
    public void schema() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("set search_path to " + SCHEMA);
            for (String statement : migration().split(";")) {
                if (!statement.strip().isEmpty()) {
                    s.execute(statement);
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void dropSchema() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    /** One connection per benchmark thread, as a connection pool gives one per transaction. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;

        @Setup(Level.Trial)
        public void open(TransparencyLogDbBenchmarks benchmark) throws SQLException {
            connection = benchmark.connect();
            connection.setAutoCommit(false);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(APPENDS)
    public long appendThenSequence(Session session) throws SQLException {
        Connection c = session.connection;
        for (int done = 0; done < APPENDS; done += perTransaction) {
            append(c, Math.min(perTransaction, APPENDS - done));
        }
        return sequence(c);
    }

    /** TransparencyLog.append's insert, for {@code count} events in one transaction. */
    private static void append(Connection c, int count) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into transparency_entry"
                + " (leaf_hash, event_type, subject_hash, entry, logged_at) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                Instant now = Instant.now();
                byte[] subject = MerkleHash.sha256(("urn:uuid:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
                String entry = "{\"type\":\"credential.issued\",\"time\":\"" + now + "\",\"subject\":\"sha256:"
                        + java.util.HexFormat.of().formatHex(subject) + "\",\"digest\":\"sha256:"
                        + java.util.HexFormat.of().formatHex(MerkleHash.sha256(subject)) + "\"}";
                insert.setBytes(1, MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8)));
                insert.setString(2, "credential.issued");
                insert.setBytes(3, subject);
                insert.setString(4, entry);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
    }

    /** LogSequencer.integrateBatch's statements, one batch. */
    private long sequence(Connection c) throws SQLException {
        long size;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tree_size from transparency_state where id = 1 for update")) {
            rs.next();
            size = rs.getLong(1);
        }
        List<long[]> seqs = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "select seq, leaf_hash from transparency_entry where leaf_index is null order by seq limit 10000")) {
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    seqs.add(new long[] {size + seqs.size(), rs.getLong(1)});
                    leaves.add(rs.getBytes(2));
                }
            }
        }
        if (leaves.isEmpty()) {
            c.commit();
            return size;
        }
        Map<NodeId, byte[]> edge = new HashMap<>();
        List<NodeId> frontier = TreeGrowth.frontier(size);
        if (!frontier.isEmpty()) {
            StringBuilder sql = new StringBuilder("select level, idx, hash from transparency_node where ");
            for (int i = 0; i < frontier.size(); i++) {
                sql.append(i == 0 ? "" : " or ").append("(level = ? and idx = ?)");
            }
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < frontier.size(); i++) {
                    p.setInt(2 * i + 1, frontier.get(i).level());
                    p.setLong(2 * i + 2, frontier.get(i).index());
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        edge.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    }
                }
            }
        }
        List<TreeGrowth.Node> grown = TreeGrowth.append(size, edge, leaves);
        if (writes.equals("unnest")) {
            insertNodes(c, grown);
            updateLeafIndexes(c, size, seqs);
        } else {
            try (PreparedStatement p =
                    c.prepareStatement("insert into transparency_node (level, idx, hash) values (?, ?, ?)")) {
                for (TreeGrowth.Node node : grown) {
                    p.setInt(1, node.id().level());
                    p.setLong(2, node.id().index());
                    p.setBytes(3, node.hash());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p =
                    c.prepareStatement("update transparency_entry set leaf_index = ? where seq = ?")) {
                for (long[] pair : seqs) {
                    p.setLong(1, pair[0]);
                    p.setLong(2, pair[1]);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        long newSize = size + leaves.size();
        grown.forEach(node -> edge.put(node.id(), node.hash()));
        byte[] root = MerkleProofs.root(newSize, edge::get);
        try (PreparedStatement p =
                c.prepareStatement("update transparency_state set tree_size = ?, root_hash = ? where id = 1")) {
            p.setLong(1, newSize);
            p.setBytes(2, root);
            p.executeUpdate();
        }
        String note = SignedNote.sign(new Checkpoint("bench/log", newSize, root).text(), "bench/log", key);
        try (PreparedStatement p = c.prepareStatement("insert into transparency_checkpoint"
                + " (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)")) {
            p.setLong(1, newSize);
            p.setBytes(2, root);
            p.setString(3, note);
            p.setTimestamp(4, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
        c.commit();
        return newSize;
    }

    /** SequencerWrites.INSERT_NODES_POSTGRES. */
    private static void insertNodes(Connection c, List<TreeGrowth.Node> nodes) throws SQLException {
        Short[] levels = new Short[nodes.size()];
        Long[] indexes = new Long[nodes.size()];
        byte[][] hashes = new byte[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            levels[i] = (short) nodes.get(i).id().level();
            indexes[i] = nodes.get(i).id().index();
            hashes[i] = nodes.get(i).hash();
        }
        try (PreparedStatement p = c.prepareStatement("insert into transparency_node (level, idx, hash)"
                + " select * from unnest(?::smallint[], ?::bigint[], ?::bytea[])")) {
            p.setArray(1, c.createArrayOf("smallint", levels));
            p.setArray(2, c.createArrayOf("bigint", indexes));
            p.setArray(3, c.createArrayOf("bytea", hashes));
            p.executeUpdate();
        }
    }

    /** SequencerWrites.SET_LEAF_INDEXES_POSTGRES. */
    private static void updateLeafIndexes(Connection c, long first, List<long[]> seqs) throws SQLException {
        Long[] ordered = new Long[seqs.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = seqs.get(i)[1];
        }
        try (PreparedStatement p = c.prepareStatement("update transparency_entry e set leaf_index = ? + v.ord - 1"
                + " from unnest(?::bigint[]) with ordinality as v(seq, ord)"
                + " where e.seq = v.seq and e.leaf_index is null")) {
            p.setLong(1, first);
            p.setArray(2, c.createArrayOf("bigint", ordered));
            if (p.executeUpdate() != ordered.length) {
                throw new IllegalStateException("Not every pending entry got its leaf index");
            }
        }
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, "");
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA + ", public");
        }
        return c;
    }

    private static String migration() {
        try (InputStream in =
                TransparencyLogDbBenchmarks.class.getResourceAsStream("/db/migration/V25__transparency_log.sql")) {
            if (in == null) {
                throw new IllegalStateException("V25__transparency_log.sql is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.openler.platform.transparency;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.MerkleProofs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Inclusion proofs through the server's own store code on a log stored in PostgreSQL: {@link LogProofs#inclusion}
 * finds the entry by its leaf hash ({@code transparency_entry}, indexed) and reads the proof's nodes from
 * {@code transparency_node} in one query ({@link Nodes}), exactly as {@code GET /log/proof/inclusion} does; each proof
 * is then verified against the root. The log is built beforehand by {@code scripts/bench-tlog-10m.sh N DB} (synthetic
 * entries {@code {"type":"bench","i":i}}, the V25 tables). The root the proofs must reach is computed here from the
 * entries themselves, not read from the database, so a wrongly built tree fails the benchmark instead of timing it.
 *
 * <p>In the server's package (on the class path, not as a module) because {@code Nodes} and {@code LogProofs}'s
 * constructor are package-private; no server code is copied.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 10)
@Fork(1)
public class InclusionProofDbBenchmarks {

    @Param("jdbc:postgresql://127.0.0.1:5432/t17bench")
    public String url;

    @Param("postgres")
    public String user;

    @Param("10000000")
    public long treeSize;

    private LogProofs proofs;
    private byte[] root;

    @Setup(Level.Trial)
    public void setUp() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long stored = jdbc.sql("select tree_size from transparency_state where id = 1")
                .query(Long.class)
                .single();
        if (stored != treeSize) {
            throw new IllegalStateException("The database holds a log of " + stored + " leaves, not " + treeSize
                    + ": run scripts/bench-tlog-10m.sh " + treeSize);
        }
        root = expectedRoot(treeSize);
        // the proofs are served up to the latest signed head: the head of the built tree (its note is not read here)
        jdbc.sql("delete from transparency_checkpoint").update();
        jdbc.sql("insert into transparency_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)")
                .params(treeSize, root, "benchmark head (unsigned)", Timestamp.from(Instant.now()))
                .update();
        proofs = new LogProofs(jdbc, new Nodes(jdbc), null);
    }

    /** The RFC 9162 root of the synthetic entries, folded left to right with a stack of perfect subtrees. */
    static byte[] expectedRoot(long size) {
        byte[][] stack = new byte[64][];
        int depth = 0;
        for (long i = 0; i < size; i++) {
            byte[] node = MerkleHash.leaf(entry(i));
            for (long n = i; (n & 1) == 1; n >>= 1) {
                node = MerkleHash.node(stack[--depth], node);
            }
            stack[depth++] = node;
        }
        byte[] root = stack[--depth];
        while (depth > 0) {
            root = MerkleHash.node(stack[--depth], root);
        }
        return root;
    }

    static byte[] entry(long i) {
        return ("{\"type\":\"bench\",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public boolean inclusionProofFromPostgres() {
        long index = ThreadLocalRandom.current().nextLong(treeSize);
        byte[] leafHash = MerkleHash.leaf(entry(index));
        LogProofs.Inclusion inclusion = proofs.inclusion(leafHash, OptionalLong.empty());
        if (inclusion.entry().leafIndex() != index
                || !MerkleProofs.verifyInclusion(index, treeSize, leafHash, inclusion.path(), root)) {
            throw new IllegalStateException("The inclusion proof of leaf " + index + " did not verify");
        }
        return true;
    }
}

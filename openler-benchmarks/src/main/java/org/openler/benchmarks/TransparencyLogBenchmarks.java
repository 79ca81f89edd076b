package org.openler.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.MerkleProofs;
import org.openler.standards.transparency.NodeId;
import org.openler.standards.transparency.NodeReader;
import org.openler.standards.transparency.TreeGrowth;

/**
 * The transparency log's own work, without the database (the server's SQL is one insert per append and one batched
 * update and insert per sequencer batch):
 *
 * <ul>
 *   <li>{@code integrateBatch}: what the sequencer computes for a batch of 10,000 appends — each entry's RFC 9162 leaf
 *       hash and every tree node the batch completes ({@link TreeGrowth}) — reported per append.
 *   <li>{@code inclusionProofAt10M}: generate and verify the inclusion proof of a random leaf in a tree of 10,000,000
 *       leaves, sampled for percentiles. The tree is simulated, not stored: leaf i is the leaf hash of the entry
 *       "entry i"; every node at level ≥ 7 is precomputed from those (10M / 128 · 2 hashes ≈ 5 MB), and a node below
 *       level 7 is hashed again from its leaves on every read (up to 255 SHA-256 per node), which is more work than
 *       the server's one indexed query per proof, not less.
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TransparencyLogBenchmarks {

    private static final int BATCH = 10_000;
    private static final int STORED_FROM_LEVEL = 7;

    @Param("10000000")
    public long treeSize;

    private List<byte[]> entries;
    private long grownSize;
    private Map<NodeId, byte[]> edge;
    private SimulatedTree tree;
    private byte[] root;

    @Setup(Level.Trial)
    public void setUp() {
        entries = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            entries.add(("{\"type\":\"credential.issued\",\"time\":\"2026-12-06T20:00:00.000Z\",\"subject\":\"sha256:"
                            + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" + i
                            + "\",\"digest\":\"sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        grownSize = 1_234_567; // an uneven size, so batches complete nodes at every level
        edge = new HashMap<>();
        for (NodeId id : TreeGrowth.frontier(grownSize)) {
            edge.put(id, MerkleHash.sha256(id.toString().getBytes(StandardCharsets.UTF_8)));
        }
        tree = new SimulatedTree(treeSize);
        root = MerkleProofs.root(treeSize, tree);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<TreeGrowth.Node> integrateBatch() {
        List<byte[]> leafHashes = new ArrayList<>(BATCH);
        for (byte[] entry : entries) {
            leafHashes.add(MerkleHash.leaf(entry));
        }
        return TreeGrowth.append(grownSize, edge, leafHashes);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean inclusionProofAt10M() {
        long index = ThreadLocalRandom.current().nextLong(treeSize);
        List<byte[]> proof = MerkleProofs.inclusion(index, treeSize, tree);
        if (!MerkleProofs.verifyInclusion(index, treeSize, tree.leaf(index), proof, root)) {
            throw new IllegalStateException("An inclusion proof did not verify");
        }
        return true;
    }

    /** A real RFC 9162 tree of synthetic entries, storing only its upper levels. */
    static final class SimulatedTree implements NodeReader {

        private final long size;
        private final List<byte[][]> upper = new ArrayList<>();

        SimulatedTree(long size) {
            this.size = size;
            long perfectAtLevel = size >>> STORED_FROM_LEVEL;
            byte[][] level = new byte[(int) perfectAtLevel][];
            for (int i = 0; i < perfectAtLevel; i++) {
                level[i] = computed(new NodeId(STORED_FROM_LEVEL, i));
            }
            upper.add(level);
            while (level.length > 1) {
                byte[][] next = new byte[level.length / 2][];
                for (int i = 0; i < next.length; i++) {
                    next[i] = MerkleHash.node(level[2 * i], level[2 * i + 1]);
                }
                upper.add(next);
                level = next;
            }
        }

        byte[] leaf(long index) {
            return MerkleHash.leaf(("entry " + index).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] node(NodeId id) {
            if (id.endLeaf() > size) {
                throw new IllegalArgumentException("No node " + id + " in a tree of " + size);
            }
            if (id.level() >= STORED_FROM_LEVEL) {
                return upper.get(id.level() - STORED_FROM_LEVEL)[(int) id.index()];
            }
            return computed(id);
        }

        private byte[] computed(NodeId id) {
            if (id.level() == 0) {
                return leaf(id.index());
            }
            return MerkleHash.node(
                    computed(new NodeId(id.level() - 1, id.index() * 2)),
                    computed(new NodeId(id.level() - 1, id.index() * 2 + 1)));
        }
    }
}

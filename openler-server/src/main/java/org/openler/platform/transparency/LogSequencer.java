package org.openler.platform.transparency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.MerkleProofs;
import org.openler.standards.transparency.NodeId;
import org.openler.standards.transparency.SignedNote;
import org.openler.standards.transparency.TreeGrowth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the tree. Entries are written by many transactions at once, in any order of commit; the
 * sequencer takes the committed ones that have no leaf index yet (oldest first, a batch at a time), gives them the next
 * indexes, stores the nodes they complete, and signs a checkpoint for the new size, all in one transaction that holds
 * the lock on the log's state row. So two sequencers (on two instances) run one after the other and the tree never
 * forks; an entry committed while a batch runs simply joins the next one.
 */
@Component
class LogSequencer {

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);

    private final JdbcClient jdbc;
    private final SequencerWrites writes;
    private final Nodes nodes;
    private final LogKey key;
    private final TransparencyProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LogSequencer(
            JdbcClient jdbc,
            SequencerWrites writes,
            Nodes nodes,
            LogKey key,
            TransparencyProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.nodes = nodes;
        this.key = key;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${openler.transparency.sequence-interval:1s}")
    void scheduled() {
        try {
            integrateAll();
        } catch (RuntimeException e) {
            // Nothing is lost: the entries stay pending and the next run takes them.
            log.warn("The transparency log sequencer failed; it retries at its next run", e);
        }
    }

    /** Integrates every pending entry, a batch per transaction; returns the tree size reached. */
    long integrateAll() {
        while (true) {
            Batch done = transaction.execute(status -> integrateBatch());
            if (done == null || !done.more()) {
                return done == null ? 0 : done.size();
            }
        }
    }

    private record Pending(long seq, byte[] leafHash) {}

    private record Batch(long size, boolean more) {}

    private Batch integrateBatch() {
        long size = jdbc.sql("select tree_size from transparency_state where id = 1 for update")
                .query(Long.class)
                .single();
        List<Pending> pending = jdbc.sql("select seq, leaf_hash from transparency_entry where leaf_index is null"
                        + " order by seq limit ?")
                .param(properties.batchSize())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getBytes(2)))
                .list();
        boolean signed = jdbc.sql("select count(*) from transparency_checkpoint where tree_size = ?")
                        .param(size)
                        .query(Long.class)
                        .single()
                > 0;
        if (pending.isEmpty()) {
            if (!signed) {
                sign(size, MerkleProofs.root(size, nodes)); // the first head: the empty tree
            }
            return new Batch(size, false);
        }
        Map<NodeId, byte[]> edge = new HashMap<>(nodes.nodes(TreeGrowth.frontier(size)));
        List<TreeGrowth.Node> grown = TreeGrowth.append(
                size, edge, pending.stream().map(Pending::leafHash).toList());
        writes.storeNodes(grown);
        writes.setLeafIndexes(size, pending.stream().map(Pending::seq).toList());
        long newSize = size + pending.size();
        grown.forEach(node -> edge.put(node.id(), node.hash()));
        byte[] root = MerkleProofs.root(newSize, edge::get);
        jdbc.sql("update transparency_state set tree_size = ?, root_hash = ? where id = 1")
                .params(newSize, root)
                .update();
        sign(newSize, root);
        log.debug("Integrated {} log entries; tree size {}", pending.size(), newSize);
        return new Batch(newSize, pending.size() == properties.batchSize());
    }

    private void sign(long size, byte[] root) {
        LogKey.Loaded signer = key.get();
        Checkpoint checkpoint = new Checkpoint(signer.origin(), size, root);
        String note = SignedNote.sign(checkpoint.text(), signer.origin(), signer.key());
        jdbc.sql("insert into transparency_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)")
                .params(size, root, note, Timestamp.from(clock.instant()))
                .update();
    }
}

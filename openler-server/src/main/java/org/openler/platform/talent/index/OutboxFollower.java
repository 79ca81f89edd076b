package org.openler.platform.talent.index;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies the talent outbox ({@code talent_outbox}, V47) to an index. Each pending row names a learner whose document
 * may have changed; the follower re-derives the document now ({@link Documents}), puts it or removes it (visible at
 * once), makes the index durable ({@link TalentIndex#commit}), and only then marks the rows done. A crash before the mark leaves the
 * rows pending and they are applied again (re-deriving is idempotent); a crash before the commit loses the index
 * write, and the rows are still pending. So no change is lost and no removed learner stays findable. Rows are marked
 * done by sequence number, never "everything up to": a row whose transaction commits late is still pending and still
 * applied. No Spring beans: the server wraps it ({@code TalentIndexFollower}) and the kill -9 test runs it in a child.
 */
public final class OutboxFollower {

    /** The document a learner has now, derived from the system of record; empty when they are not discoverable. */
    @FunctionalInterface
    public interface Documents {
        Optional<TalentDocument> of(AccountId learner);
    }

    /** Rows read per round. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TalentIndex index;
    private final Documents documents;
    private final Clock clock;

    /** Runs between the index's commit and marking the rows done: a test's crash point. */
    private volatile Runnable afterIndexCommit = () -> {};

    /** Runs between the index writes and the index's commit: a test's crash point. */
    private volatile Runnable beforeIndexCommit = () -> {};

    /** Rows applied to the index but not yet covered by its commit (so not yet marked done). */
    private final Set<Long> uncommitted = new HashSet<>();

    private final Duration commitEvery;
    private Instant lastCommit = Instant.EPOCH;

    /** A follower that commits the index and marks rows done on every round that applied something. */
    public OutboxFollower(JdbcClient jdbc, TalentIndex index, Documents documents, Clock clock) {
        this(jdbc, index, documents, clock, Duration.ZERO);
    }

    /** A follower that commits the index (and marks rows done) at most every {@code commitEvery}. */
    public OutboxFollower(JdbcClient jdbc, TalentIndex index, Documents documents, Clock clock, Duration commitEvery) {
        this.commitEvery = commitEvery;
        this.jdbc = jdbc;
        this.index = index;
        this.documents = documents;
        this.clock = clock;
    }

    /** Crash points for tests: what runs before the index's commit, and after it but before marking rows done. */
    public void crashPoints(Runnable beforeIndexCommit, Runnable afterIndexCommit) {
        this.beforeIndexCommit = beforeIndexCommit;
        this.afterIndexCommit = afterIndexCommit;
    }

    /**
     * Applies every pending row; answers how many rows were applied. The round's writes are visible when it returns;
     * the index's commit and the done marks follow at most every {@code commitEvery} (a commit makes files durable,
     * which costs far more than making writes visible). Rows applied but not yet committed are remembered here, not
     * applied again, and marked done by the commit that covers them; a crash before it leaves them pending.
     */
    public synchronized int poll() {
        int applied = 0;
        while (true) {
            List<Long> fresh = new ArrayList<>();
            Set<UUID> learners = new LinkedHashSet<>();
            jdbc.sql("select seq, account_id from talent_outbox where done_at is null order by seq limit "
                            + (BATCH + uncommitted.size()))
                    .query((rs, n) -> {
                        long seq = rs.getLong(1);
                        if (!uncommitted.contains(seq)) {
                            fresh.add(seq);
                            learners.add(rs.getObject(2, UUID.class));
                        }
                        return null;
                    })
                    .list();
            if (fresh.isEmpty()) {
                break;
            }
            List<TalentDocument> puts = new ArrayList<>();
            List<AccountId> removes = new ArrayList<>();
            for (UUID id : learners) {
                AccountId learner = new AccountId(id);
                documents.of(learner).ifPresentOrElse(puts::add, () -> removes.add(learner));
            }
            index.apply(puts, removes);
            uncommitted.addAll(fresh);
            applied += fresh.size();
            if (fresh.size() < BATCH) {
                break;
            }
        }
        if (!uncommitted.isEmpty() && clock.instant().compareTo(lastCommit.plus(commitEvery)) >= 0) {
            beforeIndexCommit.run();
            index.commit();
            afterIndexCommit.run();
            jdbc.sql("update talent_outbox set done_at = :now where seq in (:seqs)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("seqs", new ArrayList<>(uncommitted))
                    .update();
            uncommitted.clear();
            lastCommit = clock.instant();
        }
        return applied;
    }

    /**
     * Fills the index from the system of record, then applies what is pending. A change committed while the rebuild
     * reads has a pending row, so the poll after it catches up; nothing is passed over.
     */
    public synchronized void rebuild(Iterator<TalentDocument> all) {
        uncommitted.clear(); // the rebuild re-derives them; their rows stay pending and the poll applies them again
        index.rebuild(all);
        index.commit();
        poll();
    }

    /** Pending rows: how far the index is behind. */
    public long pending() {
        return jdbc.sql("select count(*) from talent_outbox where done_at is null")
                .query(Long.class)
                .single();
    }

    /** Forgets rows done before the given time (they are history, not state). */
    public int purge(Instant before) {
        return jdbc.sql("delete from talent_outbox where done_at is not null and done_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}

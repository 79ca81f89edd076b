package org.openler.platform.talent.index;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies the talent outbox ({@code talent_outbox}, V47) to an index. Each pending row names a learner whose document
 * may have changed (by account and {@link Subjects subject}; an erased account's rows by subject alone, V59); the
 * follower re-derives the document now ({@link Documents}), puts it or removes it (visible at once) at the version of
 * the newest row it read for that subject (so an index shared by several servers keeps the newest change, see
 * {@link TalentIndex}), makes the index durable ({@link TalentIndex#commit}), and only then marks the rows applied, for this index's
 * consumer only ({@link TalentIndex#consumer}, V48): another index following the same outbox has its own marks, so
 * one never takes rows from the other. A crash before the mark leaves the rows pending and they are applied again
 * (re-deriving is idempotent); a crash before the commit loses the index write, and the rows are still pending. So
 * no change is lost and no removed learner stays findable. Rows are marked by sequence number, never "everything up
 * to": a row whose transaction commits late is still pending and still applied. No Spring beans: the server wraps it
 * ({@code TalentIndexFollower}) and the kill -9 test runs it in a child.
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
    private final String consumer;

    /** Runs between the index's commit and marking the rows applied: a test's crash point. */
    private volatile Runnable afterIndexCommit = () -> {};

    /** Runs between the index writes and the index's commit: a test's crash point. */
    private volatile Runnable beforeIndexCommit = () -> {};

    /** Rows applied to the index but not yet covered by its commit (so not yet marked applied). */
    private final Set<Long> uncommitted = new HashSet<>();

    private final Duration commitEvery;
    private Instant lastCommit = Instant.EPOCH;

    /** A follower that commits the index and marks rows applied on every round that applied something. */
    public OutboxFollower(JdbcClient jdbc, TalentIndex index, Documents documents, Clock clock) {
        this(jdbc, index, documents, clock, Duration.ZERO);
    }

    /** A follower that commits the index (and marks rows applied) at most every {@code commitEvery}. */
    public OutboxFollower(JdbcClient jdbc, TalentIndex index, Documents documents, Clock clock, Duration commitEvery) {
        this.commitEvery = commitEvery;
        this.jdbc = jdbc;
        this.index = index;
        this.documents = documents;
        this.clock = clock;
        this.consumer = index.consumer();
    }

    /** How long a consumer may go without applying the outbox before the purge stops waiting for it. */
    public static final Duration RECENT = Duration.ofMinutes(10);

    /** A consumer not seen for this long is forgotten with its marks. */
    static final Duration FORGET = Duration.ofDays(1);

    /** This follower's consumer: the index's name for itself. */
    public String consumer() {
        return consumer;
    }

    /** Crash points for tests: what runs before the index's commit, and after it but before marking rows done. */
    public void crashPoints(Runnable beforeIndexCommit, Runnable afterIndexCommit) {
        this.beforeIndexCommit = beforeIndexCommit;
        this.afterIndexCommit = afterIndexCommit;
    }

    /**
     * Applies every pending row; answers how many rows were applied. The round's writes are visible when it returns;
     * the index's commit and the marks follow at most every {@code commitEvery} (a commit makes files durable,
     * which costs far more than making writes visible). Rows applied but not yet committed are remembered here, not
     * applied again, and marked applied by the commit that covers them; a crash before it leaves them pending.
     */
    public synchronized int poll() {
        int applied = 0;
        seen();
        while (true) {
            List<Long> fresh = new ArrayList<>();
            // per subject: the newest row's sequence (the change's version) and the account, if a row still names it
            Map<String, Long> newest = new LinkedHashMap<>();
            Map<String, UUID> accounts = new HashMap<>();
            jdbc.sql("select o.seq, o.account_id, o.subject from talent_outbox o where not exists (select 1 from"
                            + " talent_outbox_applied a where a.consumer = ? and a.seq = o.seq) order by o.seq limit "
                            + (BATCH + uncommitted.size()))
                    .param(consumer)
                    .query((rs, n) -> {
                        long seq = rs.getLong(1);
                        if (!uncommitted.contains(seq)) {
                            fresh.add(seq);
                            UUID account = rs.getObject(2, UUID.class);
                            String subject = subject(account, rs.getString(3));
                            newest.merge(subject, seq, Math::max);
                            if (account != null) {
                                accounts.put(subject, account);
                            }
                        }
                        return null;
                    })
                    .list();
            if (fresh.isEmpty()) {
                break;
            }
            List<TalentIndex.Change> changes = new ArrayList<>(newest.size());
            newest.forEach((subject, version) -> {
                UUID account = accounts.get(subject);
                // a row without an account is an erased account's: only the removal remains to apply
                Optional<TalentDocument> now =
                        account == null ? Optional.empty() : documents.of(new AccountId(account));
                changes.add(new TalentIndex.Change(subject, version, now));
            });
            index.apply(changes);
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
            mark(new ArrayList<>(uncommitted));
            uncommitted.clear();
            lastCommit = clock.instant();
        }
        return applied;
    }

    /**
     * Fills the index from the system of record, then applies what is pending. The rows this consumer has not applied
     * and that are visible before the rebuild reads are covered by it, and marked applied once the index is committed;
     * a change committed while the rebuild reads has a row not among them, so the poll after it catches up.
     */
    public synchronized void rebuild(Iterator<TalentDocument> all) {
        rebuild(() -> all);
    }

    /**
     * Like {@link #rebuild(Iterator)}, with the documents asked for only after the rows the rebuild covers and the
     * versions were read: a learner whose change commits in between is then both derived afresh and still pending.
     * Each document gets the sequence of its subject's newest row as its version, read before it is derived, so
     * the version never claims a change the document does not hold.
     */
    public synchronized void rebuild(Supplier<Iterator<TalentDocument>> all) {
        uncommitted.clear(); // the rebuild re-derives them
        seen();
        List<Long> covered = jdbc.sql("select o.seq from talent_outbox o where not exists (select 1 from"
                        + " talent_outbox_applied a where a.consumer = ? and a.seq = o.seq)")
                .param(consumer)
                .query(Long.class)
                .list();
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("select seq, account_id, subject from talent_outbox")
                .query((rs, n) ->
                        versions.merge(subject(rs.getObject(2, UUID.class), rs.getString(3)), rs.getLong(1), Math::max))
                .list();
        index.rebuild(all.get(), versions);
        index.commit();
        lastCommit = clock.instant();
        for (int from = 0; from < covered.size(); from += BATCH) {
            mark(covered.subList(from, Math.min(covered.size(), from + BATCH)));
        }
        poll();
    }

    /**
     * Whether this consumer has not applied the outbox for longer than {@link #RECENT} (or never did): rows it did
     * not apply may have been purged since, so its index must be rebuilt rather than followed.
     */
    public boolean stale() {
        Optional<Timestamp> seen = jdbc.sql("select seen_at from talent_outbox_consumer where consumer = ?")
                .param(consumer)
                .query(Timestamp.class)
                .optional();
        return seen.isEmpty() || seen.get().toInstant().isBefore(clock.instant().minus(RECENT));
    }

    /** Rows this consumer has not applied (or not yet committed): how far its index is behind. */
    public long pending() {
        return jdbc.sql("select count(*) from talent_outbox o where not exists (select 1 from talent_outbox_applied a"
                        + " where a.consumer = ? and a.seq = o.seq)")
                .param(consumer)
                .query(Long.class)
                .single();
    }

    /**
     * Forgets the rows that every consumer seen in the last {@link #RECENT} has applied (history, not state), and the
     * consumers not seen for {@link #FORGET} with their marks. A consumer away longer than {@link #RECENT} is
     * {@link #stale} and rebuilds before it follows again, so it never needs the rows purged meanwhile. Answers how
     * many rows went.
     */
    public int purge() {
        jdbc.sql("delete from talent_outbox_consumer where seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(FORGET)))
                .update();
        return jdbc.sql("delete from talent_outbox o where not exists (select 1 from talent_outbox_consumer c"
                        + " where c.seen_at >= ? and not exists (select 1 from talent_outbox_applied a"
                        + " where a.consumer = c.consumer and a.seq = o.seq))")
                .param(Timestamp.from(clock.instant().minus(RECENT)))
                .update();
    }

    /** This consumer is following now (committed with the round's marks, so a failing round does not count). */
    private void seen() {
        // update, else insert-if-missing: "on conflict do update" is PostgreSQL's alone (the demo runs on H2)
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update talent_outbox_consumer set seen_at = ? where consumer = ?")
                .params(now, consumer)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into talent_outbox_consumer (consumer, seen_at) values (?, ?) on conflict do nothing")
                    .params(consumer, now)
                    .update();
        }
    }

    /** A row's subject; rows written before V59 have none and still name their account. */
    private String subject(@Nullable UUID account, @Nullable String subject) {
        if (subject != null) {
            return subject;
        }
        if (account == null) {
            throw new IllegalStateException("A talent outbox row names neither an account nor a subject");
        }
        return index.subject(new AccountId(account));
    }

    private void mark(List<Long> rows) {
        // through the outbox itself: a row purged meanwhile is simply not marked
        jdbc.sql("insert into talent_outbox_applied (consumer, seq) select :consumer, seq from talent_outbox"
                        + " where seq in (:seqs) on conflict do nothing")
                .param("consumer", consumer)
                .param("seqs", rows)
                .update();
    }
}

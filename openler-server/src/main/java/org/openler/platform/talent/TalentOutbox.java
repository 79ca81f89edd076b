package org.openler.platform.talent;

import java.sql.Timestamp;
import java.time.Clock;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.IssuedCredentialStatusChanged;
import org.openler.platform.kernel.LearnerEvidenceChanged;
import org.openler.platform.talent.index.Subjects;
import org.openler.platform.wallet.Wallet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the talent outbox ({@code talent_outbox}, V47, V59): a row naming the learner (by account and by
 * {@link Subjects subject}), in the transaction of every change
 * that can alter their searchable document. The discovery setting writes through {@link #record}; the other features
 * publish {@link LearnerEvidenceChanged} or {@link IssuedCredentialStatusChanged} inside their transactions and the
 * listeners here run in it (plain, synchronous listeners). Only learners who ever set discovery get rows: nobody else
 * has or can have a document. The index follower applies the rows ({@code TalentIndexFollower}).
 */
@Component
class TalentOutbox {

    /** A row was written; after the transaction commits, this instance's follower applies it at once. */
    record Written() {}

    private final JdbcClient jdbc;
    private final Wallet wallet;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Subjects subjects;

    TalentOutbox(JdbcClient jdbc, Wallet wallet, Clock clock, ApplicationEventPublisher events, Subjects subjects) {
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records that the learner's document may have changed, in the caller's transaction. The learner's discovery row
     * is locked first, so two transactions changing one learner take their sequence numbers in the order they commit:
     * a row's sequence is the version of the document derived after it (see {@code TalentIndex}), and a row that
     * committed late with a lower number would be skipped as older.
     */
    void record(AccountId learner) {
        lock(learner);
        jdbc.sql("insert into talent_outbox (account_id, subject, created_at) values (?, ?, ?)")
                .params(learner.value(), subjects.of(learner), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new Written());
    }

    /**
     * The account is being erased (in this transaction): if the learner ever chose a discovery setting, their rows
     * forget the account and keep only the subject, and one more row, by subject alone, takes the document out of
     * every index. After the commit nothing in the outbox names the person.
     */
    void recordErasure(AccountId learner) {
        if (!everSet(learner)) {
            return;
        }
        lock(learner);
        String subject = subjects.of(learner);
        jdbc.sql("update talent_outbox set account_id = null, subject = ? where account_id = ?")
                .params(subject, learner.value())
                .update();
        jdbc.sql("insert into talent_outbox (account_id, subject, created_at) values (null, ?, ?)")
                .params(subject, Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new Written());
    }

    private void lock(AccountId learner) {
        jdbc.sql("select account_id from talent_discovery where account_id = ? for update")
                .param(learner.value())
                .query(java.util.UUID.class)
                .optional();
    }

    @EventListener
    void on(LearnerEvidenceChanged changed) {
        recordIfEverSet(changed.learner());
    }

    /** A revocation (or suspension, or reinstatement) changes what verifies for everyone holding the credential. */
    @EventListener
    void on(IssuedCredentialStatusChanged changed) {
        wallet.holders(changed.credential()).forEach(this::recordIfEverSet);
    }

    /** A row for the learner if they ever chose a discovery setting (only they can have a document). */
    void recordIfEverSet(AccountId learner) {
        if (everSet(learner)) {
            record(learner);
        }
    }

    private boolean everSet(AccountId learner) {
        return jdbc.sql("select count(*) from talent_discovery where account_id = ?")
                        .param(learner.value())
                        .query(Long.class)
                        .single()
                > 0;
    }
}

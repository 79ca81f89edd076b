package org.openler.platform.talent;

import java.sql.Timestamp;
import java.time.Clock;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.IssuedCredentialStatusChanged;
import org.openler.platform.kernel.LearnerEvidenceChanged;
import org.openler.platform.wallet.Wallet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the talent outbox ({@code talent_outbox}, V47): a row naming the learner, in the transaction of every change
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

    TalentOutbox(JdbcClient jdbc, Wallet wallet, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.clock = clock;
        this.events = events;
    }

    /** Records that the learner's document may have changed, in the caller's transaction. */
    void record(AccountId learner) {
        jdbc.sql("insert into talent_outbox (account_id, created_at) values (?, ?)")
                .params(learner.value(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new Written());
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
        boolean set = jdbc.sql("select count(*) from talent_discovery where account_id = ?")
                        .param(learner.value())
                        .query(Long.class)
                        .single()
                > 0;
        if (set) {
            record(learner);
        }
    }
}

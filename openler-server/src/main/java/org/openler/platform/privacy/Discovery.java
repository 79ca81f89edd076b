package org.openler.platform.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.LearnerEvidenceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a person may be found by others (a talent search, a directory). Off unless the person turns it on: the
 * issue asks for opting out of any discovery, and not being found is the default that needs no action.
 */
@Service
public class Discovery {

    private final JdbcClient jdbc;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    Discovery(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isDiscoverable(AccountId account) {
        return jdbc.sql("select discoverable from privacy_preference where account_id = ?")
                .param(account.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Transactional
    public void setDiscoverable(AccountId account, boolean discoverable) {
        // Insert-if-missing first, then update: two first choices at once cannot collide on the primary key.
        jdbc.sql("insert into privacy_preference (account_id, discoverable, updated_at) values (?, false, ?)"
                        + " on conflict do nothing")
                .params(account.value(), Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("update privacy_preference set discoverable = ?, updated_at = ?" + " where account_id = ?")
                .params(discoverable, Timestamp.from(clock.instant()), account.value())
                .update();
        events.publishEvent(new LearnerEvidenceChanged(account)); // the talent index follows, same transaction
    }
}

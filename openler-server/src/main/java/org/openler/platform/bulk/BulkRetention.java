package org.openler.platform.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows carry who each credential was for, which the provider needs while a job runs and while it reads the
 * report — not for ever. Once every row of a job has finished and {@code openler.bulk.retention} has passed since the
 * last one did, the rows' recipients and error texts (which may quote the input) are erased. Any instance may run it;
 * it is one idempotent update.
 */
@Component
class BulkRetention {

    private static final Logger log = LoggerFactory.getLogger(BulkRetention.class);

    private final JdbcClient jdbc;
    private final BulkProperties properties;
    private final Clock clock;

    BulkRetention(JdbcClient jdbc, BulkProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void scheduled() {
        int erased = eraseExpired();
        if (erased > 0) {
            log.info("Bulk retention: erased the recipients of {} finished rows", erased);
        }
    }

    /** Erases the recipients of rows of jobs finished longer than the retention ago; returns how many rows. */
    @Transactional
    int eraseExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.retention()));
        return jdbc.sql("update bulk_row set recipient_email = null, recipient_did = null, error = null"
                        + " where (recipient_email is not null or recipient_did is not null or error is not null)"
                        + " and job_id in (select job_id from bulk_row group by job_id"
                        + " having sum(case when state = 'PENDING' then 1 else 0 end) = 0 and max(finished_at) < ?)")
                .param(cutoff)
                .update();
    }
}

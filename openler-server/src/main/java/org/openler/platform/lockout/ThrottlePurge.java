package org.openler.platform.lockout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets what no longer slows anyone down, so the throttle table does not grow with every address and name ever
 * tried: an address's count once its window has passed without a failure (the throttle starts it afresh then anyway);
 * a name's count after {@code openler.lockout.purge-after} (30 days) without a failure. A locked name is never purged:
 * only an unlock lifts a lock.
 */
@Component
class ThrottlePurge {

    private static final Logger log = LoggerFactory.getLogger(ThrottlePurge.class);

    private final JdbcClient jdbc;
    private final LockoutProperties limits;
    private final Clock clock;
    private final Duration purgeAfter;

    ThrottlePurge(
            JdbcClient jdbc,
            LockoutProperties limits,
            Clock clock,
            @Value("${openler.lockout.purge-after:30d}") Duration purgeAfter) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
        this.purgeAfter = purgeAfter;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${openler.lockout.purge-interval:PT1H}")
    void scheduled() {
        int purged = purge();
        if (purged > 0) {
            log.info("Sign-in throttle: forgot {} quiet rows", purged);
        }
    }

    /** Deletes the quiet rows; returns how many. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        int addresses = jdbc.sql("delete from sign_in_throttle where kind = 'ADDRESS' and locked_at is null"
                        + " and (failures <= 0 or last_failure_at is null or last_failure_at < ?)")
                .param(Timestamp.from(now.minus(limits.addressWindow())))
                .update();
        int names = jdbc.sql("delete from sign_in_throttle where kind <> 'ADDRESS' and locked_at is null"
                        + " and (last_failure_at is null or last_failure_at < ?)")
                .param(Timestamp.from(now.minus(purgeAfter)))
                .update();
        return addresses + names;
    }
}

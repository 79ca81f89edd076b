package org.openler.platform.health;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code databaseWrite} in the readiness group: updates the one row of {@code health_probe} in a transaction that is
 * always rolled back, so the check writes through the database's write path without leaving anything behind. A
 * database that is closed, read-only or out of space fails it, and the instance leaves the load balancer.
 */
@Component("databaseWrite")
class DatabaseWriteHealthIndicator extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseWriteHealthIndicator(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        super("The database cannot take a write");
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout(5);
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Integer updated = transactions.execute(status -> {
            status.setRollbackOnly();
            return jdbc.sql("update health_probe set checked_at = ? where id = 1")
                    .param(Timestamp.from(clock.instant()))
                    .update();
        });
        if (updated == null || updated != 1) {
            builder.down().withDetail("reason", "the probe row is missing");
            return;
        }
        builder.up();
    }
}

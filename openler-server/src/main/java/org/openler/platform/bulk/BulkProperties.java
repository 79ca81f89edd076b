package org.openler.platform.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.bulk.*}: bulk issuance from CSV. The worker polls every {@code poll-interval}, claims
 * {@code batch-size} rows at a time and issues them on {@code threads} threads (4: each row waits on a dozen
 * database round trips, so two cores are kept busy only with more rows in flight than cores); a claim older than
 * {@code claim-timeout} is a crashed worker's and is taken again; a row is given up after {@code max-attempts}. The
 * recipients of a finished job's rows are erased {@code retention} after its last row finished (counts, row numbers,
 * error codes and credential ids stay, so the job's report still adds up).
 */
@ConfigurationProperties("openler.bulk")
public record BulkProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("300ms") Duration pollInterval,
        @DefaultValue("32") int batchSize,
        @DefaultValue("4") int threads,
        @DefaultValue("60s") Duration claimTimeout,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("20000") int maxRows,
        @DefaultValue("30d") Duration retention) {

    public BulkProperties {
        if (batchSize < 1 || threads < 1 || maxAttempts < 1 || maxRows < 1) {
            throw new IllegalArgumentException("openler.bulk: batch-size, threads, max-attempts and max-rows are >= 1");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("openler.bulk.retention must not be negative");
        }
        if (claimTimeout.compareTo(Duration.ofSeconds(1)) < 0 || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("openler.bulk: claim-timeout >= 1s and a positive poll-interval");
        }
    }
}

package org.openler.platform.talent;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openler.platform.talent.index.OutboxFollower;
import org.openler.platform.talent.index.TalentIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this instance's talent index in step with PostgreSQL. At start it rebuilds the index from the discoverable
 * learners (or, for an index that keeps its content with {@code openler.talent.index.rebuild-on-start=false},
 * resumes: the outbox rows its consumer has not applied are still pending, unless it was away so long that they may
 * have been purged, and then it rebuilds). Then it applies the outbox ({@link OutboxFollower}) as soon as a change
 * made here commits, and every {@code openler.talent.index.poll-interval} (250 ms) for changes made by other
 * instances or that arrived while it was busy; the index is committed and the rows marked applied at most every
 * {@code openler.talent.index.commit-interval} (1 s). Marks are per index ({@code TalentIndex.consumer}), so several
 * instances with embedded indexes, or instances sharing one OpenSearch alias, each see every change. Every minute it
 * purges the rows every consumer seen in the last ten minutes has applied.
 */
@Component
@ConditionalOnProperty(name = "openler.talent.index.follow", havingValue = "true", matchIfMissing = true)
class TalentIndexFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TalentIndexFollower.class);

    private final TalentIndex index;
    private final TalentDocuments documents;
    private final OutboxFollower follower;
    private final TransactionTemplate transactions;
    private final Duration every;
    private final boolean rebuildOnStart;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "talent-index-follower");
        thread.setDaemon(true);
        return thread;
    });

    TalentIndexFollower(
            TalentIndex index,
            TalentDocuments documents,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${openler.talent.index.poll-interval:250ms}") Duration every,
            @Value("${openler.talent.index.rebuild-on-start:true}") boolean rebuildOnStart,
            @Value("${openler.talent.index.commit-interval:1s}") Duration commitEvery) {
        this.index = index;
        this.documents = documents;
        this.every = every;
        this.rebuildOnStart = rebuildOnStart;
        this.follower = new OutboxFollower(jdbc, index, documents::of, clock, commitEvery);
        // its own transaction: after a commit the caller's connection is still bound, and writes there would be lost
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (rebuildOnStart || index.count() == 0 || follower.stale()) {
            rebuild();
        } else {
            log.info("Talent index resumes with {} profiles; {} outbox rows pending", index.count(), pending());
            pollQuietly();
        }
        long millis = every.toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, 1, 1, TimeUnit.MINUTES);
    }

    /** A change made here committed: apply it before the request answers (a turned-off profile is gone at once). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(TalentOutbox.Written written) {
        pollQuietly();
    }

    /** Rebuilds the index from PostgreSQL (at start, or on demand). */
    void rebuild() {
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> follower.rebuild(documents::all));
        log.info(
                "Talent index rebuilt: {} profiles in {} ms",
                index.count(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Applies the pending outbox rows now; answers how many. */
    int poll() {
        if (follower.stale()) {
            // away longer than the purge waits (a long outage of the engine): rows it missed may be gone
            rebuild();
            return 0;
        }
        Integer applied = transactions.execute(status -> follower.poll());
        return applied == null ? 0 : applied;
    }

    long pending() {
        return follower.pending();
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Talent index poll failed; the outbox rows stay pending and the next poll retries", e);
        }
    }

    private void purgeQuietly() {
        try {
            transactions.executeWithoutResult(status -> follower.purge());
        } catch (RuntimeException e) {
            log.warn("Purging the talent outbox failed; the next round retries", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("The talent index follower is still busy after 30 s; left to end with the process");
        }
    }
}

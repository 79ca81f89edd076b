package org.openler.platform.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this instance's search index in step with the database by following the change sequence
 * ({@code registry_change}): every poll reads the rows after the last one applied and re-reads each changed entry's
 * current state (so applying a row twice does no harm). Sequence numbers are handed out before their transactions
 * commit, so a gap may be a transaction still running: rows after a gap are applied, but the recorded position waits
 * at the gap until it fills or is older than the gap timeout (a rolled-back transaction). A memory index is rebuilt
 * from the published entries at start; a disk index resumes from the position stored in its last commit.
 */
@Component
class IndexFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    private static final int BATCH = 1000;

    private final CredentialIndex index;
    private final RegistryEntries entries;
    private final OrganizationService organizations;
    private final JdbcClient jdbc;
    private final RegistryProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "registry-index-follower");
        thread.setDaemon(true);
        return thread;
    });

    /** Every sequence number up to here has been applied (or passed over as a rolled-back gap). */
    private long position;

    /** Rows after the position already applied, and when a gap below them was first seen. */
    private final Map<Long, Instant> appliedAbove = new HashMap<>();

    private final Map<Long, Instant> gapsSeen = new HashMap<>();
    private volatile boolean ready;

    IndexFollower(
            CredentialIndex index,
            RegistryEntries entries,
            OrganizationService organizations,
            JdbcClient jdbc,
            RegistryProperties properties,
            Clock clock) {
        this.index = index;
        this.entries = entries;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        synchronized (this) {
            if (properties.index().equals("disk") && index.sequence() > 0) {
                position = index.sequence();
                log.info("Registry index resumes after change {} ({} credentials)", position, index.size());
            } else {
                rebuild();
            }
            ready = true;
        }
        long every = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Applies a change this instance made as soon as it is committed. */
    @TransactionalEventListener
    void on(RegistryChanged changed) {
        if (ready) {
            pollQuietly();
        }
    }

    /**
     * Rebuilds from the published entries. The position is set below the changes of the last gap-timeout, which are
     * then applied again by the next poll: a change whose transaction was still open during the rebuild is not lost.
     */
    synchronized void rebuild() {
        Instant started = clock.instant();
        Instant settled = started.minus(properties.gapTimeout());
        long settledSequence = jdbc.sql("select coalesce(max(seq), 0) from registry_change where changed_at < ?")
                .param(Timestamp.from(settled))
                .query(Long.class)
                .single();
        index.clear();
        Map<OrganizationId, Optional<Organization>> owners = new HashMap<>();
        List<String> published = jdbc.sql("select entry_ctid from registry_entry where status = 'PUBLISHED'")
                .query(String.class)
                .list();
        for (String ctid : published) {
            apply(new Ctid(ctid), owners, true);
        }
        position = settledSequence;
        appliedAbove.clear();
        gapsSeen.clear();
        index.commit(position);
        poll();
        log.info(
                "Registry index rebuilt: {} credentials in {} ms",
                index.size(),
                Duration.between(started, clock.instant()).toMillis());
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Registry index poll failed; the next poll retries", e);
        }
    }

    /** Applies the changes after the position; answers the position reached. */
    synchronized long poll() {
        List<long[]> rows;
        Map<OrganizationId, Optional<Organization>> owners = new HashMap<>();
        boolean changed = false;
        do {
            rows = jdbc.sql("select seq, entry_ctid from registry_change where seq > ? order by seq limit " + BATCH)
                    .param(position)
                    .query((rs, n) -> {
                        long seq = rs.getLong(1);
                        String ctid = rs.getString(2);
                        if (!appliedAbove.containsKey(seq)) {
                            apply(new Ctid(ctid), owners, false);
                            appliedAbove.put(seq, clock.instant());
                        }
                        return new long[] {seq};
                    })
                    .list();
            long before = position;
            advance(rows);
            changed |= !rows.isEmpty();
            if (position == before) {
                break;
            }
        } while (rows.size() == BATCH);
        if (changed) {
            index.commit(position);
        }
        return position;
    }

    private void advance(List<long[]> rows) {
        Instant now = clock.instant();
        for (long[] row : rows) {
            long seq = row[0];
            if (seq == position + 1) {
                position = seq;
                appliedAbove.remove(seq);
                continue;
            }
            Instant firstSeen = gapsSeen.computeIfAbsent(position + 1, s -> now);
            if (Duration.between(firstSeen, now).compareTo(properties.gapTimeout()) >= 0) {
                log.info("Registry change sequence: {} to {} never committed; passed over", position + 1, seq - 1);
                gapsSeen.remove(position + 1);
                position = seq;
                appliedAbove.remove(seq);
            } else {
                break;
            }
        }
        appliedAbove.keySet().removeIf(seq -> seq <= position);
    }

    private void apply(Ctid ctid, Map<OrganizationId, Optional<Organization>> owners, boolean fresh) {
        Optional<PublishedCredential> published = entries.findPublished(ctid);
        if (published.isEmpty()) {
            index.remove(ctid.value());
            return;
        }
        PublishedCredential credential = published.get();
        Optional<Organization> owner = owners.computeIfAbsent(credential.organization(), organizations::find);
        if (owner.isEmpty()) {
            index.remove(ctid.value());
            return;
        }
        IndexedCredential indexed = IndexedCredential.of(
                ctid, credential.credential(), owner.get().slug(), owner.get().name());
        if (fresh) {
            index.add(indexed);
        } else {
            index.put(indexed);
        }
    }

    /** How far this instance's index follows the database. */
    record Status(long sequence, int credentials) {}

    Status status() {
        synchronized (this) {
            return new Status(position, index.size());
        }
    }

    /**
     * Lets a running follow step finish instead of interrupting it: an interrupt inside H2's file I/O closes the
     * database. Steps not yet started are dropped.
     */
    @Override
    public void destroy() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("The registry index follower is still busy after 30 s; left to end with the process");
        }
    }
}

package org.openler.platform.bulk;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.issuing.IssuedCredentials;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the rows of bulk jobs. Every few hundred milliseconds it claims a small batch of pending rows (any instance
 * may run this worker against the same database: claims never overlap) and issues them on a few threads, each row in
 * one transaction with the row's outcome. A row whose claim expires (its worker crashed) is claimed again and its
 * idempotency key returns the credential the first attempt made, if it made one.
 */
@Component
class BulkWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);

    private final BulkJobs jobs;
    private final Issuance issuance;
    private final IssuedCredentials issuedCredentials;
    private final Issuers issuers;
    private final OrganizationService organizations;
    private final TransactionTemplate transactions;
    private final BulkProperties properties;
    private final ExecutorService pool;
    private final String name;
    private volatile boolean stopping;

    BulkWorker(
            BulkJobs jobs,
            Issuance issuance,
            IssuedCredentials issuedCredentials,
            Issuers issuers,
            OrganizationService organizations,
            TransactionTemplate transactions,
            BulkProperties properties) {
        this.jobs = jobs;
        this.issuance = issuance;
        this.issuedCredentials = issuedCredentials;
        this.issuers = issuers;
        this.organizations = organizations;
        this.transactions = transactions;
        this.properties = properties;
        this.pool = Executors.newFixedThreadPool(
                properties.threads(),
                Thread.ofPlatform().name("bulk-issuer-", 0).daemon().factory());
        this.name = ManagementFactory.getRuntimeMXBean().getName() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This worker's name in {@code bulk_row.claimed_by}: process, host and a random suffix. */
    String name() {
        return name;
    }

    @Scheduled(fixedDelayString = "${openler.bulk.poll-interval:300ms}")
    void poll() {
        if (!properties.workerEnabled()) {
            return;
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stopping && System.nanoTime() < until) {
            List<BulkJobs.Claimed> batch = jobs.claim(name, properties.batchSize());
            if (batch.isEmpty()) {
                return;
            }
            List<Callable<Void>> work = new ArrayList<>();
            for (BulkJobs.Claimed row : batch) {
                work.add(() -> {
                    process(row);
                    return null;
                });
            }
            try {
                pool.invokeAll(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void process(BulkJobs.Claimed row) {
        if (stopping) {
            jobs.release(row); // shutting down: another instance may take the row at once
            return;
        }
        OrganizationId organizationId = new OrganizationId(row.organizationId());
        Optional<Organization> organization = organizations.find(organizationId);
        if (organization.isEmpty()) {
            jobs.failed(row, BulkRowError.REFUSED, "The organization no longer exists.");
            return;
        }
        Organization org = organization.get();
        Issuance.Request request = new Issuance.Request(
                row.achievementId(),
                row.email() != null
                        ? new Issuance.To.Email(row.email())
                        : new Issuance.To.DidSubject(String.valueOf(row.did())),
                Optional.ofNullable(row.validUntil()),
                Optional.of(row.idempotencyKey()),
                Issuance.DidMethod.WEB,
                CredentialFormat.LDP,
                BulkCsv.results(row.results()).stream()
                        .map(r -> new Issuance.StatedResult(r.getKey(), r.getValue()))
                        .toList());
        try {
            transactions.executeWithoutResult(status -> {
                Issuance.Issued issued = issuance.issue(issuers.of(org), request, submitter(row, organizationId));
                jobs.done(row, issued.id());
            });
        } catch (IssuedCredentials.IdempotentReplay replay) {
            // Another worker issued this row's key first (its claim had expired, yet it was still running).
            transactions.executeWithoutResult(status -> jobs.done(
                    row,
                    issuedCredentials
                            .byIdempotencyKey(org.id(), replay.key())
                            .orElseThrow()
                            .id()));
        } catch (PlatformException refused) {
            BulkRowError error = classify(refused);
            jobs.failed(
                    row,
                    error,
                    error == BulkRowError.REFUSED || error == BulkRowError.RESULTS ? reason(refused) : error.reason());
        } catch (RuntimeException e) {
            if (row.attempts() >= properties.maxAttempts()) {
                log.warn(
                        "Bulk job {} row {}: giving up after {} attempts ({})",
                        row.jobId(),
                        row.rowNumber(),
                        row.attempts(),
                        e.toString());
                jobs.failed(row, BulkRowError.GAVE_UP, BulkRowError.GAVE_UP.reason());
            } else {
                log.warn(
                        "Bulk job {} row {}: attempt {} failed ({}); the row is taken again when its claim expires",
                        row.jobId(),
                        row.rowNumber(),
                        row.attempts(),
                        e.toString());
            }
        }
    }

    /** The worker issues as the person or client who submitted the job (the audit log names them). */
    static Actor submitter(BulkJobs.Claimed row, OrganizationId organization) {
        String by = row.submittedBy();
        if (by.startsWith("account:")) {
            return new Actor.Person(
                    new AccountId(UUID.fromString(by.substring("account:".length()))), AccountKind.STAFF, false);
        }
        if (by.startsWith("client:")) {
            return new Actor.Machine(by.substring("client:".length()), organization);
        }
        throw new IllegalStateException("Bulk job " + row.jobId() + " has no submitter this worker can act as");
    }

    static BulkRowError classify(PlatformException refused) {
        if (refused.problem() == Problem.NOT_FOUND) {
            return BulkRowError.ACHIEVEMENT_UNKNOWN;
        }
        String field = refused.fieldErrors().isEmpty()
                ? ""
                : refused.fieldErrors().get(0).field();
        return switch (field) {
            case "validUntil" -> BulkRowError.VALID_UNTIL_PAST;
            case "recipient.email" -> BulkRowError.EMAIL;
            case "recipient.did" -> BulkRowError.DID;
            case "idempotencyKey" -> BulkRowError.KEY_TOO_LONG;
            case "results" -> BulkRowError.RESULTS;
            default -> BulkRowError.REFUSED;
        };
    }

    private static String reason(PlatformException refused) {
        return refused.fieldErrors().isEmpty()
                ? refused.detail()
                : refused.fieldErrors().get(0).field() + ": "
                        + refused.fieldErrors().get(0).message();
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}

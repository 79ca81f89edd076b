package org.openler.platform.articulation;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs articulation import jobs in the background. It claims one job at a time, reads its file again (the same bytes
 * give the same rules, in the same order), and saves rule after rule from where the job stands: each rule in one
 * transaction with the job's progress, the rule's own refusal rolled back to a savepoint so the progress still
 * commits. Killed at any moment, a job loses nothing and repeats nothing: its heartbeat stops, another worker (or this
 * one after a restart) claims it once the heartbeat is older than {@code openler.articulation.import-stale} and
 * continues at the first rule not committed. Each poll works for at most a few seconds, then puts the job back.
 */
@Component
class RuleImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleImportWorker.class);

    /** Rules a job may hold (the platform's 1 MB request limit bounds the file first). */
    static final int MAX_ROWS = 200_000;

    private final RuleImportJobs jobs;
    private final ArticulationRules rules;
    private final RuleCsv csv;
    private final TransferValueProfiles ctdl;
    private final OrganizationService organizations;
    private final TransactionTemplate perRule;
    private final TransactionTemplate savepoint;
    private final boolean enabled;
    private final Duration stale;
    private final String name;
    private volatile boolean stopping;

    /** The file of the job this worker ran last, so that its next slice does not read it again. */
    private record Read(UUID job, RuleImport.Parsed parsed) {}

    private volatile @Nullable Read lastRead;

    RuleImportWorker(
            RuleImportJobs jobs,
            ArticulationRules rules,
            RuleCsv csv,
            TransferValueProfiles ctdl,
            OrganizationService organizations,
            PlatformTransactionManager transactions,
            @Value("${openler.articulation.import-worker:true}") boolean enabled,
            @Value("${openler.articulation.import-stale:60s}") Duration stale) {
        this.jobs = jobs;
        this.rules = rules;
        this.csv = csv;
        this.ctdl = ctdl;
        this.organizations = organizations;
        this.perRule = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.enabled = enabled;
        this.stale = stale;
        this.name = ManagementFactory.getRuntimeMXBean().getName() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${openler.articulation.import-poll:500ms}")
    void poll() {
        if (!enabled || stopping) {
            return;
        }
        jobs.claim(name, stale).ifPresent(job -> run(job, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
    }

    void run(RuleImportJobs.Claimed job, long until) {
        Optional<Organization> college = organizations.find(job.organization());
        if (college.isEmpty()) {
            jobs.fail(job.id(), "The organization no longer exists.");
            return;
        }
        RuleImport.Parsed parsed;
        Read last = lastRead;
        if (last != null && last.job().equals(job.id())) {
            parsed = last.parsed(); // this worker's own slice before: the same bytes, read once
        } else {
            try {
                parsed = job.format() == RuleImportJobs.Format.CSV
                        ? csv.parse(job.body(), MAX_ROWS)
                        : ctdl.parse(job.body());
            } catch (PlatformException refused) {
                jobs.fail(job.id(), RuleImport.reason(refused));
                return;
            }
            lastRead = new Read(job.id(), parsed);
        }
        if (job.total() == null) {
            jobs.start(job.id(), parsed.units().size(), parsed.early());
        }
        while (!stopping && System.nanoTime() < until) {
            Boolean more = perRule.execute(status -> step(job.id(), college.get(), parsed));
            if (!Boolean.TRUE.equals(more)) {
                lastRead = null;
                return;
            }
        }
        jobs.release(job.id(), name);
    }

    /** Saves the next rule and the job's progress together; false when the job is finished or no longer ours. */
    private boolean step(UUID id, Organization college, RuleImport.Parsed parsed) {
        Optional<Integer> next = jobs.next(id, name);
        if (next.isEmpty()) {
            return false;
        }
        int index = next.get();
        if (index >= parsed.units().size()) {
            jobs.finish(id);
            log.info(
                    "Articulation import {} finished: {} rules",
                    id,
                    parsed.units().size());
            return false;
        }
        RuleImport.Unit unit = parsed.units().get(index);
        if (unit.refused().isPresent()) {
            jobs.advance(id, RuleImportJobs.Outcome.REFUSED, unit.refused().get());
            return true;
        }
        try {
            ArticulationRule saved = savepoint.execute(
                    s -> RuleImport.save(rules, college, unit.id(), unit.draft().orElseThrow()));
            jobs.advance(
                    id,
                    saved != null && saved.version() > 1
                            ? RuleImportJobs.Outcome.UPDATED
                            : RuleImportJobs.Outcome.CREATED,
                    null);
        } catch (PlatformException refused) {
            jobs.advance(
                    id,
                    RuleImportJobs.Outcome.REFUSED,
                    new RuleImport.RowError(unit.row(), RuleImport.code(refused), RuleImport.reason(refused)));
        }
        return true;
    }

    @Override
    public void destroy() {
        stopping = true;
    }
}

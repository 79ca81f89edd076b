package org.openler.platform.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.skills.Occupation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employers' jobs: written, edited, closed and read. The public face of the jobs feature: matching reads a job's
 * weighted requirements through {@link #find(JobId)} and the open jobs through {@link #open()}. A job names its O*NET
 * occupation and the ESCO occupation the crosswalk matches to it, with their titles as they were when it was written.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    static final int MAX_LIST = 200;
    /** Open jobs read at most at once (every employer's). */
    static final int MAX_OPEN = 10_000;

    private final JobRepository repository;
    private final OnetOccupations onet;
    private final CompetencyDna dna;
    private final Clock clock;
    private final JobSubmissions submissions;

    Jobs(JobRepository repository, OnetOccupations onet, CompetencyDna dna, Clock clock, JobSubmissions submissions) {
        this.repository = repository;
        this.submissions = submissions;
        this.onet = onet;
        this.dna = dna;
        this.clock = clock;
    }

    /** Any job, open or closed. */
    public Optional<Job> find(JobId id) {
        return repository.find(id);
    }

    /** Every open job, newest first (at most 10,000). */
    public List<Job> open() {
        return repository.open(MAX_OPEN);
    }

    /** The organization's newest jobs the filter selects, at most {@code limit}. */
    public List<Job> list(OrganizationId organization, JobFilter filter, int limit) {
        return list(organization, filter, 0, limit).jobs();
    }

    /** One page of the organization's jobs, newest first, and how many the filter selects in all. */
    public record Listing(List<Job> jobs, int total) {}

    /** The jobs the filter selects from {@code offset} on (newest first), at most {@code limit}, and their total. */
    @Transactional(readOnly = true)
    public Listing list(OrganizationId organization, JobFilter filter, int offset, int limit) {
        List<Job> page = repository.list(organization, filter, Math.max(0, offset), Math.clamp(limit, 1, MAX_LIST));
        return new Listing(page, repository.count(organization, filter));
    }

    /** The organization's job, or not found (another organization's job is not found either). */
    public Job get(OrganizationId organization, JobId id) {
        return repository
                .find(id)
                .filter(j -> j.organization().equals(organization))
                .orElseThrow(() -> PlatformException.notFound("The job"));
    }

    @Transactional
    public Job create(OrganizationId organization, JobContent content) {
        JobId id = JobId.random();
        Named named = named(content);
        repository.insert(id, organization, named.content(), named.onetTitle(), named.escoTitle(), clock.instant());
        log.info("Job {} created for organization {}", id, organization.value());
        return repository.find(id).orElseThrow();
    }

    /**
     * Several jobs in one transaction, all or none, each closed at once when {@code closed} (an HR Open posting with
     * several position profiles, whose status is the posting's).
     */
    @Transactional
    public List<Job> createAll(OrganizationId organization, List<JobContent> contents, boolean closed) {
        List<Job> created = new ArrayList<>();
        for (JobContent content : contents) {
            Job job = create(organization, content);
            created.add(closed ? close(organization, job.id()) : job);
        }
        return List.copyOf(created);
    }

    /**
     * {@link #createAll} under an {@code Idempotency-Key} (when given), recorded in the same transaction with the
     * request's fingerprint; a request with the same key committed meanwhile makes this one roll back with a
     * {@code DuplicateKeyException}, and {@link #posted} then finds the first one's jobs.
     */
    @Transactional
    public List<Job> createAll(
            OrganizationId organization,
            List<JobContent> contents,
            boolean closed,
            Optional<String> key,
            String requestSha256) {
        List<Job> created = createAll(organization, contents, closed);
        key.ifPresent(k -> submissions.insert(
                organization, k, requestSha256, created.stream().map(Job::id).toList(), clock.instant()));
        return created;
    }

    /**
     * The jobs an earlier request with this key made, as they are now; empty when the key is new. The same key with
     * another request is the client's mistake: a 409 problem, and nothing is made.
     */
    public Optional<List<Job>> posted(OrganizationId organization, String key, String requestSha256) {
        return submissions.find(organization, key).map(earlier -> {
            if (!earlier.requestSha256().equals(requestSha256)) {
                throw PlatformException.conflict(
                        "The Idempotency-Key \"" + (key.length() > 60 ? key.substring(0, 60) + "…" : key)
                                + "\" was sent before with another request; use a new key for a new job.");
            }
            return earlier.jobs().stream().map(id -> get(organization, id)).toList();
        });
    }

    /** Replaces the job's content; {@code expectedVersion} (when given) must be the stored one. */
    @Transactional
    public Job update(OrganizationId organization, JobId id, JobContent content, Optional<Integer> expectedVersion) {
        Job current = get(organization, id);
        int expected = expectedVersion.orElse(current.version());
        Named named = named(content);
        if (!repository.update(
                id, organization, named.content(), named.onetTitle(), named.escoTitle(), expected, clock.instant())) {
            throw PlatformException.conflict("The job was changed meanwhile; read it again and repeat the change.");
        }
        return repository.find(id).orElseThrow();
    }

    /** Closes the job; closing a closed job changes nothing (a retried request is harmless). */
    @Transactional
    public Job close(OrganizationId organization, JobId id) {
        get(organization, id);
        repository.close(id, organization, clock.instant());
        return repository.find(id).orElseThrow();
    }

    private record Named(JobContent content, String onetTitle, Optional<String> escoTitle) {}

    /** Fills in the ESCO counterpart and the titles from the ontology. */
    private Named named(JobContent c) {
        Occupation occupation =
                onet.byCode(c.onetCode()).orElseThrow(() -> PlatformException.invalid("occupation", "Unknown."));
        Optional<CompetencyDna.Counterpart> esco = dna.counterpart(occupation.uri());
        JobContent content = new JobContent(
                c.title(),
                c.onetCode(),
                esco.map(e -> e.uri().toString()),
                c.summary(),
                c.requirements(),
                c.credentials(),
                c.experienceMonths(),
                c.education(),
                c.location(),
                c.remote(),
                c.pay());
        return new Named(content, occupation.title(), esco.map(CompetencyDna.Counterpart::title));
    }
}

package org.openler.platform.jobs;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.matching.JobTarget;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs feature's side of the jobs-by-fit benchmark: stores synthetic jobs as the server does, and answers the
 * open jobs both as the server did before their targets were kept (every open job with its requirements and
 * credentials read on every call) and as it does now ({@link JobMatchTargets}).
 */
public final class BenchmarkJobs {

    private final JobRepository repository;
    private final WorkActivities activities = new WorkActivities();

    public BenchmarkJobs(JdbcClient jdbc) {
        this.repository = new JobRepository(jdbc);
    }

    /** A job as an employer writes it: a title, its O*NET occupation and weighted requirements. */
    public record Written(String title, String onetCode, List<TargetSkill> requirements) {}

    public void insert(OrganizationId organization, Written job, Instant now) {
        JobContent content = new JobContent(
                job.title(),
                job.onetCode(),
                Optional.empty(),
                "",
                job.requirements().stream()
                        .map(s -> new JobRequirement(
                                s.skillUri(),
                                s.label(),
                                Math.clamp(s.weight(), 0.05, 1.0),
                                s.required(),
                                Math.clamp(s.level(), 1, 5),
                                "rated"))
                        .toList(),
                List.of(),
                0,
                JobContent.Education.NONE,
                "",
                JobContent.Remote.ONSITE,
                Optional.empty());
        repository.insert(JobId.random(), organization, content, job.title(), Optional.empty(), now);
    }

    /** Main before the change (62670b5): every open job read in full on every call. */
    public JobTargets before() {
        return new JobTargets() {
            @Override
            public Optional<MatchTarget> forJob(JobId jobId) {
                return Optional.empty();
            }

            @Override
            public List<JobTarget> openJobs() {
                return repository.open(Jobs.MAX_OPEN).stream()
                        .map(j -> new JobTarget(
                                j.id().value(),
                                j.title(),
                                j.organizationName(),
                                new MatchTarget(
                                        j.title(),
                                        j.requirements().stream()
                                                .map(r -> new TargetSkill(
                                                        r.skill(),
                                                        r.label(),
                                                        r.weight(),
                                                        r.required(),
                                                        r.level(),
                                                        through(r.skill())))
                                                .toList())))
                        .toList();
            }
        };
    }

    /** What a work activity is reached through, as the server's seam has it since t15dwa (none for a skill). */
    private List<URI> through(URI skill) {
        return activities
                .byUri(skill)
                .map(a -> a.skills().stream().map(WorkActivities.Skill::uri).toList())
                .orElse(List.of());
    }

    /** The server's seam now: the open jobs' heads on every call, a job's requirements only when its version moved. */
    public JobTargets after() {
        return new JobMatchTargets(null, repository, activities);
    }
}

package org.openler.platform.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.kernel.JobId;
import org.openler.platform.matching.JobTarget;
import org.openler.platform.matching.JobTargets;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.springframework.stereotype.Component;

/**
 * Employers' jobs as matching sees them: what a job asks for, in matching's terms. Only what is public about a job
 * crosses this seam (its title, employer and requirements), so any learner may be matched against any job. A detailed
 * work activity the job asks for carries the O*NET and ESCO skills that reach it (docs/jobs.md).
 *
 * <p>Every learner's jobs page ranks every open job, so the open jobs' targets are kept, each under the job's version:
 * every edit and every close raises the version, and the open jobs' ids, titles, employers and versions are read
 * again on every call (one query), so a target is read again exactly when its job changed, and a closed job drops
 * out. Any instance's change is seen, as the version is in the database. (The work activities' skills come from
 * bundled files, which do not change while the server runs.)
 */
@Component
class JobMatchTargets implements JobTargets {

    /** A job's target as it was at one version. */
    private record Kept(int version, MatchTarget target) {}

    private final Jobs jobs;
    private final JobRepository repository;
    private final WorkActivities activities;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    JobMatchTargets(Jobs jobs, JobRepository repository, WorkActivities activities) {
        this.jobs = jobs;
        this.repository = repository;
        this.activities = activities;
    }

    @Override
    public Optional<MatchTarget> forJob(JobId jobId) {
        return jobs.find(jobId).map(this::target);
    }

    @Override
    public List<JobTarget> openJobs() {
        List<JobRepository.OpenHead> heads = repository.openHeads(Jobs.MAX_OPEN);
        List<UUID> changed = new ArrayList<>();
        for (JobRepository.OpenHead head : heads) {
            Kept k = kept.get(head.id().value());
            if (k == null || k.version() != head.version()) {
                changed.add(head.id().value());
            }
        }
        Map<UUID, List<JobRequirement>> read = repository.requirements(changed);
        List<JobTarget> open = new ArrayList<>(heads.size());
        Set<UUID> ids = new HashSet<>();
        for (JobRepository.OpenHead head : heads) {
            UUID id = head.id().value();
            ids.add(id);
            Kept k = kept.get(id);
            if (k == null || k.version() != head.version()) {
                k = new Kept(head.version(), target(head.title(), read.getOrDefault(id, List.of())));
                kept.put(id, k);
            }
            open.add(new JobTarget(id, head.title(), head.organizationName(), k.target()));
        }
        kept.keySet().retainAll(ids); // closed (or no longer among the open) jobs are not kept
        return open;
    }

    @Override
    public Optional<JobTarget> job(JobId jobId) {
        return jobs.find(jobId).map(this::jobTarget);
    }

    @Override
    public boolean isOpen(JobId jobId) {
        return jobs.find(jobId).map(j -> j.status() == Job.Status.OPEN).orElse(false);
    }

    private JobTarget jobTarget(Job job) {
        return new JobTarget(job.id().value(), job.title(), job.organizationName(), target(job));
    }

    private MatchTarget target(Job job) {
        return target(job.title(), job.requirements());
    }

    private MatchTarget target(String title, List<JobRequirement> requirements) {
        return new MatchTarget(
                title,
                requirements.stream()
                        .map(r -> new TargetSkill(
                                r.skill(), r.label(), r.weight(), r.required(), r.level(), through(r.skill())))
                        .toList());
    }

    /**
     * A work activity is reached through the O*NET skills linked to its GWA and the ESCO skills that name it; a skill
     * only through itself.
     */
    private List<URI> through(URI skill) {
        return activities
                .byUri(skill)
                .map(a -> a.reachedThrough().stream()
                        .map(WorkActivities.Skill::uri)
                        .toList())
                .orElse(List.of());
    }
}

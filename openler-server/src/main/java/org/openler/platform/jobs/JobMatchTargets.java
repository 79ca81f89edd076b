package org.openler.platform.jobs;

import java.net.URI;
import java.util.List;
import java.util.Optional;
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
 */
@Component
class JobMatchTargets implements JobTargets {

    private final Jobs jobs;
    private final WorkActivities activities;

    JobMatchTargets(Jobs jobs, WorkActivities activities) {
        this.jobs = jobs;
        this.activities = activities;
    }

    @Override
    public Optional<MatchTarget> forJob(JobId jobId) {
        return jobs.find(jobId).map(this::target);
    }

    @Override
    public List<JobTarget> openJobs() {
        return jobs.open().stream().map(this::jobTarget).toList();
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
        return new MatchTarget(
                job.title(),
                job.requirements().stream()
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

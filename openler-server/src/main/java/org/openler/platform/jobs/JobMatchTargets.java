package org.openler.platform.jobs;

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
 * crosses this seam (its title, employer and requirements), so any learner may be matched against any job.
 */
@Component
class JobMatchTargets implements JobTargets {

    private final Jobs jobs;

    JobMatchTargets(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Optional<MatchTarget> forJob(JobId jobId) {
        return jobs.find(jobId).map(JobMatchTargets::target);
    }

    @Override
    public List<JobTarget> openJobs() {
        return jobs.open().stream().map(JobMatchTargets::jobTarget).toList();
    }

    @Override
    public Optional<JobTarget> job(JobId jobId) {
        return jobs.find(jobId).map(JobMatchTargets::jobTarget);
    }

    @Override
    public boolean isOpen(JobId jobId) {
        return jobs.find(jobId).map(j -> j.status() == Job.Status.OPEN).orElse(false);
    }

    private static JobTarget jobTarget(Job job) {
        return new JobTarget(job.id().value(), job.title(), job.organizationName(), target(job));
    }

    private static MatchTarget target(Job job) {
        return new MatchTarget(
                job.title(),
                job.requirements().stream()
                        .map(r -> new TargetSkill(r.skill(), r.label(), r.weight(), r.required(), r.level()))
                        .toList());
    }
}

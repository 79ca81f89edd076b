package org.openler.platform.matching;

import java.util.List;
import java.util.Optional;
import org.openler.platform.kernel.JobId;

/**
 * The seam to the jobs feature: it implements this as a Spring bean, and matching reads jobs only through it. With no
 * bean, the learner sees occupations only. Implementations answer what is public about a job (any learner may match
 * against an open job); they never need the learner.
 */
public interface JobTargets {

    /** A job by id, open or closed (a closed job stays readable and matchable); empty when there is no such job. */
    Optional<MatchTarget> forJob(JobId jobId);

    /** Every open job, in any order (matching sorts them by fit). */
    List<JobTarget> openJobs();

    /** A job's title and employer, for headings; the default reads it from the open jobs. */
    default Optional<JobTarget> job(JobId jobId) {
        Optional<JobTarget> open =
                openJobs().stream().filter(j -> j.id().equals(jobId.value())).findFirst();
        if (open.isPresent()) {
            return open;
        }
        return forJob(jobId).map(t -> new JobTarget(jobId.value(), t.title(), "", t));
    }

    /** Whether the job takes applicants now (a closed job is still matchable); the default asks the open jobs. */
    default boolean isOpen(JobId jobId) {
        return openJobs().stream().anyMatch(j -> j.id().equals(jobId.value()));
    }
}

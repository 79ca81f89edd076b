package org.openler.platform.jobs;

import java.util.Optional;

/**
 * Which of an organization's jobs a list selects: by status, by O*NET-SOC code, by words in the title (each optional;
 * none selects every job).
 */
public record JobFilter(Optional<Job.Status> status, Optional<String> occupation, Optional<String> words) {

    public static final JobFilter ALL = new JobFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public static JobFilter withStatus(Job.Status status) {
        return new JobFilter(Optional.of(status), Optional.empty(), Optional.empty());
    }
}

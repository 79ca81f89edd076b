package org.openler.platform.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;

/**
 * A stored job of an employer organization: its content, the occupation's titles as they were when it was written,
 * open or closed, and a version for optimistic locking.
 */
public record Job(
        JobId id,
        OrganizationId organization,
        String organizationSlug,
        String organizationName,
        JobContent content,
        String onetTitle,
        Optional<String> escoTitle,
        Status status,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> closedAt,
        int version) {

    /** A closed job stays readable but no longer takes applicants. */
    public enum Status {
        OPEN,
        CLOSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String title() {
        return content.title();
    }

    public List<JobRequirement> requirements() {
        return content.requirements();
    }
}

package org.openler.platform.profile;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** One experience (a job, volunteering, study) on a learner's profile. */
public record ExperienceId(UUID value) implements UuidId {

    public ExperienceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

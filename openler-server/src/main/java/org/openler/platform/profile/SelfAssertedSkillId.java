package org.openler.platform.profile;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** A skill the learner claims for themselves on their profile. */
public record SelfAssertedSkillId(UUID value) implements UuidId {

    public SelfAssertedSkillId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

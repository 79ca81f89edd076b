package org.openler.platform.skills;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** A competency of an imported framework, as stored. */
public record CompetencyId(UUID value) implements UuidId {

    public CompetencyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

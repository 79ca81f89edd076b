package org.openler.platform.skills;

import java.util.Objects;
import java.util.UUID;

/** An occupation (O*NET or another taxonomy), as stored. */
public record OccupationId(UUID value) {

    public OccupationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

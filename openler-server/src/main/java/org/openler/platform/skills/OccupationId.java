package org.openler.platform.skills;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** An occupation (O*NET or another taxonomy), as stored. */
public record OccupationId(UUID value) implements UuidId {

    public OccupationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

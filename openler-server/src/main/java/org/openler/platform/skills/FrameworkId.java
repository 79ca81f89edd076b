package org.openler.platform.skills;

import java.util.Objects;
import java.util.UUID;

/** One version of a framework, as stored. */
public record FrameworkId(UUID value) {

    public FrameworkId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.openler.platform.skills;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** One version of a framework, as stored. */
public record FrameworkId(UUID value) implements UuidId {

    public FrameworkId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

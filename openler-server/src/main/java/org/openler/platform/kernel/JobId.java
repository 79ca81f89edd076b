package org.openler.platform.kernel;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A job's identifier; its public page is {@code /jobs/{id}}. In the kernel because matching and talent name jobs too,
 * and the jobs feature depends on them.
 */
public record JobId(UUID value) implements UuidId {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    /** Reads an id from a URL; anything that is not a UUID names no job. */
    public static Optional<JobId> parse(String text) {
        try {
            return Optional.of(new JobId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

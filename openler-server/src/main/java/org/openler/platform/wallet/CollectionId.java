package org.openler.platform.wallet;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** One of a learner's named collections of wallet credentials. */
public record CollectionId(UUID value) implements UuidId {

    public CollectionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.openler.platform.sharing;

import java.util.Objects;
import java.util.UUID;

/** A learner's share: the link that shows chosen credentials to one party, until it ends. */
public record ShareId(UUID value) {

    public ShareId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.openler.platform.sharing;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** A learner's share: the link that shows chosen credentials to one party, until it ends. */
public record ShareId(UUID value) implements UuidId {

    public ShareId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

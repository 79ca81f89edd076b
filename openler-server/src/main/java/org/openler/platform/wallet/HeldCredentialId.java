package org.openler.platform.wallet;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** A credential in a learner's wallet (one item of it), as the learner's pages and API name it. */
public record HeldCredentialId(UUID value) implements UuidId {

    public HeldCredentialId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

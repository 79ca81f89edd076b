package org.openler.platform.talent;

import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/** An employer's invitation to a candidate found in a talent search. */
public record InvitationId(UUID value) implements UuidId {

    public InvitationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

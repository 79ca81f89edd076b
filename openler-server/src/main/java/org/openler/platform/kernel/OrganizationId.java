package org.openler.platform.kernel;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A provider or employer organization. */
public record OrganizationId(UUID value) implements Serializable, UuidId {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

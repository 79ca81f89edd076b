package org.openler.platform.kernel;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A person's account. */
public record AccountId(UUID value) implements Serializable, UuidId {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

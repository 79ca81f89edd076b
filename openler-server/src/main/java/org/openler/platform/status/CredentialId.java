package org.openler.platform.status;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.openler.platform.kernel.UuidId;

/**
 * A credential issued on this platform: the id of its {@code issued_credential} row, which is also the credential's
 * own {@code urn:uuid:} id. Written as the bare UUID (in JSON, URLs and audit targets), as before it had a type.
 */
public record CredentialId(@JsonValue UUID value) implements Serializable, UuidId {

    public CredentialId {
        Objects.requireNonNull(value, "value");
    }

    public static CredentialId random() {
        return new CredentialId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

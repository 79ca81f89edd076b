package org.openler.platform.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A Credential Transparency Identifier: {@code ce-} and a UUID, lower case, as Credential Engine assigns them. */
public record Ctid(String value) {

    private static final Pattern SHAPE =
            Pattern.compile("ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public Ctid {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("A CTID is ce- followed by a lower-case UUID");
        }
    }

    public static Ctid random() {
        return new Ctid("ce-" + UUID.randomUUID());
    }

    /**
     * Reads a CTID as people and older CTDL write it: any case, or as {@code urn:ctid:<uuid>} (the older shape in
     * Credential Engine's own fixtures). Refuses anything else.
     */
    public static Optional<Ctid> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("urn:ctid:")) {
            value = "ce-" + value.substring("urn:ctid:".length());
        }
        return SHAPE.matcher(value).matches() ? Optional.of(new Ctid(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

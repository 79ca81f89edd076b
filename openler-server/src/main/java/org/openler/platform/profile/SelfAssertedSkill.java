package org.openler.platform.profile;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A skill the learner states about themselves: their own words, the ontology competency they picked for them (or
 * none, kept as free text), optional evidence (a link, a narrative, one of their held credentials), and the level they
 * put themselves at (1–5, 0 when they gave none). Always shown and exported as self-asserted.
 */
public record SelfAssertedSkill(
        UUID id,
        String ownWords,
        @Nullable URI competencyUri,
        @Nullable String competencyLabel,
        @Nullable URI evidenceUrl,
        @Nullable String evidenceText,
        @Nullable UUID evidenceCredential,
        int position,
        Instant createdAt,
        Instant updatedAt,
        int level) {

    /** The name shown: the competency's label when one was picked, else the learner's words. */
    public String label() {
        return competencyLabel != null ? competencyLabel : ownWords;
    }

    public Optional<URI> competency() {
        return Optional.ofNullable(competencyUri);
    }
}

package org.openler.platform.issuing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.identity.OrganizationId;

/** An achievement as the provider defined it. Alignments point at competencies by URI. */
public record AchievementDefinition(
        UUID id,
        OrganizationId organization,
        String name,
        String description,
        String criteria,
        Optional<String> achievementType,
        Optional<URI> image,
        List<Alignment> alignments,
        Instant createdAt) {

    public AchievementDefinition {
        alignments = List.copyOf(alignments);
    }

    /** A competency this achievement is aligned to. */
    public record Alignment(URI targetUrl, String targetName) {}
}

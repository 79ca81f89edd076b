package org.openler.platform.issuing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.OrganizationId;

/**
 * An achievement as the provider defined it. Alignments point at competencies by URI; {@code registryCtid} names its
 * entry in the Credential Registry, when it has one.
 */
public record AchievementDefinition(
        UUID id,
        OrganizationId organization,
        String name,
        String description,
        String criteria,
        Optional<String> achievementType,
        Optional<URI> image,
        List<Alignment> alignments,
        Optional<String> registryCtid,
        Instant createdAt) {

    public AchievementDefinition {
        alignments = List.copyOf(alignments);
    }

    /**
     * What this achievement is aligned to: a competency (of the platform's ontology or anyone's, by URI) or its entry
     * in the Credential Registry. Type, framework and code are filled in when the platform knows the target.
     */
    public record Alignment(
            URI targetUrl,
            String targetName,
            Optional<String> targetType,
            Optional<String> targetFramework,
            Optional<String> targetCode) {

        public Alignment(URI targetUrl, String targetName) {
            this(targetUrl, targetName, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}

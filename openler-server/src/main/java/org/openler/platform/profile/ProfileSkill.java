package org.openler.platform.profile;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One skill on the profile: the ontology competency (or, for free text, none), its label, and every source it came
 * from. Verified sources come first, then endorsements, then the learner's own statements.
 */
public record ProfileSkill(@Nullable URI competencyUri, String label, List<Provenance> sources) {

    public ProfileSkill {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("A skill on the profile comes from somewhere");
        }
    }

    public Optional<URI> competency() {
        return Optional.ofNullable(competencyUri);
    }

    public boolean verified() {
        return sources.stream().anyMatch(Provenance.Verified.class::isInstance);
    }

    public boolean endorsed() {
        return sources.stream().anyMatch(Provenance.Endorsed.class::isInstance);
    }

    public List<Provenance.Verified> verifiedBy() {
        return sources.stream()
                .filter(Provenance.Verified.class::isInstance)
                .map(Provenance.Verified.class::cast)
                .toList();
    }

    public List<Provenance.Endorsed> endorsedBy() {
        return sources.stream()
                .filter(Provenance.Endorsed.class::isInstance)
                .map(Provenance.Endorsed.class::cast)
                .toList();
    }

    public List<Provenance.SelfAsserted> assertedBy() {
        return sources.stream()
                .filter(Provenance.SelfAsserted.class::isInstance)
                .map(Provenance.SelfAsserted.class::cast)
                .toList();
    }
}

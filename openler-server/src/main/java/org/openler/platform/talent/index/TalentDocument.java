package org.openler.platform.talent.index;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.kernel.AccountId;

/**
 * What one discoverable learner made searchable, and nothing else: their skills (ontology URIs) with the strongest
 * kind of evidence for each, who may find them, and optionally a coarse region and availability (the learner's own
 * choice of words from a short list, never an address or a date). A learner with discovery off has no document.
 *
 * @param region coarse location, e.g. {@code US-IN}; empty when not shared
 * @param availability e.g. {@code full-time}, {@code part-time}; empty when not shared
 */
public record TalentDocument(
        AccountId learner,
        Visibility visibility,
        Map<URI, EvidenceKind> skills,
        Optional<String> region,
        Optional<String> availability) {

    /** Who may find the learner through the index. */
    public enum Visibility {
        /** Every employer, anonymously. */
        ANONYMOUS,
        /** Only the employers the learner is linked to; never in an anonymous search. */
        INTERNAL
    }

    public TalentDocument {
        skills = Map.copyOf(skills);
    }

    public TalentDocument(AccountId learner, Visibility visibility, Map<URI, EvidenceKind> skills) {
        this(learner, visibility, skills, Optional.empty(), Optional.empty());
    }
}

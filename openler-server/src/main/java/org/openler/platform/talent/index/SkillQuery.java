package org.openler.platform.talent.index;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A weighted skill query for first-pass retrieval: the requirements of a job or the skills an employer asked for.
 * The same URI may appear twice (a job may list it twice); each occurrence counts, as in the matching engine. The
 * filter narrows the documents before they are counted, so a narrow filter can leave too few candidates.
 */
public record SkillQuery(List<Weighted> skills, Filter filter) {

    /**
     * Documents kept: with this region, if one is given, and with one of these availabilities, if any is given. A
     * document without a region (or availability) never passes a filter on it.
     */
    public record Filter(Optional<String> region, Set<String> availability) {

        public static final Filter NONE = new Filter(Optional.empty(), Set.of());

        public Filter {
            availability = Set.copyOf(availability);
        }

        public boolean isEmpty() {
            return region.isEmpty() && availability.isEmpty();
        }

        /** Whether the document passes: what every index must answer for the documents it counts. */
        public boolean admits(TalentDocument document) {
            boolean place = region.isEmpty() || document.region().equals(region);
            boolean time = availability.isEmpty()
                    || document.availability().map(availability::contains).orElse(false);
            return place && time;
        }
    }

    /** One skill asked for, with its weight (more than 0). */
    public record Weighted(URI skill, double weight) {

        public Weighted {
            if (!Double.isFinite(weight) || weight <= 0) {
                throw new IllegalArgumentException("A weight is a finite number above 0");
            }
        }
    }

    public SkillQuery(List<Weighted> skills) {
        this(skills, Filter.NONE);
    }

    public SkillQuery {
        skills = List.copyOf(skills);
        if (skills.isEmpty()) {
            throw new IllegalArgumentException("A query asks for at least one skill");
        }
    }

    /** The sum of the weights: the score's denominator. */
    public double totalWeight() {
        double total = 0;
        for (Weighted w : skills) {
            total += w.weight();
        }
        return total;
    }

    /**
     * The first-pass score of a document, 0–100: {@code 100 × Σ weight × strength(kind held) / Σ weight}. It is the
     * matching engine's exact score for a record made only of these kinds (no levels, no neighbours), so an index
     * that ranks by it ranks as the engine does. Implementations may compute it in single precision.
     */
    public double score(TalentDocument document) {
        double covered = 0;
        for (Weighted w : skills) {
            EvidenceKind kind = document.skills().get(w.skill());
            if (kind != null) {
                covered += w.weight() * kind.strength();
            }
        }
        return 100 * covered / totalWeight();
    }
}

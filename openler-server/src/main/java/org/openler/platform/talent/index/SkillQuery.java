package org.openler.platform.talent.index;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openler.platform.matching.Relation;

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

    /**
     * One skill asked for, with its weight (more than 0), and its neighbours in the ontology's hierarchy: a learner
     * holding a {@code narrower} skill earns {@link Relation#NARROWER}'s share of the requirement, one holding a
     * {@code broader} skill {@link Relation#BROADER}'s, exactly the matching engine's partial credit.
     */
    public record Weighted(URI skill, double weight, Set<URI> narrower, Set<URI> broader) {

        public Weighted {
            if (!Double.isFinite(weight) || weight <= 0) {
                throw new IllegalArgumentException("A weight is a finite number above 0");
            }
            narrower = without(narrower, skill);
            broader = without(broader, skill);
        }

        /** The skill alone, no neighbours. */
        public Weighted(URI skill, double weight) {
            this(skill, weight, Set.of(), Set.of());
        }

        public boolean hasNeighbours() {
            return !narrower.isEmpty() || !broader.isEmpty();
        }

        /**
         * What a document earns on this requirement, 0–1: the best of the skill itself and its neighbours, each as
         * {@code relation credit × strength of the kind held}.
         */
        public double coverage(TalentDocument document) {
            double best = 0;
            EvidenceKind exact = document.skills().get(skill);
            if (exact != null) {
                best = exact.strength();
            }
            for (Map.Entry<URI, EvidenceKind> held : document.skills().entrySet()) {
                if (narrower.contains(held.getKey())) {
                    best = Math.max(
                            best, Relation.NARROWER.credit() * held.getValue().strength());
                }
                if (broader.contains(held.getKey())) {
                    best = Math.max(
                            best, Relation.BROADER.credit() * held.getValue().strength());
                }
            }
            return best;
        }

        private static Set<URI> without(Set<URI> skills, URI skill) {
            if (!skills.contains(skill)) {
                return Set.copyOf(skills);
            }
            Set<URI> rest = new HashSet<>(skills);
            rest.remove(skill);
            return Set.copyOf(rest);
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

    /** The ways a document earns this query's score, for an index to turn into its own query. */
    public SkillPlan plan() {
        return SkillPlan.of(this);
    }

    /**
     * The first-pass score of a document, 0–100: {@code 100 × Σ weight × coverage / Σ weight}, where a requirement's
     * coverage is the best of the strength of the kind held for the skill itself and {@code relation credit ×
     * strength} for a narrower or broader skill held ({@link Weighted#coverage}). It is the matching engine's exact
     * score for a record made only of these kinds and these neighbours (no levels), so an index that ranks by it
     * ranks as the engine does. Implementations may compute it in single precision.
     */
    public double score(TalentDocument document) {
        double covered = 0;
        for (Weighted w : skills) {
            covered += w.weight() * w.coverage(document);
        }
        return 100 * covered / totalWeight();
    }
}

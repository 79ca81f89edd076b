package org.openler.platform.talent.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openler.platform.matching.Relation;

/**
 * A {@link SkillQuery} as the ways a document earns points, engine-neutral: each index turns the plan into its own
 * query (Lucene's constant-score clauses, OpenSearch's {@code constant_score}), so the two engines score alike by
 * construction. A document's score is, over the requirements, the sum of what it earns on each: the best way it holds
 * where {@link Requirement#onlyTheBest}, else the sum of the ways it holds. That is {@link SkillQuery#score}.
 */
public record SkillPlan(List<Requirement> requirements) {

    public SkillPlan {
        requirements = List.copyOf(requirements);
    }

    /**
     * One requirement's ways. With neighbours, a document may hold the skill and a neighbour, so only the best way
     * counts (a maximum, as in the matching engine). Without, it holds the skill in one kind at most, so the ways
     * exclude each other and their sum is the one held: an engine may add them up, which it prunes better.
     */
    public record Requirement(List<Way> ways, boolean onlyTheBest) {

        public Requirement {
            ways = List.copyOf(ways);
        }
    }

    /** Holding any of these skills in this kind earns {@link #points}: {@code 100 × share} of the score. */
    public record Way(EvidenceKind kind, Set<URI> skills, double share) {

        public Way {
            skills = Set.copyOf(skills);
        }

        public double points() {
            return 100 * share;
        }
    }

    /**
     * Each kind in turn: the skill itself at {@code weight × strength / Σ weight}, then its narrower and its broader
     * skills (those it has) at that share times the relation's credit.
     */
    static SkillPlan of(SkillQuery query) {
        double total = query.totalWeight();
        List<Requirement> requirements = new ArrayList<>();
        for (SkillQuery.Weighted w : query.skills()) {
            List<Way> ways = new ArrayList<>();
            for (EvidenceKind kind : EvidenceKind.values()) {
                double share = w.weight() * kind.strength() / total;
                ways.add(new Way(kind, Set.of(w.skill()), share));
                if (!w.narrower().isEmpty()) {
                    ways.add(new Way(kind, w.narrower(), share * Relation.NARROWER.credit()));
                }
                if (!w.broader().isEmpty()) {
                    ways.add(new Way(kind, w.broader(), share * Relation.BROADER.credit()));
                }
            }
            requirements.add(new Requirement(ways, w.hasNeighbours()));
        }
        return new SkillPlan(requirements);
    }
}

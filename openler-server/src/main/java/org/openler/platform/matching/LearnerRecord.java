package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A learner's evidence indexed for matching, built once and matched against any number of targets: each skill held
 * (by URI), and for every skill the ontology reaches from one, the best way to reach it. Matching a target is then
 * one or two hash lookups per requirement, whatever the size of the ontology.
 */
public final class LearnerRecord {

    /** One way to reach a skill: from held evidence through a relation, worth {@code credit} of the requirement. */
    public record Reach(Evidence evidence, Relation relation, double credit) {}

    private final List<Evidence> evidence;
    private final Map<URI, Reach> best;

    private LearnerRecord(List<Evidence> evidence, Map<URI, Reach> best) {
        this.evidence = List.copyOf(evidence);
        this.best = best;
    }

    public static LearnerRecord empty() {
        return of(List.of(), List.of());
    }

    /**
     * The record from the learner's evidence and the ontology's edges around it. Edges from skills the learner does
     * not have are ignored. Per skill reached, the strongest way to reach it is kept (relation × backing).
     */
    public static LearnerRecord of(List<Evidence> evidence, List<Neighbour> neighbours) {
        Map<URI, Evidence> held = new HashMap<>();
        for (Evidence e : evidence) {
            held.merge(e.skill(), e, (a, b) -> a.best().strength() >= b.best().strength() ? a : b);
        }
        Map<URI, Reach> best = new HashMap<>();
        for (Evidence e : held.values()) {
            offer(
                    best,
                    e.skill(),
                    new Reach(
                            e, Relation.SAME, Relation.SAME.credit() * e.best().strength()));
        }
        for (Neighbour n : neighbours) {
            Evidence e = held.get(n.held());
            if (e != null && !n.other().equals(n.held())) {
                offer(
                        best,
                        n.other(),
                        new Reach(
                                e,
                                n.relation(),
                                n.relation().credit() * e.best().strength()));
            }
        }
        return new LearnerRecord(new ArrayList<>(held.values()), Map.copyOf(best));
    }

    private static void offer(Map<URI, Reach> best, URI skill, Reach reach) {
        best.merge(skill, reach, (a, b) -> better(b, a) ? b : a);
    }

    /** A stronger credit wins; on a tie, a relation that meets wins over one that does not. */
    private static boolean better(Reach candidate, Reach current) {
        if (candidate.credit() != current.credit()) {
            return candidate.credit() > current.credit();
        }
        return candidate.relation().ordinal() < current.relation().ordinal();
    }

    /** The best way the learner reaches this skill, if any. */
    public Optional<Reach> reach(URI skill) {
        return Optional.ofNullable(best.get(skill));
    }

    @Nullable
    Reach reachOrNull(URI skill) {
        return best.get(skill);
    }

    /** The skills the learner has (one per URI). */
    public List<Evidence> evidence() {
        return evidence;
    }

    public boolean isEmpty() {
        return evidence.isEmpty();
    }
}

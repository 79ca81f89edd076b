package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A learner's evidence indexed for matching, built once and matched against any number of targets: each skill held
 * (by URI), and for every skill the ontology reaches from one, every way to reach it. Matching a target is then one
 * hash lookup per requirement, whatever the size of the ontology.
 */
public final class LearnerRecord {

    /**
     * One way to reach a skill: from held evidence, backed by one of its sources at that source's level, through a
     * relation; worth {@code credit} (relation × backing) of the requirement before levels are compared.
     */
    public record Reach(Evidence evidence, Evidence.Source source, int level, Relation relation, double credit) {

        public Reach(Evidence evidence, Relation relation, double credit) {
            this(evidence, evidence.best(), evidence.levelOf(evidence.best()), relation, credit);
        }
    }

    private final List<Evidence> evidence;
    // keyed by the URI's text: String hashing and equality are far cheaper than URI's (measured in MatchingBenchmarks)
    private final Map<String, Reach[]> ways;

    private LearnerRecord(List<Evidence> evidence, Map<String, Reach[]> ways) {
        this.evidence = List.copyOf(evidence);
        this.ways = ways;
    }

    public static LearnerRecord empty() {
        return of(List.of(), List.of());
    }

    /**
     * The record from the learner's evidence and the ontology's edges around it. Edges from skills the learner does
     * not have are ignored. Per skill reached, every way to reach it is kept, strongest (relation × backing) first:
     * the level asked decides which one counts most, so the engine takes the best of them per requirement (keeping
     * only the strongest broke "removing a credential never raises the score", found by the property test).
     */
    public static LearnerRecord of(List<Evidence> evidence, List<Neighbour> neighbours) {
        Map<URI, Evidence> held = new HashMap<>();
        for (Evidence e : evidence) {
            held.merge(e.skill(), e, (a, b) -> a.best().strength() >= b.best().strength() ? a : b);
        }
        Map<URI, List<Reach>> found = new HashMap<>();
        for (Evidence e : held.values()) {
            reaches(found.computeIfAbsent(e.skill(), k -> new ArrayList<>()), e, Relation.SAME);
        }
        for (Neighbour n : neighbours) {
            Evidence e = held.get(n.held());
            if (e != null && !n.other().equals(n.held())) {
                reaches(found.computeIfAbsent(n.other(), k -> new ArrayList<>()), e, n.relation());
            }
        }
        Map<String, Reach[]> ways = new HashMap<>();
        found.forEach((skill, list) -> {
            list.sort(STRONGEST);
            ways.put(skill.toString(), list.toArray(Reach[]::new));
        });
        return new LearnerRecord(new ArrayList<>(held.values()), Map.copyOf(ways));
    }

    /**
     * One way per distinct (backing, level) of the evidence's sources: a weaker source at a higher level may count more
     * than a stronger one at a lower level once the level asked is known, and keeping each way separately (not one
     * merged level) is what keeps "taking a source away never raises the score" true.
     */
    private static void reaches(List<Reach> into, Evidence e, Relation relation) {
        List<String> seen = new ArrayList<>(2);
        for (Evidence.Source source : e.sources()) {
            int level = e.levelOf(source);
            String key = source.strength() + "/" + level;
            if (!seen.contains(key)) {
                seen.add(key);
                into.add(new Reach(e, source, level, relation, relation.credit() * source.strength()));
            }
        }
    }

    /** A stronger credit first; on a tie, a relation that meets before one that does not. */
    private static final Comparator<Reach> STRONGEST = Comparator.comparingDouble(Reach::credit)
            .reversed()
            .thenComparing(r -> r.relation().ordinal())
            .thenComparing(Reach::level, Comparator.reverseOrder());

    /** The strongest way the learner reaches this skill, if any (before levels are compared). */
    public Optional<Reach> reach(URI skill) {
        Reach[] found = ways.get(skill.toString());
        return found == null ? Optional.empty() : Optional.of(found[0]);
    }

    /** Every way the learner reaches this skill, strongest first; null when none. Not to be changed. */
    Reach @Nullable [] ways(URI skill) {
        return ways.get(skill.toString());
    }

    /**
     * Every way the learner reaches this requirement, strongest first, null when none: the ways to its skill, and for
     * a requirement reached {@code through} other skills (a work activity), each skill of those the learner has itself
     * (or its exact match), as {@link Relation#WORK_ACTIVITY}. Neighbours of neighbours do not count.
     */
    Reach @Nullable [] ways(TargetSkill skill) {
        Reach[] direct = ways.get(skill.skillUri().toString());
        if (skill.through().isEmpty()) {
            return direct;
        }
        List<Reach> all = new ArrayList<>();
        if (direct != null) {
            all.addAll(List.of(direct));
        }
        for (URI through : skill.through()) {
            Reach[] held = ways.get(through.toString());
            if (held == null) {
                continue;
            }
            for (Reach r : held) {
                if (r.relation().meets()) {
                    all.add(new Reach(
                            r.evidence(),
                            r.source(),
                            r.level(),
                            Relation.WORK_ACTIVITY,
                            Relation.WORK_ACTIVITY.credit() * r.source().strength()));
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        all.sort(STRONGEST);
        return all.toArray(Reach[]::new);
    }

    /** The skills the learner has (one per URI). */
    public List<Evidence> evidence() {
        return evidence;
    }

    public boolean isEmpty() {
        return evidence.isEmpty();
    }
}

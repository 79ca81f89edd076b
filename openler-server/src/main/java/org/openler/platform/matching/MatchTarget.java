package org.openler.platform.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a learner is matched against: a title and weighted skills. A skill named twice keeps its heaviest weight
 * (required if either said so, the higher level), so every skill counts once.
 */
public record MatchTarget(String title, List<TargetSkill> requirements) {

    /** More requirements than any job or occupation needs; a guard for the engine's speed. */
    public static final int MAX_REQUIREMENTS = 500;

    public MatchTarget {
        if (requirements.size() > MAX_REQUIREMENTS) {
            throw new IllegalArgumentException("At most " + MAX_REQUIREMENTS + " requirements");
        }
        Map<String, TargetSkill> once = new LinkedHashMap<>();
        for (TargetSkill skill : requirements) {
            once.merge(
                    skill.skillUri().toString(),
                    skill,
                    (a, b) -> new TargetSkill(
                            a.skillUri(),
                            a.label(),
                            Math.max(a.weight(), b.weight()),
                            a.required() || b.required(),
                            Math.max(a.level(), b.level())));
        }
        requirements = List.copyOf(once.values());
    }

    /** The sum of the weights: what a perfect match covers. */
    public double totalWeight() {
        double total = 0;
        for (TargetSkill skill : requirements) {
            total += skill.weight();
        }
        return total;
    }
}

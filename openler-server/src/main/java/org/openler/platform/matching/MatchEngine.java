package org.openler.platform.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scores a learner's record against a target, pure and Spring-free (docs/matching.md writes the formula down):
 *
 * <pre>
 *   coverage(r) = relation credit × backing × level factor      (best way the learner reaches r; 0 when none)
 *   score       = 100 × Σ weight(r) × coverage(r) / Σ weight(r)
 * </pre>
 *
 * Backing: verified 1.0, endorsed 0.8, self-asserted 0.5. Level factor: held level ÷ asked level, at most 1, when both
 * are stated; else 1. Each source of the evidence is its own way, at the level that source states (a credential's
 * achieved rubric level, the learner's own estimate), so a self-asserted level 4 never lends its level to a verified
 * level 2: the best of (1.0 × 2/L, 0.5 × 4/L) counts. Every term is a maximum over the learner's evidence of non-negative factors, so taking a
 * credential away can never raise a requirement's coverage, hence never the score.
 */
public final class MatchEngine {

    /** How much each kind of backing counts. */
    public static final double VERIFIED = 1.0;

    public static final double ENDORSED = 0.8;
    public static final double SELF_ASSERTED = 0.5;

    private MatchEngine() {}

    /** One requirement, matched: how much of it the learner covers, what that is worth on the score, and why. */
    public record RequirementMatch(
            TargetSkill skill,
            double coverage,
            double points,
            boolean met,
            double levelFactor,
            Optional<LearnerRecord.Reach> basis) {}

    /** What keeps a requirement from full credit. */
    public enum GapKind {
        /** Nothing the learner has reaches it. */
        MISSING,
        /** Only a neighbouring skill reaches it (partial credit). */
        PARTIAL,
        /** The learner has it, but only by their own word or an endorsement: a credential would verify it. */
        UNVERIFIED,
        /** The learner has it below the level asked. */
        LEVEL
    }

    /** A gap: the requirement, its coverage now, and its priority, weight × what is missing. */
    public record Gap(TargetSkill skill, double coverage, double priority, GapKind kind) {}

    /** The whole match: the score (0–100, rounded), the exact value, every requirement in the target's order, gaps. */
    public record Match(
            MatchTarget target, int score, double exact, List<RequirementMatch> requirements, List<Gap> gaps) {

        /** The weight still missing over all gaps (what a training plan tries to cover). */
        public double missingWeight() {
            double sum = 0;
            for (Gap g : gaps) {
                sum += g.priority();
            }
            return sum;
        }
    }

    /** The score alone, for ranking many targets: no allocation per requirement. */
    public static int score(MatchTarget target, LearnerRecord record) {
        return (int) Math.round(exact(target, record));
    }

    /** The unrounded score. */
    public static double exact(MatchTarget target, LearnerRecord record) {
        double total = 0;
        double covered = 0;
        for (TargetSkill skill : target.requirements()) {
            total += skill.weight();
            LearnerRecord.Reach[] ways = record.ways(skill);
            if (ways != null) {
                covered += skill.weight() * coverage(skill, ways[best(skill, ways)]);
            }
        }
        return total <= 0 ? 0 : 100 * covered / total;
    }

    public static Match match(MatchTarget target, LearnerRecord record) {
        double total = target.totalWeight();
        List<RequirementMatch> matched = new ArrayList<>(target.requirements().size());
        List<Gap> gaps = new ArrayList<>();
        double covered = 0;
        for (TargetSkill skill : target.requirements()) {
            LearnerRecord.Reach[] ways = record.ways(skill);
            LearnerRecord.@Nullable Reach reach = ways == null ? null : ways[best(skill, ways)];
            double level = reach == null ? 1 : levelFactor(skill, reach);
            double coverage = reach == null ? 0 : reach.credit() * level;
            covered += skill.weight() * coverage;
            boolean met = reach != null && reach.relation().meets() && level >= 1;
            matched.add(new RequirementMatch(
                    skill,
                    coverage,
                    total <= 0 ? 0 : 100 * skill.weight() * coverage / total,
                    met,
                    level,
                    Optional.ofNullable(reach)));
            if (coverage < 1 && skill.weight() > 0) {
                gaps.add(new Gap(skill, coverage, skill.weight() * (1 - coverage), kind(reach, level)));
            }
        }
        gaps.sort(Comparator.comparingDouble(Gap::priority)
                .reversed()
                .thenComparing(g -> g.skill().weight(), Comparator.reverseOrder())
                .thenComparing(g -> g.skill().label()));
        double exact = total <= 0 ? 0 : 100 * covered / total;
        return new Match(target, (int) Math.round(exact), exact, List.copyOf(matched), List.copyOf(gaps));
    }

    /** Which way counts most for this requirement once levels are compared (the first on a tie: the strongest). */
    static int best(TargetSkill skill, LearnerRecord.Reach[] ways) {
        int best = 0;
        if (skill.level() > 0) {
            double top = coverage(skill, ways[0]);
            for (int i = 1; i < ways.length; i++) {
                double c = coverage(skill, ways[i]);
                if (c > top) {
                    top = c;
                    best = i;
                }
            }
        }
        return best;
    }

    static double coverage(TargetSkill skill, LearnerRecord.Reach reach) {
        return reach.credit() * levelFactor(skill, reach);
    }

    private static GapKind kind(LearnerRecord.@Nullable Reach reach, double level) {
        if (reach == null) {
            return GapKind.MISSING;
        }
        if (!reach.relation().meets()) {
            return GapKind.PARTIAL;
        }
        if (level < 1) {
            return GapKind.LEVEL;
        }
        return GapKind.UNVERIFIED;
    }

    /** Held level over asked level, at most 1, when both are stated; 1 otherwise (no level to compare). */
    static double levelFactor(TargetSkill skill, LearnerRecord.Reach reach) {
        int held = reach.level();
        if (skill.level() <= 0 || held <= 0) {
            return 1;
        }
        return Math.min(1.0, (double) held / skill.level());
    }
}

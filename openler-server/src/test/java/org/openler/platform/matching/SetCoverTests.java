package org.openler.platform.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The greedy weighted set cover: the cheap option that covers most wins, totals add up, the ln n bound holds. */
class SetCoverTests {

    static URI skill(String name) {
        return MatchEngineTests.skill(name);
    }

    static MatchEngine.Gap gap(String name, double missing) {
        return new MatchEngine.Gap(
                new TargetSkill(skill(name), name, missing, true, 0), 0, missing, MatchEngine.GapKind.MISSING);
    }

    static TrainingOption option(String name, double hours, double cost, String... skills) {
        Set<URI> teaches = new HashSet<>();
        for (String s : skills) {
            teaches.add(skill(s));
        }
        return new TrainingOption(
                "ce-" + name,
                name,
                "Provider",
                teaches,
                Optional.of(cost),
                "USD",
                Optional.of(hours),
                List.of(),
                List.of(),
                "");
    }

    @Test
    void picksTheOptionThatCoversTheMostMissingWeightPerHourAndAddsUpTheTotals() {
        List<MatchEngine.Gap> gaps = List.of(gap("a", 1), gap("b", 1), gap("c", 0.5));
        List<TrainingOption> options = List.of(
                option("A only", 10, 100, "a"),
                option("B only", 10, 100, "b"),
                option("A and B", 15, 900, "a", "b"),
                option("C", 40, 50, "c"),
                option("Unrelated", 1, 1, "z"));
        SetCover.Plan plan = SetCover.plan(gaps, options, SetCover.Measure.TIME);
        assertThat(plan.steps()).extracting(s -> s.option().name()).containsExactly("A and B", "C");
        assertThat(plan.hours()).isEqualTo(55);
        assertThat(plan.cost()).isEqualTo(950);
        assertThat(plan.coveredWeight()).isEqualTo(2.5);
        assertThat(plan.uncovered()).isEmpty();

        SetCover.Plan cheap = SetCover.plan(gaps, options, SetCover.Measure.MONEY);
        // by money: 101 per unit of weight for "A only" and "B only", 102 for "C" (51 for half a unit)
        assertThat(cheap.steps()).extracting(s -> s.option().name()).containsExactly("A only", "B only", "C");
        assertThat(cheap.cost()).isEqualTo(250);
    }

    @Test
    void gapsNothingTeachesAreReportedAsUncovered() {
        SetCover.Plan plan = SetCover.plan(
                List.of(gap("a", 1), gap("rare", 0.7)), List.of(option("A", 5, 5, "a")), SetCover.Measure.TIME);
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.uncovered()).extracting(g -> g.skill().label()).containsExactly("rare");
        assertThat(plan.missingWeight()).isEqualTo(1.7);
    }

    @Test
    void anOptionThatStatesNoDurationIsChosenOnlyWhenNothingElseTeachesTheSkill() {
        TrainingOption unknown = new TrainingOption(
                "ce-u",
                "Unknown length",
                "P",
                Set.of(skill("a"), skill("b")),
                Optional.empty(),
                "",
                Optional.empty(),
                List.of(),
                List.of(),
                "");
        SetCover.Plan plan = SetCover.plan(
                List.of(gap("a", 1), gap("b", 0.2)), List.of(unknown, option("A", 100, 0, "a")), SetCover.Measure.TIME);
        assertThat(plan.steps()).extracting(s -> s.option().name()).containsExactly("A", "Unknown length");
    }

    @Test
    void theGreedyPlanCostsAtMostHnTimesTheCheapestCoverOnSmallRandomInstances() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(5);
            List<MatchEngine.Gap> gaps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                gaps.add(gap("g" + i, 0.1 + 0.9 * random.nextDouble()));
            }
            List<TrainingOption> options = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(6); i++) {
                List<String> teaches = new ArrayList<>();
                for (int g = 0; g < n; g++) {
                    if (random.nextInt(3) == 0) {
                        teaches.add("g" + g);
                    }
                }
                options.add(option("o" + i, 1 + random.nextInt(50), 0, teaches.toArray(String[]::new)));
            }
            for (int g = 0; g < n; g++) {
                options.add(option("single" + g, 20 + random.nextInt(80), 0, "g" + g)); // everything coverable
            }
            SetCover.Plan plan = SetCover.plan(gaps, options, SetCover.Measure.TIME);
            assertThat(plan.uncovered()).isEmpty();
            double greedy = plan.steps().stream()
                    .mapToDouble(s -> s.option().hours().orElseThrow() + 1)
                    .sum();
            double best = cheapestCover(n, options);
            double harmonic = 0;
            for (int k = 1; k <= n; k++) {
                harmonic += 1.0 / k;
            }
            assertThat(greedy).as("round %d", round).isLessThanOrEqualTo(harmonic * best + 1e-9);
        }
    }

    /** By brute force over every subset of options: the least total (hours + 1) that covers all n gaps. */
    static double cheapestCover(int n, List<TrainingOption> options) {
        double best = Double.MAX_VALUE;
        for (int mask = 1; mask < (1 << options.size()); mask++) {
            Set<URI> covered = new HashSet<>();
            double cost = 0;
            for (int i = 0; i < options.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    covered.addAll(options.get(i).teaches());
                    cost += options.get(i).hours().orElseThrow() + 1;
                }
            }
            boolean all = true;
            for (int g = 0; g < n; g++) {
                all &= covered.contains(skill("g" + g));
            }
            if (all) {
                best = Math.min(best, cost);
            }
        }
        return best;
    }

    // --- partial cover through neighbours: the match's own factors (Relation.credit) ---

    static Neighbour edge(String taught, String gap, Relation relation) {
        return new Neighbour(skill(taught), skill(gap), relation);
    }

    @Test
    void aCredentialTeachingANeighbourOfAMissingSkillCoversItsShareWithTheMatchesFactorAndLeavesTheRestUncovered() {
        List<MatchEngine.Gap> gaps = List.of(gap("a", 1), gap("b", 0.5));
        List<TrainingOption> options = List.of(option("Sibling course", 10, 0, "a-sibling"), option("B", 10, 0, "b"));
        SetCover.Plan plan =
                SetCover.plan(gaps, options, SetCover.Measure.TIME, List.of(edge("a-sibling", "a", Relation.SIBLING)));

        assertThat(plan.steps()).extracting(s -> s.option().name()).containsExactly("B", "Sibling course");
        SetCover.Step sibling = plan.steps().get(1);
        assertThat(sibling.closes()).isEmpty();
        assertThat(sibling.partly()).singleElement().satisfies(p -> {
            assertThat(p.gap().skill().label()).isEqualTo("a");
            assertThat(p.share()).isEqualTo(Relation.SIBLING.credit());
            assertThat(p.through()).isEqualTo(skill("a-sibling"));
        });
        assertThat(sibling.weight()).isCloseTo(Relation.SIBLING.credit(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plan.coveredWeight()).isCloseTo(0.5 + 0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plan.uncovered()).extracting(g -> g.skill().label()).containsExactly("a");

        SetCover.Plan exactOnly = SetCover.plan(gaps, options, SetCover.Measure.TIME);
        assertThat(exactOnly.steps()).extracting(s -> s.option().name()).containsExactly("B");
    }

    @Test
    void aGapIsCoveredByTheBestOfItsCredentialsNeverByTheirSumAndAnExactOneAddsOnlyWhatIsLeft() {
        List<MatchEngine.Gap> gaps = List.of(gap("a", 1));
        List<Neighbour> edges = List.of(
                edge("a-parent", "a", Relation.BROADER),
                edge("a-sibling", "a", Relation.SIBLING),
                edge("a-other-sibling", "a", Relation.SIBLING));
        List<TrainingOption> options = List.of(
                option("Broader course", 5, 0, "a-parent"),
                option("Sibling course", 1, 0, "a-sibling"),
                option("Sibling course too", 1, 0, "a-other-sibling"),
                option("A itself", 100, 0, "a"));
        SetCover.Plan plan = SetCover.plan(gaps, options, SetCover.Measure.TIME, edges);

        // ratios: sibling 2 ÷ 0.3 ≈ 6.7 first; then broader 6 ÷ (0.4 − 0.3) = 60; then A 101 ÷ 0.6 ≈ 168; the other
        // sibling (tied with the first, second by name) adds nothing once the gap is covered to 0.3: never taken
        assertThat(plan.steps())
                .extracting(s -> s.option().name())
                .containsExactly("Sibling course", "Broader course", "A itself");
        assertThat(plan.steps()).extracting(SetCover.Step::weight).containsExactly(0.3, 0.4 - 0.3, 1 - 0.4);
        assertThat(plan.steps().get(2).closes())
                .extracting(g -> g.skill().label())
                .containsExactly("a");
        assertThat(plan.coveredWeight()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plan.uncovered()).isEmpty();
    }

    @Test
    void aNeighbourAddsNothingToAGapTheLearnerAlreadyCoversBetter() {
        // the learner reaches "a" at 0.5 already (a close match, say): a sibling's 0.3 adds nothing, "a" itself the
        // rest
        MatchEngine.Gap half = new MatchEngine.Gap(
                new TargetSkill(skill("a"), "a", 1, true, 0), 0.5, 0.5, MatchEngine.GapKind.PARTIAL);
        SetCover.Plan plan = SetCover.plan(
                List.of(half),
                List.of(option("Sibling course", 1, 0, "a-sibling"), option("A", 10, 0, "a")),
                SetCover.Measure.TIME,
                List.of(edge("a-sibling", "a", Relation.SIBLING)));
        assertThat(plan.steps()).extracting(s -> s.option().name()).containsExactly("A");
        assertThat(plan.coveredWeight()).isEqualTo(0.5);
    }

    /**
     * Wolsey (1982): greedy ratio choice for a monotone submodular cover costs at most 1 + ln(F ÷ δ) times the cheapest
     * set reaching the same coverage F, δ being the weight the last step adds. Checked against brute force.
     */
    @Test
    void withPartialCoverTheGreedyPlanIsWithinWolseysBoundOfTheCheapestPlanReachingTheSameCoverage() {
        Random random = new Random(11);
        Relation[] partial = {Relation.NARROWER, Relation.BROADER, Relation.SIBLING, Relation.CLOSE_MATCH};
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(4);
            List<MatchEngine.Gap> gaps = new ArrayList<>();
            List<Neighbour> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                gaps.add(gap("g" + i, 0.1 + 0.9 * random.nextDouble()));
                edges.add(edge("near" + i, "g" + i, partial[random.nextInt(partial.length)]));
            }
            List<TrainingOption> options = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(6); i++) {
                List<String> teaches = new ArrayList<>();
                for (int g = 0; g < n; g++) {
                    int pick = random.nextInt(4);
                    if (pick == 0) {
                        teaches.add("g" + g);
                    } else if (pick == 1) {
                        teaches.add("near" + g);
                    }
                }
                options.add(option("o" + i, 1 + random.nextInt(50), 0, teaches.toArray(String[]::new)));
            }
            SetCover.Plan plan = SetCover.plan(gaps, options, SetCover.Measure.TIME, edges);
            double reached = plan.coveredWeight();
            if (plan.steps().isEmpty()) {
                continue;
            }
            double greedy = plan.steps().stream()
                    .mapToDouble(s -> s.option().hours().orElseThrow() + 1)
                    .sum();
            assertThat(reached)
                    .as("round %d: greedy stops only when nothing adds coverage", round)
                    .isCloseTo(
                            coverage(gaps, options, edges, (1 << options.size()) - 1),
                            org.assertj.core.data.Offset.offset(1e-9));
            double best = Double.MAX_VALUE;
            for (int mask = 1; mask < (1 << options.size()); mask++) {
                if (coverage(gaps, options, edges, mask) >= reached - 1e-9) {
                    double cost = 0;
                    for (int i = 0; i < options.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            cost += options.get(i).hours().orElseThrow() + 1;
                        }
                    }
                    best = Math.min(best, cost);
                }
            }
            double last = plan.steps().get(plan.steps().size() - 1).weight();
            double bound = 1 + Math.log(reached / last);
            assertThat(greedy).as("round %d", round).isLessThanOrEqualTo(bound * best + 1e-9);
        }
    }

    /** The weight a set of options covers: per gap, the best share any of them reaches (1 taught, the credit near). */
    static double coverage(List<MatchEngine.Gap> gaps, List<TrainingOption> options, List<Neighbour> edges, int mask) {
        double total = 0;
        for (MatchEngine.Gap gap : gaps) {
            double best = 0;
            for (int i = 0; i < options.size(); i++) {
                if ((mask & (1 << i)) == 0) {
                    continue;
                }
                for (URI taught : options.get(i).teaches()) {
                    if (taught.equals(gap.skill().skillUri())) {
                        best = 1;
                    }
                    for (Neighbour e : edges) {
                        if (e.held().equals(taught)
                                && e.other().equals(gap.skill().skillUri())) {
                            best = Math.max(best, e.relation().credit());
                        }
                    }
                }
            }
            total += gap.priority() * best;
        }
        return total;
    }
}

package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training plan: a weighted set cover, chosen greedily (Chvátal 1979). The elements are the gaps, each worth its
 * priority (weight × what is missing); each registry credential covers the gaps whose skills it teaches and costs its
 * hours (or its price). Each round takes the credential with the lowest price per unit of still-uncovered weight it
 * covers, until nothing left can be covered. Its cost is within H(d) ≤ 1 + ln d of the cheapest cover of the same
 * gaps, d being the most gaps one credential covers (docs/matching.md). Pure; about |rounds| × |options| work.
 */
public final class SetCover {

    /** What to economise: learning time or money. */
    public enum Measure {
        TIME,
        MONEY
    }

    /** One step: the credential, the gaps it closes that no earlier step closed, and their weight. */
    public record Step(TrainingOption option, List<MatchEngine.Gap> closes, double weight) {}

    /** The plan: steps in order, their totals, the gap weight it covers, and the gaps nothing in the registry teaches. */
    public record Plan(
            List<Step> steps,
            double hours,
            double cost,
            String currency,
            double coveredWeight,
            double missingWeight,
            List<MatchEngine.Gap> uncovered) {

        public static Plan none(List<MatchEngine.Gap> gaps) {
            double missing =
                    gaps.stream().mapToDouble(MatchEngine.Gap::priority).sum();
            return new Plan(List.of(), 0, 0, "", 0, missing, List.copyOf(gaps));
        }
    }

    /** An option not stating its price counts as this many times the dearest option that does (chosen last). */
    private static final double UNSTATED = 2.0;

    private SetCover() {}

    public static Plan plan(List<MatchEngine.Gap> gaps, List<TrainingOption> options, Measure measure) {
        // gaps by the URI's text (cheap to hash), each a number; every option as the numbers of the gaps it teaches
        Map<String, Integer> index = new HashMap<>();
        List<MatchEngine.Gap> open = new ArrayList<>();
        for (MatchEngine.Gap gap : gaps) {
            if (gap.priority() > 0 && index.putIfAbsent(gap.skill().skillUri().toString(), open.size()) == null) {
                open.add(gap);
            }
        }
        double missing = open.stream().mapToDouble(MatchEngine.Gap::priority).sum();
        List<TrainingOption> useful = new ArrayList<>();
        List<int[]> teaches = new ArrayList<>();
        int[] buffer = new int[open.size()];
        for (TrainingOption option : options) {
            int n = 0;
            for (URI skill : option.teaches()) {
                Integer g = index.get(skill.toString());
                if (g != null) {
                    buffer[n++] = g;
                }
            }
            if (n > 0) {
                useful.add(option);
                teaches.add(Arrays.copyOf(buffer, n));
            }
        }
        double dearest = 0;
        for (TrainingOption option : useful) {
            dearest = Math.max(dearest, stated(option, measure));
        }
        double[] price = new double[useful.size()];
        for (int i = 0; i < useful.size(); i++) {
            double p = stated(useful.get(i), measure);
            // + 1 hour or 1 unit of money: nothing is free of effort, and a free option still needs a ratio
            price[i] = (p < 0 ? Math.max(1, dearest) * UNSTATED : p) + 1;
        }
        boolean[] covered = new boolean[open.size()];
        boolean[] taken = new boolean[useful.size()];
        int left = open.size();
        List<Step> steps = new ArrayList<>();
        while (left > 0) {
            int chosen = -1;
            double chosenRatio = Double.MAX_VALUE;
            double chosenGain = 0;
            for (int i = 0; i < useful.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                double gain = 0;
                for (int g : teaches.get(i)) {
                    if (!covered[g]) {
                        gain += open.get(g).priority();
                    }
                }
                if (gain <= 0) {
                    continue;
                }
                double ratio = price[i] / gain;
                if (ratio < chosenRatio
                        || (ratio == chosenRatio
                                && chosen >= 0
                                && TIE.compare(useful.get(i), useful.get(chosen)) < 0)) {
                    chosen = i;
                    chosenRatio = ratio;
                    chosenGain = gain;
                }
            }
            if (chosen < 0) {
                break; // nothing in the registry teaches what is left
            }
            taken[chosen] = true;
            List<MatchEngine.Gap> closes = new ArrayList<>();
            for (int g : teaches.get(chosen)) {
                if (!covered[g]) {
                    covered[g] = true;
                    left--;
                    closes.add(open.get(g));
                }
            }
            closes.sort(Comparator.comparingDouble(MatchEngine.Gap::priority).reversed());
            steps.add(new Step(useful.get(chosen), List.copyOf(closes), chosenGain));
        }
        double hours = 0;
        double cost = 0;
        String currency = "";
        double coveredWeight = 0;
        for (Step step : steps) {
            hours += step.option().hours().orElse(0.0);
            cost += step.option().cost().orElse(0.0);
            if (currency.isEmpty() && step.option().cost().isPresent()) {
                currency = step.option().currency();
            }
            coveredWeight += step.weight();
        }
        List<MatchEngine.Gap> uncovered = new ArrayList<>();
        for (int g = 0; g < open.size(); g++) {
            if (!covered[g]) {
                uncovered.add(open.get(g));
            }
        }
        uncovered.sort(Comparator.comparingDouble(MatchEngine.Gap::priority).reversed());
        return new Plan(List.copyOf(steps), hours, cost, currency, coveredWeight, missing, List.copyOf(uncovered));
    }

    /** Ties broken by the other measure's size, then by name, so the plan is the same on every run. */
    private static final Comparator<TrainingOption> TIE = Comparator.<TrainingOption>comparingDouble(
                    o -> o.hours().orElse(Double.MAX_VALUE))
            .thenComparingDouble(o -> o.cost().orElse(Double.MAX_VALUE))
            .thenComparing(TrainingOption::name)
            .thenComparing(TrainingOption::ctid);

    /** The option's stated price in the measure, or −1 when it states none. */
    private static double stated(TrainingOption option, Measure measure) {
        return (measure == Measure.TIME ? option.hours() : option.cost()).orElse(-1.0);
    }
}

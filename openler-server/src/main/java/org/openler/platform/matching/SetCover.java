package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<URI, MatchEngine.Gap> open = new LinkedHashMap<>();
        for (MatchEngine.Gap gap : gaps) {
            if (gap.priority() > 0) {
                open.put(gap.skill().skillUri(), gap);
            }
        }
        double missing =
                open.values().stream().mapToDouble(MatchEngine.Gap::priority).sum();
        // only options that teach some gap at all
        List<TrainingOption> useful = new ArrayList<>();
        for (TrainingOption option : options) {
            for (URI skill : option.teaches()) {
                if (open.containsKey(skill)) {
                    useful.add(option);
                    break;
                }
            }
        }
        double dearest = 0;
        for (TrainingOption option : useful) {
            dearest = Math.max(dearest, stated(option, measure));
        }
        Map<String, Double> price = new HashMap<>();
        for (TrainingOption option : useful) {
            double p = stated(option, measure);
            // + 1 hour or 1 unit of money: nothing is free of effort, and a free option still needs a ratio
            price.put(option.ctid(), (p < 0 ? Math.max(1, dearest) * UNSTATED : p) + 1);
        }
        List<Step> steps = new ArrayList<>();
        boolean[] taken = new boolean[useful.size()];
        while (!open.isEmpty()) {
            int chosen = -1;
            double chosenRatio = Double.MAX_VALUE;
            double chosenGain = 0;
            for (int i = 0; i < useful.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                TrainingOption option = useful.get(i);
                double gain = 0;
                for (URI skill : option.teaches()) {
                    MatchEngine.Gap gap = open.get(skill);
                    if (gap != null) {
                        gain += gap.priority();
                    }
                }
                if (gain <= 0) {
                    continue;
                }
                double ratio = price.get(option.ctid()) / gain;
                if (ratio < chosenRatio
                        || (ratio == chosenRatio && chosen >= 0 && TIE.compare(option, useful.get(chosen)) < 0)) {
                    chosen = i;
                    chosenRatio = ratio;
                    chosenGain = gain;
                }
            }
            if (chosen < 0) {
                break; // nothing in the registry teaches what is left
            }
            taken[chosen] = true;
            TrainingOption option = useful.get(chosen);
            List<MatchEngine.Gap> closes = new ArrayList<>();
            for (URI skill : option.teaches()) {
                MatchEngine.Gap gap = open.remove(skill);
                if (gap != null) {
                    closes.add(gap);
                }
            }
            closes.sort(Comparator.comparingDouble(MatchEngine.Gap::priority).reversed());
            steps.add(new Step(option, List.copyOf(closes), chosenGain));
        }
        double hours = 0;
        double cost = 0;
        String currency = "";
        double covered = 0;
        for (Step step : steps) {
            hours += step.option().hours().orElse(0.0);
            cost += step.option().cost().orElse(0.0);
            if (currency.isEmpty() && step.option().cost().isPresent()) {
                currency = step.option().currency();
            }
            covered += step.weight();
        }
        List<MatchEngine.Gap> uncovered = new ArrayList<>(open.values());
        uncovered.sort(Comparator.comparingDouble(MatchEngine.Gap::priority).reversed());
        return new Plan(List.copyOf(steps), hours, cost, currency, covered, missing, List.copyOf(uncovered));
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

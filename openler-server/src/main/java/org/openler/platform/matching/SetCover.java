package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training plan: a greedy weighted (submodular) cover. The elements are the gaps, each worth its priority (weight ×
 * what is missing); each registry credential covers the gaps whose skills it teaches in full and, through the ontology's
 * neighbours, part of those whose neighbour it teaches: a credential teaching skill x covers a gap g up to
 * {@code relation(x → g).credit()}, the very factor by which the match credits a learner who holds x (the one table is
 * {@link Relation}). A gap already covered to c by the learner's record gains weight × max(0, f − c) from a credential
 * covering it to f, and a gap is covered by the best of the chosen credentials (never by their sum). Each round takes
 * the credential with the lowest price per unit of weight it still adds, until no credential adds any. With exact
 * teaching only this is Chvátal's greedy set cover, within H(d) ≤ 1 + ln d of the cheapest cover; with partial coverage
 * it is Wolsey's greedy submodular cover (docs/matching.md states both bounds). Pure; about |rounds| × |options| work.
 */
public final class SetCover {

    /** What to economise: learning time or money. */
    public enum Measure {
        TIME,
        MONEY
    }

    /**
     * One step: the credential, the gaps it closes (covers in full) that no earlier step closed, the gaps it covers only
     * in part through a neighbour, and the weight it adds.
     */
    public record Step(TrainingOption option, List<MatchEngine.Gap> closes, List<Partly> partly, double weight) {

        public Step(TrainingOption option, List<MatchEngine.Gap> closes, double weight) {
            this(option, closes, List.of(), weight);
        }
    }

    /** A gap a step covers in part: up to {@code share} of its weight, through the neighbour it teaches. */
    public record Partly(MatchEngine.Gap gap, URI through, Relation relation, double share) {}

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

    /** The plan with exact teaching only. */
    public static Plan plan(List<MatchEngine.Gap> gaps, List<TrainingOption> options, Measure measure) {
        return plan(gaps, options, measure, List.of());
    }

    /**
     * The plan, with {@code neighbours} giving partial coverage: each edge says a learner holding {@code held} reaches
     * the gap skill {@code other} by {@code relation} (as the match reads its record), so a credential teaching
     * {@code held} covers that gap up to the relation's credit. Edges to skills that are no gap are ignored.
     */
    public static Plan plan(
            List<MatchEngine.Gap> gaps, List<TrainingOption> options, Measure measure, List<Neighbour> neighbours) {
        // gaps by the URI's text (cheap to hash), each a number; every option as the numbers of the gaps it reaches
        Map<String, Integer> index = new HashMap<>();
        List<MatchEngine.Gap> open = new ArrayList<>();
        for (MatchEngine.Gap gap : gaps) {
            if (gap.priority() > 0 && index.putIfAbsent(gap.skill().skillUri().toString(), open.size()) == null) {
                open.add(gap);
            }
        }
        // a taught skill's partial reach into the gaps: the best relation per (taught skill, gap)
        Map<String, Map<Integer, Neighbour>> near = new HashMap<>();
        for (Neighbour n : neighbours) {
            Integer g = index.get(n.other().toString());
            if (g != null && n.relation().credit() > 0) {
                near.computeIfAbsent(n.held().toString(), k -> new HashMap<>())
                        .merge(
                                g,
                                n,
                                (a, b) -> a.relation().credit() >= b.relation().credit() ? a : b);
            }
        }
        double missing = open.stream().mapToDouble(MatchEngine.Gap::priority).sum();
        // weight per unit of coverage: priority = weight × (1 − coverage), so priority ÷ (1 − coverage)
        double[] unit = new double[open.size()];
        double[] level = new double[open.size()];
        for (int g = 0; g < open.size(); g++) {
            MatchEngine.Gap gap = open.get(g);
            level[g] = Math.max(0, Math.min(1, gap.coverage()));
            unit[g] = level[g] < 1 ? gap.priority() / (1 - level[g]) : 0;
        }
        List<TrainingOption> useful = new ArrayList<>();
        List<Reach> reaches = new ArrayList<>();
        for (TrainingOption option : options) {
            Map<Integer, Double> share = new HashMap<>();
            Map<Integer, Neighbour> via = new HashMap<>();
            for (URI skill : option.teaches()) {
                String key = skill.toString();
                Integer g = index.get(key);
                if (g != null) {
                    share.put(g, 1.0);
                    via.remove(g);
                }
                Map<Integer, Neighbour> partial = near.get(key);
                if (partial != null) {
                    partial.forEach((gap, n) -> {
                        double f = n.relation().credit();
                        if (f > share.getOrDefault(gap, 0.0)) {
                            share.put(gap, f);
                            via.put(gap, n);
                        }
                    });
                }
            }
            if (!share.isEmpty()) {
                int[] at = new int[share.size()];
                double[] f = new double[share.size()];
                Neighbour[] through = new Neighbour[share.size()];
                int i = 0;
                for (var e : share.entrySet()) {
                    at[i] = e.getKey();
                    f[i] = Math.min(1, e.getValue());
                    through[i] = f[i] >= 1 ? null : via.get(e.getKey());
                    i++;
                }
                useful.add(option);
                reaches.add(new Reach(at, f, through));
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
        boolean[] taken = new boolean[useful.size()];
        List<Step> steps = new ArrayList<>();
        while (true) {
            int chosen = -1;
            double chosenRatio = Double.MAX_VALUE;
            double chosenGain = 0;
            for (int i = 0; i < useful.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                double gain = reaches.get(i).gain(unit, level);
                if (gain <= 1e-12) {
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
                break; // nothing in the registry adds to what is covered
            }
            taken[chosen] = true;
            Reach reach = reaches.get(chosen);
            List<MatchEngine.Gap> closes = new ArrayList<>();
            List<Partly> partly = new ArrayList<>();
            for (int k = 0; k < reach.at().length; k++) {
                int g = reach.at()[k];
                double f = reach.share()[k];
                if (f <= level[g]) {
                    continue;
                }
                level[g] = f;
                if (f >= 1) {
                    closes.add(open.get(g));
                } else {
                    Neighbour n = reach.through()[k];
                    partly.add(new Partly(open.get(g), n.held(), n.relation(), f));
                }
            }
            closes.sort(Comparator.comparingDouble(MatchEngine.Gap::priority).reversed());
            partly.sort(
                    Comparator.comparingDouble((Partly p) -> p.gap().priority()).reversed());
            steps.add(new Step(useful.get(chosen), List.copyOf(closes), List.copyOf(partly), chosenGain));
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
        // a gap a neighbour covers in part is still listed as one no credential teaches in full
        List<MatchEngine.Gap> uncovered = new ArrayList<>();
        for (int g = 0; g < open.size(); g++) {
            if (level[g] < 1) {
                uncovered.add(open.get(g));
            }
        }
        uncovered.sort(Comparator.comparingDouble(MatchEngine.Gap::priority).reversed());
        return new Plan(List.copyOf(steps), hours, cost, currency, coveredWeight, missing, List.copyOf(uncovered));
    }

    /** What an option reaches: gap numbers, the share of each it covers, and the neighbour edge when partial. */
    private record Reach(int[] at, double[] share, Neighbour[] through) {

        /** The weight taking the option would still add, given each gap's coverage so far. */
        double gain(double[] unit, double[] level) {
            double gain = 0;
            for (int k = 0; k < at.length; k++) {
                double more = share[k] - level[at[k]];
                if (more > 0) {
                    gain += unit[at[k]] * more;
                }
            }
            return gain;
        }
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

package org.openler.skills.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Repeated, stratified k-fold cross-validation over a set of queries: every setting is chosen on the training folds
 * only, and the figure reported is the mean (and the spread across folds) of what the chosen setting scores on the
 * held-out fold. A setting is an index into a precomputed table {@code score[setting][query]}, so choosing is cheap.
 */
final class CrossValidation {

    private CrossValidation() {}

    /** Fold of each query: queries of each stratum (e.g. TECH, HOUSE) are shuffled and dealt round-robin. */
    static int[] folds(int[] stratum, int k, long seed) {
        int[] fold = new int[stratum.length];
        int strata = 0;
        for (int s : stratum) {
            strata = Math.max(strata, s + 1);
        }
        Random random = new Random(seed);
        int dealt = 0;
        for (int s = 0; s < strata; s++) {
            List<Integer> members = new ArrayList<>();
            for (int q = 0; q < stratum.length; q++) {
                if (stratum[q] == s) {
                    members.add(q);
                }
            }
            java.util.Collections.shuffle(members, random);
            for (int q : members) {
                fold[q] = dealt++ % k;
            }
        }
        return fold;
    }

    /** Mean and sample standard deviation of fold figures. */
    record Spread(double mean, double sd, int n) {
        static Spread of(List<Double> values) {
            double mean =
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss =
                    values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new Spread(mean, values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0, values.size());
        }

        String percent() {
            return "%.1f ± %.1f".formatted(mean * 100, sd * 100);
        }

        String plain() {
            return "%.3f ± %.3f".formatted(mean, sd);
        }
    }

    /**
     * The setting with the highest objective on the training queries: the mean over each stratum's training queries of
     * {@code value[setting][query]}, averaged over the strata (macro, so a larger set does not outvote a smaller one).
     * Ties go to the lower index: list the simpler settings first.
     */
    static int choose(double[][] value, boolean[] train, int[] stratum) {
        int strata = java.util.Arrays.stream(stratum).max().orElse(0) + 1;
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < value.length; s++) {
            double[] sum = new double[strata];
            int[] count = new int[strata];
            for (int q = 0; q < train.length; q++) {
                if (train[q]) {
                    sum[stratum[q]] += value[s][q];
                    count[stratum[q]]++;
                }
            }
            double macro = 0;
            for (int t = 0; t < strata; t++) {
                macro += count[t] == 0 ? 0 : sum[t] / count[t] / strata;
            }
            if (macro > bestValue + 1e-12) {
                bestValue = macro;
                best = s;
            }
        }
        return best;
    }
}

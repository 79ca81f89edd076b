package org.openler.skills.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the unquantized MiniLM would cost against the shipped quantized one, measured side by side in one JVM so that
 * the machine's load falls on both alike: model load, one phrase at a time (the API's query encoding), and label
 * throughput (what the platform pays at start to embed its label vectors). Run by hand:
 * {@code TEST=QuantizationCost scripts/eval-skills-cv.sh}.
 */
class QuantizationCost {

    private static final OnnxTextEncoder.Model[] MODELS = {
        OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, OnnxTextEncoder.Model.ALL_MINILM_L6_V2
    };

    @Test
    void printsTheCostOfEachModelSideBySide() {
        List<String> phrases = DecorteBenchmark.validationUnion().queries().stream()
                .map(DecorteBenchmark.Query::sentence)
                .toList();
        List<String> labels = EscoCatalogue.load(false).concepts().stream()
                .map(Concept::preferredLabel)
                .limit(Integer.getInteger("openler.skills.eval.texts", 1500))
                .toList();
        long[] load = new long[2];
        OnnxTextEncoder[] single = new OnnxTextEncoder[2];
        OnnxTextEncoder[] pooled = new OnnxTextEncoder[2];
        for (int m = 0; m < 2; m++) {
            long t0 = System.nanoTime();
            single[m] = new OnnxTextEncoder(MODELS[m], 1, false);
            load[m] = System.nanoTime() - t0;
            pooled[m] = new OnnxTextEncoder(MODELS[m], 2, false);
        }
        // warm-up, then phrase by phrase, alternating the models so both see the same moments of load
        for (int m = 0; m < 2; m++) {
            single[m].encode(phrases.subList(0, 20));
        }
        List<List<Double>> ms = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < 3; round++) {
            for (String phrase : phrases) {
                for (int k = 0; k < 2; k++) {
                    int m = (round + k) % 2;
                    long t0 = System.nanoTime();
                    single[m].encode(List.of(phrase));
                    ms.get(m).add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        // labels in alternating chunks, two threads each (as the platform embeds them at start)
        double[] labelSeconds = new double[2];
        for (int from = 0; from < labels.size(); from += 250) {
            List<String> chunk = labels.subList(from, Math.min(labels.size(), from + 250));
            for (int m = 0; m < 2; m++) {
                long t0 = System.nanoTime();
                pooled[m].encode(chunk);
                labelSeconds[m] += (System.nanoTime() - t0) / 1e9;
            }
        }
        for (int m = 0; m < 2; m++) {
            double[] sorted =
                    ms.get(m).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    "%s: load %.2f s; per phrase (%d) mean %.1f ms, p50 %.1f, p95 %.1f, min %.1f; labels %,d in %.1f s"
                            + " = %.0f/s (13,896 would take %.0f s)%n",
                    MODELS[m].id(),
                    load[m] / 1e9,
                    sorted.length,
                    Arrays.stream(sorted).average().orElse(0),
                    sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.95)],
                    sorted[0],
                    labels.size(),
                    labelSeconds[m],
                    labels.size() / labelSeconds[m],
                    13_896 * labelSeconds[m] / labels.size());
            single[m].close();
            pooled[m].close();
        }
        System.out.printf(
                "unquantized / quantized: per phrase %.2f x (mean), labels %.2f x%n",
                ms.get(1).stream().mapToDouble(Double::doubleValue).average().orElse(0)
                        / ms.get(0).stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(1),
                labelSeconds[1] / labelSeconds[0]);
    }
}

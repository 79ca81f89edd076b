package org.openler.skills.suggest;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedding throughput on ESCO labels, one text per model run against batches (run by hand, or in -Pskills-eval). */
class EmbeddingThroughput {

    @Test
    void printsTextsPerSecond() {
        List<String> labels = EscoCatalogue.load(false).concepts().stream()
                .flatMap(c -> c.alternativeLabels().stream())
                .limit(Integer.getInteger("openler.skills.eval.texts", 2000))
                .toList();
        for (int batch : new int[] {1, 8, 32, 128}) {
            try (var encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 2, false, batch)) {
                encoder.encode(labels.subList(0, 64));
                long start = System.nanoTime();
                List<float[]> v = encoder.encode(labels);
                double s = (System.nanoTime() - start) / 1e9;
                try (var single = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 2, false, 1)) {
                    List<float[]> ref = single.encode(labels.subList(0, 200));
                    double min = 1;
                    for (int i = 0; i < ref.size(); i++) {
                        min = Math.min(min, Vectors.dot(ref.get(i), v.get(i), 0));
                    }
                    System.out.printf(
                            "batch %3d: %,d texts in %.1f s = %.0f texts/s; min cosine to unbatched %.4f%n",
                            batch, labels.size(), s, labels.size() / s, min);
                }
            }
        }
    }
}

package org.openler.skills.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openler.skills.suggest.CrossValidation.Spread;

/**
 * Calibrates the skill mapper's scores: a logistic map ({@link Calibration}) from a suggestion's fused score (and its
 * ratio to the text's best) to the probability that it is one of the sentence's gold ESCO skills, fitted on the top-10
 * suggestions of TECH-val and HOUSE-val. The figures that matter are from held-out folds (10 × stratified 5-fold, as
 * {@link SkillCrossValidation}): the reliability table (predicted probability bins against the observed share of
 * right answers) and the Brier score. The coefficients to ship are then fitted on all 136 sentences, for the shipped
 * engine ({@link SuggestionEngine.Settings#DEFAULT}) and for its lexical-only fallback (while vectors are computed).
 * Run with {@code TEST=SkillCalibration scripts/eval-skills-cv.sh} (or {@code -Dtest=SkillCalibration}); writes
 * {@code target/skills-calibration.md}.
 */
class SkillCalibration {

    private static final int TOP = 10;
    private final List<String> out = new ArrayList<>();

    @Test
    void calibratesTheSkillMappersScoresOnHeldOutFolds() throws IOException {
        Catalogue catalogue = DecorteBenchmark.catalogue(EscoCatalogue.load(false));
        DecorteBenchmark.Union union = DecorteBenchmark.validationUnion();
        List<DecorteBenchmark.Query> queries = union.queries();
        int[] stratum = union.stratum();
        SuggestionEngine.Settings settings = SuggestionEngine.Settings.DEFAULT;
        LexicalRanker lexical =
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight());
        VectorStore store = new FileVectorStore(SkillCrossValidation.CACHE);
        try (var encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q)) {
            SemanticRanker semantic =
                    SemanticRanker.build(catalogue, settings.semanticTexts(), encoder, store, p -> {});
            SuggestionEngine shipped = new SuggestionEngine(catalogue, settings, lexical, semantic);
            SuggestionEngine fallback =
                    new SuggestionEngine(catalogue, settings.with(SuggestionEngine.Fusion.LEXICAL, 1), lexical, null);
            say("Skill mapper calibration: TECH-val %d + HOUSE-val %d sentences, top-%d suggestions, 10 x 5-fold"
                    .formatted(union.count(0), union.count(1), TOP));
            report("shipped engine (Settings.DEFAULT)", shipped, queries, stratum);
            report("lexical fallback (Settings.DEFAULT with LEXICAL fusion)", fallback, queries, stratum);
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "skills-calibration.md"), out);
    }

    private void report(String what, SuggestionEngine engine, List<DecorteBenchmark.Query> queries, int[] stratum) {
        int nq = queries.size();
        double[][] raw = new double[nq][];
        boolean[][] right = new boolean[nq][];
        for (int q = 0; q < nq; q++) {
            Set<String> gold = queries.get(q).gold();
            List<Suggestion> top = engine.suggest(queries.get(q).sentence(), TOP, ConceptFilter.ANY);
            raw[q] = top.stream().mapToDouble(Suggestion::score).toArray();
            right[q] = new boolean[top.size()];
            for (int i = 0; i < top.size(); i++) {
                right[q][i] = gold.contains(top.get(i).concept().preferredLabel());
            }
        }
        List<double[]> reliability = new ArrayList<>();
        List<Double> brier = new ArrayList<>();
        List<Double> baseRate = new ArrayList<>();
        for (int rep = 0; rep < 10; rep++) {
            int[] fold = CrossValidation.folds(stratum, 5, 3000 + rep);
            for (int f = 0; f < 5; f++) {
                boolean[] train = new boolean[nq];
                for (int q = 0; q < nq; q++) {
                    train[q] = fold[q] != f;
                }
                Calibration calibration = TitleCrossValidation.fit(raw, right, train);
                double b = 0;
                double y0 = 0;
                int n = 0;
                for (int q = 0; q < nq; q++) {
                    if (train[q] || raw[q].length == 0) {
                        continue;
                    }
                    for (int i = 0; i < raw[q].length; i++) {
                        double p = calibration.probability(raw[q][i], raw[q][0]);
                        double y = right[q][i] ? 1 : 0;
                        reliability.add(new double[] {p, y});
                        b += (p - y) * (p - y);
                        y0 += y;
                        n++;
                    }
                }
                brier.add(b / n);
                baseRate.add(y0 / n);
            }
        }
        boolean[] all = new boolean[nq];
        java.util.Arrays.fill(all, true);
        Calibration shipped = TitleCrossValidation.fit(raw, right, all);
        say("");
        say("### " + what);
        say("Held-out Brier %s (a constant guess at the base rate %s would score about %.3f); fitted on all: %s"
                .formatted(
                        Spread.of(brier).plain(),
                        Spread.of(baseRate).plain(),
                        baseRate.stream()
                                .mapToDouble(r -> r * (1 - r))
                                .average()
                                .orElse(0),
                        shipped));
        say("| predicted | suggestions | mean predicted | observed right |");
        say("|---|---|---|---|");
        double[] edges = {0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};
        for (int i = 0; i + 1 < edges.length; i++) {
            double lo = edges[i], hi = edges[i + 1];
            List<double[]> bin =
                    reliability.stream().filter(r -> r[0] >= lo && r[0] < hi).collect(Collectors.toList());
            if (!bin.isEmpty()) {
                say("| %.2f–%.2f | %,d | %.3f | %.3f |"
                        .formatted(
                                lo,
                                Math.min(1, hi),
                                bin.size(),
                                bin.stream().mapToDouble(r -> r[0]).average().orElse(0),
                                bin.stream().mapToDouble(r -> r[1]).average().orElse(0)));
            }
        }
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }
}

package org.openler.skills.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.junit.jupiter.api.Test;
import org.openler.skills.suggest.CrossValidation.Spread;

/**
 * A Spanish test set made from ESCO's own Spanish labels: 500 skills with at least two Spanish alternative labels are
 * drawn at random, one alternative label of each is held out of the index and becomes the query, the skill is the
 * answer. Nothing is tuned here (the settings come from the English cross-validation); the figures are the mean ± sd
 * over five disjoint fifths of the sample. Writes {@code target/spanish-eval.md}.
 */
class SpanishEvaluation {

    static final int SAMPLE = 500;

    private final List<String> out = new ArrayList<>();

    @Test
    void heldOutSpanishAlternativeLabelsFindTheirSkill() throws IOException {
        Catalogue catalogue = EscoCatalogue.load(false);
        Map<String, SpanishLabels.Labels> spanish = new HashMap<>(SpanishLabels.read(SpanishLabels.SKILLS));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < catalogue.size(); i++) {
            position.put(catalogue.get(i).uri().toString(), i);
        }
        List<String> eligible = spanish.entrySet().stream()
                .filter(e -> position.containsKey(e.getKey())
                        && e.getValue().alternatives().size() >= 2)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Random random = new Random(42);
        List<String> shuffled = new ArrayList<>(eligible);
        java.util.Collections.shuffle(shuffled, random);
        List<String> queries = new ArrayList<>();
        int[] gold = new int[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            String uri = shuffled.get(i);
            SpanishLabels.Labels labels = spanish.get(uri);
            String held = labels.alternatives()
                    .get(random.nextInt(labels.alternatives().size()));
            List<String> rest = new ArrayList<>(labels.alternatives());
            rest.remove(held);
            spanish.put(uri, new SpanishLabels.Labels(labels.preferred(), rest));
            queries.add(held);
            gold[i] = position.get(uri);
        }
        say("Spanish test set: %d held-out ESCO Spanish alternative labels (of %,d skills with >= 2); e.g. %s"
                .formatted(SAMPLE, eligible.size(), queries.subList(0, 5)));
        var settings = SuggestionEngine.Settings.DEFAULT;
        LexicalRanker english =
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight());
        LexicalRanker spanishRanker = new LexicalRanker(
                SpanishLabels.translate(catalogue, spanish),
                settings.lexicalAlternatives(),
                settings.lexicalAlternativeWeight(),
                new SpanishAnalyzer());
        try (var encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q)) {
            SemanticRanker semantic = SemanticRanker.build(
                    catalogue,
                    settings.semanticTexts(),
                    encoder,
                    new FileVectorStore(SkillCrossValidation.CACHE),
                    p -> {});
            Map<String, SuggestionEngine> engines = new java.util.LinkedHashMap<>();
            engines.put(
                    "English engine only (before: no Spanish labels)",
                    new SuggestionEngine(catalogue, settings, english, semantic));
            engines.put(
                    "Spanish BM25 alone",
                    new SuggestionEngine(
                            catalogue, settings.with(SuggestionEngine.Fusion.LEXICAL, 1), spanishRanker, null));
            engines.put(
                    "Shipped engine: English + Spanish BM25 + MiniLM",
                    new SuggestionEngine(catalogue, settings, english, semantic, spanishRanker));
            SuggestionEngine shipped = engines.get("Shipped engine: English + Spanish BM25 + MiniLM");
            long spanishQueries =
                    queries.stream().filter(shipped::readsAsSpanish).count();
            long englishAsSpanish = java.util.stream.Stream.of("tech", "house")
                    .flatMap(set -> DecorteBenchmark.validation(set).queries().stream())
                    .filter(q -> shipped.readsAsSpanish(q.sentence()))
                    .count();
            say("Read as Spanish: %d of %d Spanish queries; %d of the 136 English TECH/HOUSE sentences"
                    .formatted(spanishQueries, SAMPLE, englishAsSpanish));
            say("| engine | R@1 | R@5 | R@10 | MRR |");
            say("|---|---|---|---|---|");
            for (var engine : engines.entrySet()) {
                List<List<Double>> folds =
                        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                double[][] m = new double[SAMPLE][];
                for (int q = 0; q < SAMPLE; q++) {
                    m[q] = SkillCrossValidation.metrics(
                            engine.getValue().rankAll(queries.get(q), ConceptFilter.ANY),
                            new int[] {gold[q]},
                            catalogue.size());
                }
                for (int f = 0; f < 5; f++) {
                    double[] sum = new double[4];
                    int n = 0;
                    for (int q = f; q < SAMPLE; q += 5) {
                        for (int k = 0; k < 4; k++) {
                            sum[k] += m[q][k];
                        }
                        n++;
                    }
                    for (int k = 0; k < 4; k++) {
                        folds.get(k).add(sum[k] / n);
                    }
                }
                say("| %s | %s | %s | %s | %s |"
                        .formatted(
                                engine.getKey(),
                                Spread.of(folds.get(0)).percent(),
                                Spread.of(folds.get(1)).percent(),
                                Spread.of(folds.get(2)).percent(),
                                Spread.of(folds.get(3)).plain()));
            }
            reliability(shipped, queries, gold, catalogue);
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "spanish-eval.md"), out);
    }

    /**
     * Whether the shipped probabilities, fitted on English TECH/HOUSE sentences ({@link Calibration#SKILLS}), also
     * mean what they say on Spanish text: the top five suggestions of every query, binned by predicted probability,
     * against the share that is the held-out skill. Nothing is refitted here.
     */
    private void reliability(SuggestionEngine shipped, List<String> queries, int[] gold, Catalogue catalogue) {
        List<double[]> pairs = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            String answer = catalogue.get(gold[q]).uri().toString();
            for (Suggestion s : shipped.suggest(queries.get(q), 5, ConceptFilter.ANY)) {
                pairs.add(new double[] {
                    s.probability(), s.concept().uri().toString().equals(answer) ? 1 : 0
                });
            }
        }
        double brier = pairs.stream()
                .mapToDouble(r -> (r[0] - r[1]) * (r[0] - r[1]))
                .average()
                .orElse(0);
        double base = pairs.stream().mapToDouble(r -> r[1]).average().orElse(0);
        say("");
        say("Calibration on Spanish text (the English fit, not refitted): %,d suggestions (top 5 of %d queries);"
                        .formatted(pairs.size(), queries.size())
                + " Brier %.3f (a constant guess at the base rate %.3f would score %.3f)"
                        .formatted(brier, base, base * (1 - base)));
        say("| predicted | suggestions | mean predicted | observed right |");
        say("|---|---|---|---|");
        double[] edges = {0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};
        double ece = 0;
        for (int i = 0; i + 1 < edges.length; i++) {
            double lo = edges[i], hi = edges[i + 1];
            List<double[]> bin =
                    pairs.stream().filter(r -> r[0] >= lo && r[0] < hi).toList();
            if (!bin.isEmpty()) {
                double predicted = bin.stream().mapToDouble(r -> r[0]).average().orElse(0);
                double observed = bin.stream().mapToDouble(r -> r[1]).average().orElse(0);
                ece += bin.size() * Math.abs(predicted - observed) / pairs.size();
                say("| %.2f–%.2f | %,d | %.3f | %.3f |"
                        .formatted(lo, Math.min(1, hi), bin.size(), predicted, observed));
            }
        }
        say("Expected calibration error (bins weighted by size): %.3f".formatted(ece));
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }
}

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
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "spanish-eval.md"), out);
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }
}

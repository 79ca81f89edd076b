package org.openler.skills.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.skills.suggest.CrossValidation.Spread;

/**
 * Honest figures for the skill mapper: repeated stratified 5-fold cross-validation over the union of TECH-val and
 * HOUSE-val (Decorte et al.'s protocol, {@link DecorteBenchmark}). Every setting (lexical fields, spans, fusion
 * weights) is chosen on the training folds by the macro mean of RP@5 and MRR over TECH and HOUSE; the held-out fold
 * is scored with it. The report is the mean ± standard deviation over the held-out folds, per set — never a figure
 * from the queries used to choose. Run with {@code scripts/eval-skills-cv.sh}; vectors are cached in
 * {@code target/skill-vectors}.
 */
class SkillCrossValidation {

    static final Path CACHE = Path.of(System.getProperty(
            "openler.skills.eval.cache", Path.of("target", "skill-vectors").toString()));
    static final int FOLDS = 5;
    static final int REPEATS = 10;
    static final boolean ALTERNATIVES =
            Boolean.parseBoolean(System.getProperty("openler.skills.eval.alternatives", "true"));
    /** Also bge-small-en-v1.5 (alone, and averaged with MiniLM): a second model's label vectors, minutes to embed. */
    static final boolean BGE = Boolean.parseBoolean(System.getProperty("openler.skills.eval.bge", "false"));

    /** One candidate setting of the fused ranker. */
    record Setting(String name, int lexical, int spans, double lexicalWeight, double descriptionWeight, boolean rrf) {}

    /** The settings the engine had before issue 14 (chosen on TECH-val alone): the baseline. */
    static final SuggestionEngine.Settings BEFORE = new SuggestionEngine.Settings(
            true,
            0.7,
            new SemanticRanker.Texts(false, 1.0, false, 1.0),
            QuerySpans.CLAUSES,
            1.0,
            SuggestionEngine.Fusion.LINEAR,
            0.5,
            60,
            200);

    private final List<String> out = new ArrayList<>();

    @Test
    void crossValidatesTheSkillMapper() throws IOException {
        Catalogue catalogue = DecorteBenchmark.catalogue(EscoCatalogue.load(false));
        List<DecorteBenchmark> sets =
                List.of(DecorteBenchmark.validation("tech"), DecorteBenchmark.validation("house"));
        DecorteBenchmark.Union union = DecorteBenchmark.validationUnion();
        List<DecorteBenchmark.Query> queries = union.queries();
        int[] stratum = union.stratum();
        Map<String, Integer> index = DecorteBenchmark.positions(catalogue);
        int[][] gold = queries.stream()
                .map(q -> q.gold().stream().mapToInt(index::get).toArray())
                .toArray(int[][]::new);
        int n = catalogue.size();
        int nq = queries.size();
        say("Queries: TECH-val %d, HOUSE-val %d; candidates %,d; %d x %d-fold CV, stratified by set"
                .formatted(sets.get(0).queries().size(), sets.get(1).queries().size(), n, REPEATS, FOLDS));

        // lexical features: BM25 on preferred labels only, or with alternative labels discounted by w
        double[] alternativeWeights = {0, 0.5, 0.7, 1.0};
        LexicalRanker[] lexicals = new LexicalRanker[alternativeWeights.length];
        for (int i = 0; i < alternativeWeights.length; i++) {
            lexicals[i] = new LexicalRanker(catalogue, alternativeWeights[i] > 0, alternativeWeights[i]);
        }
        LexicalRanker descriptions = new LexicalRanker(descriptionCatalogue(catalogue), false, 1);
        // the shipped engine also ranks ESCO's Spanish labels: does that cost anything on English text?
        LexicalRanker spanish = new LexicalRanker(
                SpanishLabels.translate(catalogue), true, 0.5, new org.apache.lucene.analysis.es.SpanishAnalyzer());

        VectorStore store = new FileVectorStore(CACHE);
        try (var encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q)) {
            long t0 = System.nanoTime();
            SemanticRanker semantic = SemanticRanker.build(
                    catalogue, SuggestionEngine.Settings.DEFAULT.semanticTexts(), encoder, store, p -> {
                        if (p.embedded() > 0 && p.embedded() % 2560 == 0) {
                            System.out.printf("  labels %,d / %,d%n", p.done(), p.total());
                        }
                    });
            say("MiniLM label vectors ready in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
            // the same model over alternative labels as well (a concept scores as its best text, alternatives x0.9)
            SemanticRanker withAlternatives = ALTERNATIVES
                    ? SemanticRanker.build(
                            catalogue, new SemanticRanker.Texts(true, 0.9, false, 1), encoder, store, p -> {
                                if (p.embedded() > 0 && p.embedded() % 5120 == 0) {
                                    System.out.printf("  alternative labels %,d / %,d%n", p.done(), p.total());
                                }
                            })
                    : semantic;
            say("MiniLM alternative-label vectors ready in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
            QueryVectors queryVectors = new QueryVectors(encoder, store);
            OnnxTextEncoder bgeEncoder = BGE ? new OnnxTextEncoder(OnnxTextEncoder.Model.BGE_SMALL_EN_V15_Q) : null;
            SemanticRanker bge = BGE
                    ? SemanticRanker.build(
                            catalogue, SuggestionEngine.Settings.DEFAULT.semanticTexts(), bgeEncoder, store, p -> {
                                if (p.embedded() > 0 && p.embedded() % 2560 == 0) {
                                    System.out.printf("  bge labels %,d / %,d%n", p.done(), p.total());
                                }
                            })
                    : null;
            QueryVectors bgeQueries = BGE ? new QueryVectors(bgeEncoder, store) : null;
            if (BGE) {
                say("bge-small label vectors ready in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
            }

            // the current engine (Settings.DEFAULT), exactly as the API runs it: the baseline
            SuggestionEngine current = new SuggestionEngine(catalogue, BEFORE, lexicals[2], semantic);
            double[][] baseline = new double[nq][];
            for (int q = 0; q < nq; q++) {
                baseline[q] = metrics(current.rankAll(queries.get(q).sentence(), ConceptFilter.ANY), gold[q], n);
            }

            java.util.Set<String> spanTexts = new java.util.LinkedHashSet<>();
            for (var query : queries) {
                spanTexts.add(query.sentence());
                spanTexts.addAll(QuerySpans.WINDOWS.of(query.sentence()));
                spanTexts.addAll(QuerySpans.CLAUSES.of(query.sentence()));
            }
            queryVectors.prefetch(spanTexts);
            // features per query
            float[][][] lex = new float[alternativeWeights.length + 2][nq][];
            float[][][] sem = new float[BGE ? 7 : 5][nq][];
            for (int q = 0; q < nq; q++) {
                String text = queries.get(q).sentence();
                for (int l = 0; l < lexicals.length; l++) {
                    lex[l][q] = lexical(lexicals[l], text, n);
                }
                lex[lexicals.length][q] = lexical(descriptions, text, n);
                lex[lexicals.length + 1][q] = lex[1][q].clone();
                max(lex[lexicals.length + 1][q], lexical(spanish, text, n));
                float[] whole = semantic.scores(queryVectors.of(text));
                float[] clauses = whole.clone();
                for (String span : QuerySpans.CLAUSES.of(text)) {
                    max(clauses, semantic.scores(queryVectors.of(span)));
                }
                float[] windows = clauses.clone();
                for (String span : QuerySpans.WINDOWS.of(text)) {
                    max(windows, semantic.scores(queryVectors.of(span)));
                }
                sem[0][q] = whole;
                sem[1][q] = clauses;
                sem[2][q] = windows;
                float[] wholeAlt = withAlternatives.scores(queryVectors.of(text));
                float[] clausesAlt = wholeAlt.clone();
                for (String span : QuerySpans.CLAUSES.of(text)) {
                    max(clausesAlt, withAlternatives.scores(queryVectors.of(span)));
                }
                sem[3][q] = wholeAlt;
                sem[4][q] = clausesAlt;
                if (BGE) {
                    float[] bgeWhole = bge.scores(bgeQueries.of(text));
                    float[] mean = new float[n];
                    for (int i = 0; i < n; i++) {
                        mean[i] = (whole[i] + bgeWhole[i]) / 2;
                    }
                    sem[5][q] = bgeWhole;
                    sem[6][q] = mean;
                }
            }
            queryVectors.save();
            if (BGE) {
                bgeQueries.save();
                bgeEncoder.close();
            }

            List<Setting> settings = new ArrayList<>();
            String[] allNames = {
                "MiniLM sentence",
                "MiniLM clauses",
                "MiniLM clauses+windows",
                "MiniLM sentence, +alt labels x0.9",
                "MiniLM clauses, +alt labels x0.9",
                "bge-small sentence",
                "MiniLM+bge-small mean, sentence"
            };
            String[] spanNames = Arrays.copyOf(allNames, sem.length);
            for (int l = 0; l < alternativeWeights.length; l++) {
                String lexName = alternativeWeights[l] == 0 ? "BM25 pref" : "BM25 alt x" + alternativeWeights[l];
                settings.add(new Setting(lexName + " only", l, 0, 1, 0, false));
            }
            for (int s = 0; s < spanNames.length; s++) {
                settings.add(new Setting(spanNames[s] + " only", 0, s, 0, 0, false));
            }
            for (int l : new int[] {0, 1, 2, 3, lexicals.length + 1}) {
                String lexName = l == lexicals.length + 1
                        ? "BM25 alt x0.5 + Spanish labels"
                        : alternativeWeights[l] == 0 ? "BM25 pref" : "BM25 alt x" + alternativeWeights[l];
                for (int s = 0; s < spanNames.length; s++) {
                    for (double b : new double[] {0, 0.05, 0.1}) {
                        for (double a : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}) {
                            if (a + b >= 1) {
                                continue;
                            }
                            settings.add(new Setting(
                                    "%s + %s, linear w=%.1f, desc BM25 %.2f".formatted(lexName, spanNames[s], a, b),
                                    l,
                                    s,
                                    a,
                                    b,
                                    false));
                        }
                    }
                    for (double a : new double[] {0.3, 0.5, 0.7}) {
                        settings.add(new Setting(
                                "%s + %s, RRF k=60 w=%.1f".formatted(lexName, spanNames[s], a), l, s, a, 0, true));
                    }
                }
            }
            say("Settings searched: %d".formatted(settings.size()));
            double[][][] m = new double[settings.size()][nq][];
            for (int s = 0; s < settings.size(); s++) {
                Setting setting = settings.get(s);
                for (int q = 0; q < nq; q++) {
                    float[] fused =
                            fuse(setting, lex[setting.lexical()][q], lex[lexicals.length][q], sem[setting.spans()][q]);
                    m[s][q] = metrics(fused, gold[q]);
                }
            }
            double[][] objective = new double[settings.size()][nq];
            for (int s = 0; s < settings.size(); s++) {
                for (int q = 0; q < nq; q++) {
                    objective[s][q] = (m[s][q][1] + m[s][q][3]) / 2;
                }
            }

            // the baseline, cross-validated (nothing to choose: fixed settings), and the chosen method
            report(
                    "Engine before issue 14 (BM25 alt x0.7 + MiniLM clauses, linear 0.5; chosen on TECH-val)",
                    stratum,
                    sets,
                    (train, fold) -> baseline);
            Map<String, Integer> chosenCount = new LinkedHashMap<>();
            report("Chosen inside the folds among " + settings.size() + " settings", stratum, sets, (train, fold) -> {
                int best = CrossValidation.choose(objective, train, stratum);
                chosenCount.merge(settings.get(best).name(), 1, Integer::sum);
                return m[best];
            });
            chosenCount.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .limit(8)
                    .forEach(e -> say("  chosen in %d folds: %s".formatted(e.getValue(), e.getKey())));
            boolean[] all = new boolean[nq];
            Arrays.fill(all, true);
            int finalChoice = CrossValidation.choose(objective, all, stratum);
            say("Chosen on all %d queries (the setting to ship): %s"
                    .formatted(nq, settings.get(finalChoice).name()));
            // fixed families, for the log (each with its own weight chosen inside the folds)
            for (String family : new String[] {
                "BM25 pref only", "BM25 alt x0.7 only", "MiniLM clauses only", "MiniLM clauses+windows only"
            }) {
                int s = indexOf(settings, family);
                report(family + " (fixed)", stratum, sets, (train, fold) -> m[s]);
            }
            for (String prefix : new String[] {
                "BM25 alt x0.5 + Spanish labels + MiniLM sentence, linear",
                "BM25 alt x0.5 + MiniLM sentence, linear",
                "BM25 alt x0.5 + MiniLM sentence, +alt labels x0.9, linear",
                "BM25 alt x0.5 + MiniLM clauses, +alt labels x0.9, linear",
                "BM25 alt x0.7 + MiniLM clauses, linear",
                "BM25 alt x0.7 + MiniLM clauses+windows, linear",
                "BM25 pref + MiniLM clauses+windows, linear",
                "BM25 alt x0.5 + MiniLM clauses+windows, linear",
                "BM25 alt x0.5 + bge-small sentence, linear",
                "BM25 alt x0.5 + MiniLM+bge-small mean, sentence, linear"
            }) {
                for (String descPart : new String[] {"desc BM25 0.00", ""}) {
                    List<Integer> family = new ArrayList<>();
                    for (int s = 0; s < settings.size(); s++) {
                        if (settings.get(s).name().startsWith(prefix)
                                && settings.get(s).name().contains(descPart)) {
                            family.add(s);
                        }
                    }
                    if (family.isEmpty()) {
                        continue; // a family of a model not run (bge without openler.skills.eval.bge)
                    }
                    double[][] sub = family.stream().map(s -> objective[s]).toArray(double[][]::new);
                    report(
                            prefix
                                    + (descPart.isEmpty()
                                            ? ", weights + description BM25 chosen in folds"
                                            : ", weight chosen in folds"),
                            stratum,
                            sets,
                            (train, fold) -> m[family.get(CrossValidation.choose(sub, train, stratum))]);
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "skills-cv.md"), out);
    }

    interface Chooser {
        double[][] metricsFor(boolean[] train, int fold);
    }

    private void report(String name, int[] stratum, List<DecorteBenchmark> sets, Chooser chooser) {
        say(row(name, stratum, sets.size(), chooser));
    }

    /**
     * One table row, "| name | RP@5 | MRR | RP@1 |" per set: mean ± sd over the held-out folds of {@link #REPEATS} ×
     * {@link #FOLDS}-fold cross-validation (the same folds in every harness), each fold scored as the chooser says.
     */
    static String row(String name, int[] stratum, int strata, Chooser chooser) {
        int nq = stratum.length;
        List<List<List<Double>>> perSet = new ArrayList<>(); // [set][metric] -> fold values
        for (int t = 0; t < strata; t++) {
            List<List<Double>> metrics = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                metrics.add(new ArrayList<>());
            }
            perSet.add(metrics);
        }
        for (int r = 0; r < REPEATS; r++) {
            int[] fold = CrossValidation.folds(stratum, FOLDS, 1000 + r);
            for (int f = 0; f < FOLDS; f++) {
                boolean[] train = new boolean[nq];
                for (int q = 0; q < nq; q++) {
                    train[q] = fold[q] != f;
                }
                double[][] m = chooser.metricsFor(train, f);
                for (int t = 0; t < strata; t++) {
                    double[] sum = new double[4];
                    int count = 0;
                    for (int q = 0; q < nq; q++) {
                        if (!train[q] && stratum[q] == t) {
                            for (int k = 0; k < 4; k++) {
                                sum[k] += m[q][k];
                            }
                            count++;
                        }
                    }
                    for (int k = 0; k < 4; k++) {
                        perSet.get(t).get(k).add(sum[k] / count);
                    }
                }
            }
        }
        StringBuilder line = new StringBuilder("| " + name + " |");
        for (int t = 0; t < strata; t++) {
            var rp5 = Spread.of(perSet.get(t).get(1));
            var mrr = Spread.of(perSet.get(t).get(3));
            var rp1 = Spread.of(perSet.get(t).get(0));
            line.append(" %s | %s | %s |".formatted(rp5.percent(), mrr.plain(), rp1.percent()));
        }
        return line.toString();
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }

    private static int indexOf(List<Setting> settings, String name) {
        for (int s = 0; s < settings.size(); s++) {
            if (settings.get(s).name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static float[] fuse(Setting setting, float[] lex, float[] desc, float[] sem) {
        int n = sem.length;
        float[] fused = new float[n];
        if (setting.rrf()) {
            int[] lr = ranks(lex);
            int[] sr = ranks(sem);
            double w = setting.lexicalWeight();
            for (int c = 0; c < n; c++) {
                fused[c] = (float) ((lex[c] > 0 ? w / (60 + lr[c]) : 0) + (1 - w) / (60 + sr[c]));
            }
            return fused;
        }
        double a = setting.lexicalWeight();
        double b = setting.descriptionWeight();
        if (a >= 1) {
            return lex;
        }
        if (a == 0 && b == 0) {
            return sem;
        }
        float maxLex = max(lex);
        float maxDesc = max(desc);
        for (int c = 0; c < n; c++) {
            double l = maxLex > 0 ? lex[c] / maxLex : 0;
            double d = maxDesc > 0 ? desc[c] / maxDesc : 0;
            fused[c] = (float) (a * l + b * d + (1 - a - b) * sem[c]);
        }
        return fused;
    }

    private static int[] ranks(float[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Float.compare(scores[y], scores[x]));
        int[] rank = new int[scores.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static void max(float[] into, float[] other) {
        for (int c = 0; c < into.length; c++) {
            into[c] = Math.max(into[c], other[c]);
        }
    }

    static float[] lexical(LexicalRanker ranker, String text, int n) {
        float[] scores = new float[n];
        for (var hit : ranker.rank(text, ConceptFilter.ANY, 2000)) {
            scores[hit.concept()] = (float) hit.score();
        }
        return scores;
    }

    /** Each concept with its description as its only label (concepts without one keep their label). */
    static Catalogue descriptionCatalogue(Catalogue catalogue) {
        return new Catalogue(catalogue.concepts().stream()
                .map(c -> new Concept(
                        c.key(),
                        c.uri(),
                        c.framework(),
                        c.description().isBlank() ? c.preferredLabel() : c.description(),
                        List.of(),
                        "",
                        c.kind()))
                .toList());
    }

    /** RP@1, RP@5, RP@10, MRR of a score vector (higher first; ties by position, as the engine orders them). */
    static double[] metrics(float[] scores, int[] gold) {
        int[] ranks = new int[gold.length];
        for (int g = 0; g < gold.length; g++) {
            float s = scores[gold[g]];
            int rank = 1;
            for (int c = 0; c < scores.length; c++) {
                if (scores[c] > s || (scores[c] == s && c < gold[g])) {
                    rank++;
                }
            }
            ranks[g] = rank;
        }
        return fromRanks(ranks);
    }

    static double[] metrics(int[] ranking, int[] gold, int n) {
        int[] position = new int[n];
        Arrays.fill(position, Integer.MAX_VALUE);
        for (int r = 0; r < ranking.length; r++) {
            position[ranking[r]] = r + 1;
        }
        return fromRanks(Arrays.stream(gold).map(g -> position[g]).toArray());
    }

    static double[] fromRanks(int[] ranks) {
        int n = ranks.length;
        int h1 = 0, h5 = 0, h10 = 0;
        int first = Integer.MAX_VALUE;
        for (int r : ranks) {
            if (r <= 1) h1++;
            if (r <= 5) h5++;
            if (r <= 10) h10++;
            first = Math.min(first, r);
        }
        return new double[] {
            h1 / (double) Math.min(1, n),
            h5 / (double) Math.min(5, n),
            h10 / (double) Math.min(10, n),
            first == Integer.MAX_VALUE ? 0 : 1.0 / first
        };
    }

    /** Query vectors, kept in the same store under a pseudo-concept so reruns do not embed again. */
    static final class QueryVectors {
        private final OnnxTextEncoder encoder;
        private final VectorStore store;
        private final Map<VectorStore.TextKey, float[]> cache = new HashMap<>();
        private final Map<VectorStore.TextKey, float[]> fresh = new HashMap<>();

        QueryVectors(OnnxTextEncoder encoder, VectorStore store) {
            this.encoder = encoder;
            this.store = store;
        }

        float[] of(String text) {
            var key = new VectorStore.TextKey("query", Vectors.textHash(encoder.asQuery(text)));
            float[] v = cache.get(key);
            if (v == null) {
                v = store.find(encoder.modelId(), List.of(key)).get(key);
                if (v == null) {
                    v = encoder.encode(List.of(encoder.asQuery(text))).getFirst();
                    fresh.put(key, v);
                }
                cache.put(key, v);
            }
            return v;
        }

        /** Embeds every text not stored yet in one parallel call (the encoder spreads texts over its threads). */
        void prefetch(java.util.Collection<String> texts) {
            Map<VectorStore.TextKey, String> missing = new LinkedHashMap<>();
            for (String text : texts) {
                var key = new VectorStore.TextKey("query", Vectors.textHash(encoder.asQuery(text)));
                if (store.find(encoder.modelId(), List.of(key)).isEmpty()) {
                    missing.put(key, encoder.asQuery(text));
                }
            }
            List<String> list = new ArrayList<>(missing.values());
            List<float[]> vectors = encoder.encode(list);
            int i = 0;
            Map<VectorStore.TextKey, float[]> out = new HashMap<>();
            for (var key : missing.keySet()) {
                out.put(key, vectors.get(i++));
            }
            store.save(encoder.modelId(), out);
        }

        void save() {
            store.save(encoder.modelId(), fresh);
            fresh.clear();
        }
    }
}

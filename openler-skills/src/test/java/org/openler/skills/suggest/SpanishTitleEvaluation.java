package org.openler.skills.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.openler.skills.suggest.CrossValidation.Spread;

/**
 * A Spanish job-title development set that is not MELO, made from ESCO's own Spanish occupation labels (openler-data
 * {@code esco/es/}): for every occupation with at least two Spanish alternative labels, one label is held out of the
 * index and becomes the query, the occupation the answer. ESCO writes most occupations in both genders ("camarero",
 * "camarera"); labels that are the same words after Spanish stemming (gender, number, accents) form one group and are
 * held out together — a held-out label whose twin stayed in the index would be a near-duplicate. Those twins are
 * measured apart ({@code twin set}: one form held out, its twin left in), where they show what a feminine or plural
 * title gains from matching its masculine label.
 *
 * <p>The weighing of titles read as Spanish ({@link TitleIndex.Spanish}) is chosen here by repeated k-fold
 * cross-validation (by MRR on the training folds, held-out folds scored), never on MELO. Run with {@code
 * TEST=SpanishTitleEvaluation scripts/eval-skills-cv.sh}; writes {@code target/spanish-titles.md}.
 */
class SpanishTitleEvaluation {

    static final int FOLDS = 5;
    static final int REPEATS = 2;
    static final int TWINS = 500;

    private final List<String> out = new ArrayList<>();

    record Query(String text, int gold) {}

    /** The Spanish labels with some held out, and the held-out labels as queries. */
    record DevSet(Map<String, SpanishLabels.Labels> labels, List<Query> queries, int eligible) {}

    @Test
    void choosesHowSpanishTitlesAreWeighedOnHeldOutEscoLabels() throws IOException {
        OccupationCatalogue occupations = OccupationCatalogue.bundled();
        Catalogue catalogue = occupations.catalogue();
        Map<String, SpanishLabels.Labels> spanish = SpanishLabels.read(SpanishLabels.OCCUPATIONS);
        DevSet dev = heldOut(catalogue, spanish, false, 42);
        DevSet twins = heldOut(catalogue, spanish, true, 43);
        say("# Spanish job titles: a development set from ESCO's Spanish occupation labels");
        say("");
        say("Held-out label groups (gender/number twins together): %,d queries (every eligible occupation); e.g. %s"
                .formatted(
                        dev.queries().size(),
                        dev.queries().subList(0, 6).stream().map(Query::text).toList()));
        say("Twin set (one form held out, its other-gender twin left in): %,d queries of %,d eligible; e.g. %s"
                .formatted(
                        twins.queries().size(),
                        twins.eligible(),
                        twins.queries().subList(0, 6).stream().map(Query::text).toList()));

        VectorStore store = new FileVectorStore(SkillCrossValidation.CACHE);
        OnnxTextEncoder minilm = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q);
        SemanticRanker semantic =
                SemanticRanker.build(catalogue, new SemanticRanker.Texts(false, 1, false, 1), minilm, store, p -> {});
        var vectors = new SkillCrossValidation.QueryVectors(minilm, store);
        TitleIndex.Spanish evidence = new TitleIndex.Spanish(1, 1, 1, true);
        List<String> notSpanish = new ArrayList<>();

        List<TitleIndex.Spanish> grid = new ArrayList<>();
        grid.add(TitleIndex.Spanish.AS_ENGLISH); // first: ties go to the shipped weighing
        for (double s : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            for (double e : new double[] {0, 0.25, 0.5, 1}) {
                for (double p : new double[] {0, 0.5, 1, 1.5, 2, 3, 4, 6}) {
                    for (boolean x : new boolean[] {false, true}) {
                        TitleIndex.Spanish candidate = new TitleIndex.Spanish(s, e, p, x);
                        if (!candidate.equals(TitleIndex.Spanish.AS_ENGLISH)) {
                            grid.add(candidate);
                        }
                    }
                }
            }
        }
        for (boolean lexical : new boolean[] {false, true}) {
            TitleIndex.Settings settings = lexical ? TitleIndex.Settings.LEXICAL : TitleIndex.Settings.DEFAULT;
            List<int[][]> ranks = new ArrayList<>();
            for (DevSet set : List.of(dev, twins)) {
                TitleIndex index = new TitleIndex(
                        occupations,
                        settings,
                        Calibration.TITLES,
                        lexical ? null : semantic,
                        evidence,
                        SpanishLabels.translate(catalogue, set.labels()));
                List<Query> queries = set.queries();
                if (!lexical) {
                    vectors.prefetch(queries.stream()
                            .map(q -> index.segments(q.text()).getFirst())
                            .toList());
                }
                int[][] rank = new int[grid.size()][queries.size()];
                Map<TitleIndex.Spanish, List<double[]>> pairs = new LinkedHashMap<>();
                long read = 0;
                for (int q = 0; q < queries.size(); q++) {
                    String text = queries.get(q).text();
                    TitleIndex.Parts parts = index.parts(
                            text,
                            lexical ? null : vectors.of(index.segments(text).getFirst()));
                    read += parts.spanish() ? 1 : 0;
                    if (!parts.spanish() && set == dev && !lexical) {
                        notSpanish.add(text);
                    }
                    for (int g = 0; g < grid.size(); g++) {
                        rank[g][q] = rankOf(
                                index.combine(parts, settings, grid.get(g)),
                                queries.get(q).gold());
                    }
                    for (TitleIndex.Spanish s : List.of(TitleIndex.Spanish.AS_ENGLISH, TitleIndex.Spanish.DEFAULT)) {
                        pairs.computeIfAbsent(s, k -> new ArrayList<>())
                                .addAll(top10(
                                        index.combine(parts, settings, s),
                                        queries.get(q).gold(),
                                        lexical ? Calibration.TITLES_LEXICAL : Calibration.TITLES));
                    }
                }
                say("");
                say("## %s, %s: %,d queries, %,d read as Spanish by `Language`"
                        .formatted(
                                lexical ? "Lexical fallback (Settings.LEXICAL)" : "Shipped mapper (Settings.DEFAULT)",
                                set == dev ? "held-out label groups" : "twin set",
                                queries.size(),
                                read));
                fixed(grid, rank);
                reliability(pairs);
                ranks.add(rank);
            }
            crossValidate(grid, ranks.get(0), ranks.get(1));
        }
        say("");
        say("Held-out labels not read as Spanish (%d): %s".formatted(notSpanish.size(), notSpanish));
        analyzers(catalogue, dev);
        languageOfMeloTitles(catalogue, dev, twins);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "spanish-titles.md"), out, StandardCharsets.UTF_8);
    }

    /**
     * The development set. For each occupation with a Spanish row, its alternative labels are grouped by their words
     * after Spanish stemming (the gendered and plural forms of one label fall together); groups that are a form of the
     * preferred label (ESCO writes it "camarero/camarera") cannot be held out. Main set ({@code twinsOnly} false):
     * occupations with at least two alternative groups, one of which can be held out — it is removed whole, and a
     * random form of it is the query. Twin set: occupations with a group of two or more forms; one form is held out
     * and its twin stays.
     */
    static DevSet heldOut(
            Catalogue catalogue, Map<String, SpanishLabels.Labels> spanish, boolean twinsOnly, long seed) {
        Map<String, SpanishLabels.Labels> labels = new HashMap<>(spanish);
        List<Integer> eligible = new ArrayList<>();
        Map<Integer, List<List<String>>> candidates = new HashMap<>();
        for (int c = 0; c < catalogue.size(); c++) {
            SpanishLabels.Labels l = spanish.get(catalogue.get(c).uri().toString());
            if (l == null) {
                continue;
            }
            Set<String> preferred = new LinkedHashSet<>();
            for (String form : l.preferred().split("/")) {
                preferred.add(key(form));
            }
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (String label : l.alternatives()) {
                groups.computeIfAbsent(key(label), k -> new ArrayList<>()).add(label);
            }
            List<List<String>> free = groups.entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty() && !preferred.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .filter(g -> !twinsOnly || g.size() >= 2)
                    .toList();
            if (!free.isEmpty() && (twinsOnly || groups.size() >= 2)) {
                eligible.add(c);
                candidates.put(c, free);
            }
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>(eligible);
        Collections.shuffle(chosen, random);
        if (twinsOnly) {
            chosen = chosen.subList(0, Math.min(TWINS, chosen.size()));
        }
        List<Query> queries = new ArrayList<>();
        for (int c : chosen) {
            String uri = catalogue.get(c).uri().toString();
            List<List<String>> free = candidates.get(c);
            List<String> group = free.get(random.nextInt(free.size()));
            String held = group.get(random.nextInt(group.size()));
            List<String> rest = new ArrayList<>(labels.get(uri).alternatives());
            if (twinsOnly) {
                rest.remove(held);
            } else {
                rest.removeAll(group);
            }
            labels.put(uri, new SpanishLabels.Labels(labels.get(uri).preferred(), rest));
            queries.add(new Query(held, c));
        }
        return new DevSet(labels, queries, eligible.size());
    }

    private static final Analyzer SPANISH = new SpanishAnalyzer();

    /** A label's words after Spanish stemming, in order: gendered and plural forms of one label are equal. */
    static String key(String label) {
        return String.join(" ", terms(SPANISH, label));
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("label", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The calibrated probability of each of the top 10 occupations, and whether it is the answer. */
    static List<double[]> top10(double[] raw, int gold, Calibration calibration) {
        Integer[] order = java.util.stream.IntStream.range(0, raw.length)
                .filter(c -> raw[c] > 0)
                .boxed()
                .sorted((x, y) -> Double.compare(raw[y], raw[x]))
                .limit(10)
                .toArray(Integer[]::new);
        List<double[]> out = new ArrayList<>();
        for (int c : order) {
            out.add(new double[] {calibration.probability(raw[c], raw[order[0]]), c == gold ? 1 : 0});
        }
        return out;
    }

    /**
     * Whether the English-fitted probabilities still mean what they say for Spanish titles: top-10 suggestions binned
     * by predicted probability against the share that is the answer (nothing refitted).
     */
    private void reliability(Map<TitleIndex.Spanish, List<double[]>> pairs) {
        for (var entry : pairs.entrySet()) {
            List<double[]> all = entry.getValue();
            double brier = all.stream()
                    .mapToDouble(r -> (r[0] - r[1]) * (r[0] - r[1]))
                    .average()
                    .orElse(0);
            double base = all.stream().mapToDouble(r -> r[1]).average().orElse(0);
            StringBuilder bins = new StringBuilder();
            double ece = 0;
            double[] edges = {0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0001};
            for (int i = 0; i + 1 < edges.length; i++) {
                double lo = edges[i], hi = edges[i + 1];
                List<double[]> bin =
                        all.stream().filter(r -> r[0] >= lo && r[0] < hi).toList();
                if (!bin.isEmpty()) {
                    double predicted =
                            bin.stream().mapToDouble(r -> r[0]).average().orElse(0);
                    double observed =
                            bin.stream().mapToDouble(r -> r[1]).average().orElse(0);
                    ece += bin.size() * Math.abs(predicted - observed) / all.size();
                    bins.append(" %.1f–%.1f: %,d, %.3f predicted, %.3f right;"
                            .formatted(lo, Math.min(1, hi), bin.size(), predicted, observed));
                }
            }
            say("");
            say("Calibration (%s; top 10): Brier %.3f (base rate %.3f → %.3f), ECE %.3f;%s"
                    .formatted(name(entry.getKey()), brier, base, base * (1 - base), ece, bins));
        }
    }

    /** 1-based rank of the gold occupation; MAX_VALUE when it has no score (never proposed). */
    static int rankOf(double[] scores, int gold) {
        double s = scores[gold];
        if (s <= 0) {
            return Integer.MAX_VALUE;
        }
        int rank = 1;
        for (int c = 0; c < scores.length; c++) {
            if (scores[c] > s || (scores[c] == s && c < gold)) {
                rank++;
            }
        }
        return rank;
    }

    /** Fixed weighings, each family alone beside the shipped one (the diagnosis; nothing is chosen here). */
    private void fixed(List<TitleIndex.Spanish> grid, int[][] rank) {
        int nq = rank[0].length;
        say("| weighing of Spanish titles (semantic ×, English labels ×, pooled Spanish ×, stemmed exact) | MRR | R@1"
                + " | R@5 | R@10 |");
        say("|---|---|---|---|---|");
        List<TitleIndex.Spanish> shown = new ArrayList<>();
        for (TitleIndex.Spanish s : grid) {
            int changed = (s.semantic() != 1 ? 1 : 0)
                    + (s.english() != 1 ? 1 : 0)
                    + (s.pooled() != 0 ? 1 : 0)
                    + (s.stemmedExact() ? 1 : 0);
            if (changed <= 1) {
                shown.add(s);
            }
        }
        int bestFixed = 0;
        for (int g = 1; g < grid.size(); g++) {
            bestFixed = mean(rank[g], null, 0, 0) > mean(rank[bestFixed], null, 0, 0) + 1e-12 ? g : bestFixed;
        }
        shown.add(grid.get(bestFixed));
        for (TitleIndex.Spanish s : shown) {
            int g = grid.indexOf(s);
            say("| %s%s | %.3f | %.1f | %.1f | %.1f |"
                    .formatted(
                            name(s),
                            g == bestFixed ? " (best fixed on all queries)" : "",
                            mean(rank[g], null, 0, 0),
                            100 * mean(rank[g], null, 0, 1),
                            100 * mean(rank[g], null, 0, 5),
                            100 * mean(rank[g], null, 0, 10)));
        }
    }

    /**
     * The weighing chosen inside the folds: {@code REPEATS} × {@code FOLDS}-fold, each set dealt into folds
     * separately, chosen by the macro mean of the two sets' MRR on the training folds; the held-out folds' mean ± sd
     * per set is the figure to quote.
     */
    private void crossValidate(List<TitleIndex.Spanish> grid, int[][] main, int[][] twin) {
        List<List<List<Double>>> shipped = List.of(metrics(), metrics());
        List<List<List<Double>>> procedure = List.of(metrics(), metrics());
        Map<TitleIndex.Spanish, Integer> picks = new LinkedHashMap<>();
        for (int r = 0; r < REPEATS; r++) {
            int[] mainFold = folds(main[0].length, 1000 + r);
            int[] twinFold = folds(twin[0].length, 2000 + r);
            for (int f = 0; f < FOLDS; f++) {
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int g = 0; g < grid.size(); g++) {
                    double v = (mean(main[g], mainFold, -1 - f, 0) + mean(twin[g], twinFold, -1 - f, 0)) / 2;
                    if (v > bestValue + 1e-12) {
                        bestValue = v;
                        best = g;
                    }
                }
                picks.merge(grid.get(best), 1, Integer::sum);
                for (int k = 0; k < 4; k++) {
                    int cut = new int[] {0, 1, 5, 10}[k];
                    shipped.get(0).get(k).add(mean(main[0], mainFold, f, cut));
                    shipped.get(1).get(k).add(mean(twin[0], twinFold, f, cut));
                    procedure.get(0).get(k).add(mean(main[best], mainFold, f, cut));
                    procedure.get(1).get(k).add(mean(twin[best], twinFold, f, cut));
                }
            }
        }
        say("");
        say("Held out (%d × %d-fold, chosen by the macro MRR of both sets; mean ± sd over the %d held-out folds):"
                .formatted(REPEATS, FOLDS, REPEATS * FOLDS));
        say("| | set | MRR | R@1 | R@5 | R@10 |");
        say("|---|---|---|---|---|---|");
        for (int set = 0; set < 2; set++) {
            String which = set == 0 ? "held-out groups" : "twins";
            say(line("shipped (Spanish titles weighed as English ones)", which, shipped.get(set)));
            say(line(
                    "**weighing chosen inside the folds (%d candidates)**".formatted(grid.size()),
                    which,
                    procedure.get(set)));
        }
        say("Chosen: "
                + picks.entrySet().stream()
                        .map(e -> name(e.getKey()) + " in " + e.getValue())
                        .toList());
        int onAll = 0;
        for (int g = 1; g < grid.size(); g++) {
            double v = (mean(main[g], null, 0, 0) + mean(twin[g], null, 0, 0)) / 2;
            if (v > (mean(main[onAll], null, 0, 0) + mean(twin[onAll], null, 0, 0)) / 2 + 1e-12) {
                onAll = g;
            }
        }
        say("Chosen on all queries of both sets: %s (MRR %.3f held-out groups, %.3f twins)"
                .formatted(name(grid.get(onAll)), mean(main[onAll], null, 0, 0), mean(twin[onAll], null, 0, 0)));
        if (firstChoice < 0) {
            firstChoice = onAll;
        } else {
            say("The fused mapper's choice, %s, here: MRR %.3f held-out groups, %.3f twins"
                    .formatted(
                            name(grid.get(firstChoice)),
                            mean(main[firstChoice], null, 0, 0),
                            mean(twin[firstChoice], null, 0, 0)));
        }
    }

    /** The weighing the first cross-validation (the fused mapper's) chose on all queries. */
    private int firstChoice = -1;

    private static List<List<Double>> metrics() {
        return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Queries 0..n-1 dealt into {@link #FOLDS} folds after a seeded shuffle: query → its fold. */
    static int[] folds(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            order.add(q);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % FOLDS;
        }
        return fold;
    }

    private static String line(String name, String set, List<List<Double>> m) {
        return "| %s | %s | %s | %s | %s | %s |"
                .formatted(
                        name,
                        set,
                        Spread.of(m.get(0)).plain(),
                        Spread.of(m.get(1)).percent(),
                        Spread.of(m.get(2)).percent(),
                        Spread.of(m.get(3)).percent());
    }

    /** MRR (cut 0) or R@cut; {@code only} ≥ 0 keeps that fold, −1 − f every fold but f; no folds: every query. */
    private static double mean(int[] ranks, int[] fold, int only, int cut) {
        double sum = 0;
        int n = 0;
        for (int q = 0; q < ranks.length; q++) {
            if (fold != null && (only >= 0 ? fold[q] != only : fold[q] == -1 - only)) {
                continue;
            }
            n++;
            int r = ranks[q];
            sum += cut == 0 ? (r == Integer.MAX_VALUE ? 0 : 1.0 / r) : (r <= cut ? 1 : 0);
        }
        return sum / n;
    }

    private static String name(TitleIndex.Spanish s) {
        return s.equals(TitleIndex.Spanish.AS_ENGLISH)
                ? "as English titles (shipped until now: 1, 1, 0, no)"
                : "%s, %s, %s, %s".formatted(s.semantic(), s.english(), s.pooled(), s.stemmedExact() ? "yes" : "no");
    }

    /**
     * Diagnosis, nothing chosen: the Spanish BM25 alone on the held-out groups, with the shipped analyzer (light
     * stemmer, which folds accents, gender and number) against lighter ones, and alternative labels weighed less.
     */
    private void analyzers(Catalogue catalogue, DevSet dev) {
        Catalogue labels = SpanishLabels.translate(catalogue, dev.labels());
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("SpanishAnalyzer (SpanishLightStemFilter; shipped)", new SpanishAnalyzer());
        analyzers.put("plural stemmer + accent folding (SpanishPluralStemFilter)", custom(true));
        analyzers.put("no stemming, accent folding", custom(false));
        say("");
        say("## Diagnosis: the Spanish BM25 alone on the held-out groups (best label, nothing fused)");
        say("| analyzer | alternative labels × | MRR | R@1 | R@10 |");
        say("|---|---|---|---|---|");
        for (var a : analyzers.entrySet()) {
            for (double alt : new double[] {0.7, 0.85, 1.0}) {
                LexicalRanker ranker = new LexicalRanker(labels, true, alt, a.getValue());
                int[] ranks = new int[dev.queries().size()];
                for (int q = 0; q < ranks.length; q++) {
                    double[] scores = new double[catalogue.size()];
                    for (LexicalRanker.Hit hit :
                            ranker.rank(dev.queries().get(q).text(), ConceptFilter.ANY, 100)) {
                        scores[hit.concept()] = hit.score();
                    }
                    ranks[q] = rankOf(scores, dev.queries().get(q).gold());
                }
                say("| %s | %.2f | %.3f | %.1f | %.1f |"
                        .formatted(
                                a.getKey(),
                                alt,
                                mean(ranks, null, 0, 0),
                                100 * mean(ranks, null, 0, 1),
                                100 * mean(ranks, null, 0, 10)));
            }
        }
    }

    private static Analyzer custom(boolean plural) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(tokenizer);
                s = new StopFilter(s, SpanishAnalyzer.getDefaultStopSet());
                if (plural) {
                    s = new SpanishPluralStemFilter(s);
                }
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(tokenizer, s);
            }
        };
    }

    /**
     * How many of MELO's Spanish titles {@code Language} reads as Spanish: only the queries' text is read (no gold),
     * to know whether the Spanish weighing reaches them at all.
     */
    private void languageOfMeloTitles(Catalogue catalogue, DevSet dev, DevSet twins) throws IOException {
        Path queries =
                DecorteBenchmark.directory().getParent().resolve("melo-esp-es").resolve("queries.tsv");
        List<String> melo = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .map(l -> l.split("\t", 2)[1])
                .toList();
        List<String> jobbert = TitleCrossValidation.titles().stream()
                .map(TitleCrossValidation.Title::text)
                .toList();
        List<String> sentences = java.util.stream.Stream.of("tech", "house")
                .flatMap(set -> DecorteBenchmark.validation(set).queries().stream())
                .map(DecorteBenchmark.Query::sentence)
                .toList();
        say("");
        say("## Read as Spanish by `Language`");
        say("| texts | by the words the labels spell | and, for other words, by their stems |");
        say("|---|---|---|");
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put(
                "held-out label groups (Spanish)",
                dev.queries().stream().map(Query::text).toList());
        sets.put("twin set (Spanish)", twins.queries().stream().map(Query::text).toList());
        sets.put("MELO esp_q_es_c_es titles (Spanish; text only, no gold read)", melo);
        sets.put("JobBERT validation titles (English)", jobbert);
        sets.put("TECH-val and HOUSE-val sentences (English)", sentences);
        Language words = new Language(catalogue, SpanishLabels.translate(catalogue, dev.labels()), false);
        Language stems = new Language(catalogue, SpanishLabels.translate(catalogue, dev.labels()), true);
        for (var set : sets.entrySet()) {
            say("| %s | %,d of %,d | %,d |"
                    .formatted(
                            set.getKey(),
                            set.getValue().stream().filter(words::spanish).count(),
                            set.getValue().size(),
                            set.getValue().stream().filter(stems::spanish).count()));
        }
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }
}

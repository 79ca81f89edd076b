package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.openler.skills.sources.Csv;
import org.openler.skills.suggest.CrossValidation.Spread;

/**
 * Job titles → ESCO occupations on the JobBERT title-normalisation validation split (15,463 vacancy titles, {@code
 * eval/benchmarks/jobbert-title-normalisation}): every title ranks all 3,007 ESCO 1.1.1 occupations; MRR and R@1/5/10,
 * repeated 5-fold cross-validation with the settings chosen on the training folds (by MRR). ESCO's alternative labels
 * are the mapper's synonyms, so they are never used as test queries. The calibration of the scores is fitted on the
 * training folds and its reliability measured on the held-out ones. Run with {@code TEST=TitleCrossValidation
 * scripts/eval-skills-cv.sh}; writes {@code target/titles-cv.md}.
 */
class TitleCrossValidation {

    static final int FOLDS = 5;
    static final int REPEATS = 2;
    /** Titles in the semantic experiment's subsample; 0 for the lexical experiment over all titles. */
    static final int SEMANTIC = Integer.getInteger("openler.titles.eval.semantic", 0);
    /** Also the model over the occupations' alternative labels (32,804 more vectors, minutes to embed once). */
    static final boolean ALTERNATIVE_VECTORS = Boolean.getBoolean("openler.titles.eval.alternatives");

    private final List<String> out = new ArrayList<>();

    record Title(String text, String uri) {}

    @Test
    void crossValidatesTheTitleMapper() throws IOException {
        List<Title> titles = titles();
        OccupationCatalogue occupations = OccupationCatalogue.bundled();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < occupations.catalogue().size(); i++) {
            position.put(occupations.catalogue().get(i).uri().toString(), i);
        }
        List<Title> known =
                titles.stream().filter(t -> position.containsKey(t.uri())).toList();
        long withOnet = occupations.onet().stream().filter(s -> !s.isEmpty()).count();
        say("Titles: %,d (%,d with a gold occupation in ESCO 1.1.1); occupations %,d, %,d with an O*NET code"
                .formatted(titles.size(), known.size(), occupations.catalogue().size(), withOnet));
        int nq = known.size();
        int[] gold = known.stream().mapToInt(t -> position.get(t.uri())).toArray();

        List<TitleIndex.Settings> settings = new ArrayList<>();
        for (boolean clean : new boolean[] {false, true}) {
            for (double w : new double[] {0.7, 0.85, 1.0}) {
                settings.add(new TitleIndex.Settings(w, clean));
            }
        }
        for (double w : new double[] {0.85, 1.0}) {
            for (double pooled : new double[] {0.15, 0.3, 0.6}) {
                settings.add(new TitleIndex.Settings(w, true, pooled, 0));
            }
        }
        SemanticRanker semantic = null;
        List<SemanticRanker> rankers =
                new ArrayList<>(); // the ranker each setting uses (null: lexical or preferred only)
        Map<Integer, Double> allLabels =
                new HashMap<>(); // settings whose ranker has every label, alternatives times this
        float[][] vectors = new float[nq][];
        OnnxTextEncoder encoder = null;
        VectorStore store = null;
        if (SEMANTIC > 0) {
            // a random subsample: embedding every title would take most of an hour on this shared machine
            List<Integer> order = new ArrayList<>(
                    java.util.stream.IntStream.range(0, nq).boxed().toList());
            java.util.Collections.shuffle(order, new java.util.Random(7));
            List<Title> sample = order.subList(0, Math.min(SEMANTIC, nq)).stream()
                    .map(known::get)
                    .toList();
            known = sample;
            nq = known.size();
            gold = known.stream().mapToInt(t -> position.get(t.uri())).toArray();
            encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q);
            store = new FileVectorStore(SkillCrossValidation.CACHE);
            semantic = SemanticRanker.build(
                    occupations.catalogue(), new SemanticRanker.Texts(false, 1, false, 1), encoder, store, p -> {});
            var queryVectors = new SkillCrossValidation.QueryVectors(encoder, store);
            TitleIndex cleaner = new TitleIndex(occupations, new TitleIndex.Settings(1.0, true), Calibration.TITLES);
            queryVectors.prefetch(known.stream()
                    .map(t -> cleaner.segments(t.text()).getFirst())
                    .toList());
            vectors = new float[nq][];
            for (int q = 0; q < nq; q++) {
                vectors[q] =
                        queryVectors.of(cleaner.segments(known.get(q).text()).getFirst());
            }
            say("Semantic experiment on a random subsample of %,d titles".formatted(nq));
            if (Boolean.getBoolean("openler.titles.eval.quick")) {
                // the shipped settings beside the ones they replaced (before O*NET's titles), to fit the calibration
                settings.clear();
                settings.add(new TitleIndex.Settings(1.0, true, 0.3, 0.65, 1.0));
                settings.add(TitleIndex.Settings.DEFAULT);
                settings.add(new TitleIndex.Settings(0.85, true, 0.6, 0, 1.0));
                settings.add(TitleIndex.Settings.LEXICAL);
            }
            for (double w : Boolean.getBoolean("openler.titles.eval.quick")
                    ? new double[0]
                    : new double[] {0.2, 0.35, 0.5, 0.65, 1.0}) {
                settings.add(new TitleIndex.Settings(1.0, true, 0, w));
                settings.add(new TitleIndex.Settings(1.0, true, 0.3, w));
                settings.add(new TitleIndex.Settings(0.85, true, 0.3, w));
            }
            while (rankers.size() < settings.size()) {
                rankers.add(semantic);
            }
            if (ALTERNATIVE_VECTORS) {
                // the model over every label (preferred, alternative, hidden), each label's cosine discounted
                for (double a : new double[] {0.9, 1.0}) {
                    long t0 = System.nanoTime();
                    SemanticRanker all = SemanticRanker.build(
                            occupations.catalogue(), new SemanticRanker.Texts(true, a, false, 1), encoder, store, p -> {
                                if (p.embedded() > 0 && p.embedded() % 2560 == 0) {
                                    System.out.printf("embedded %,d of %,d%n", p.done(), p.total());
                                }
                            });
                    say("Vectors over all labels (alternative ×%.2f): %,d texts, ready in %.0f s"
                            .formatted(a, all.textCount(), (System.nanoTime() - t0) / 1e9));
                    for (double w : new double[] {0.5, 0.65, 0.8}) {
                        for (double pooled : new double[] {0, 0.3}) {
                            settings.add(new TitleIndex.Settings(1.0, true, pooled, w, 1.0));
                            rankers.add(all);
                            allLabels.put(settings.size() - 1, a);
                        }
                    }
                }
            }
        }
        while (rankers.size() < settings.size()) {
            rankers.add(semantic);
        }
        double[][][] m = new double[settings.size()][][];
        double[][] objective = new double[settings.size()][];
        double[][][] raw = new double[settings.size()][][]; // top-10 raw scores, for the calibration
        boolean[][][] right = new boolean[settings.size()][][];
        long[] latency = new long[nq];
        for (int s = 0; s < settings.size(); s++) {
            TitleIndex index = new TitleIndex(occupations, settings.get(s), Calibration.TITLES, rankers.get(s));
            m[s] = new double[nq][];
            objective[s] = new double[nq];
            raw[s] = new double[nq][];
            right[s] = new boolean[nq][];
            long start = System.nanoTime();
            for (int q = 0; q < nq; q++) {
                long t0 = System.nanoTime();
                double[] scores = index.scores(known.get(q).text(), vectors[q]);
                int[] ranking = rank(scores);
                latency[q] = System.nanoTime() - t0;
                int r = Integer.MAX_VALUE;
                for (int i = 0; i < ranking.length; i++) {
                    if (ranking[i] == gold[q]) {
                        r = i + 1;
                        break;
                    }
                }
                m[s][q] = new double[] {
                    r <= 1 ? 1 : 0, r <= 5 ? 1 : 0, r <= 10 ? 1 : 0, r == Integer.MAX_VALUE ? 0 : 1.0 / r
                };
                objective[s][q] = m[s][q][3];
                int k = Math.min(10, ranking.length);
                raw[s][q] = new double[k];
                right[s][q] = new boolean[k];
                for (int i = 0; i < k; i++) {
                    raw[s][q][i] = scores[ranking[i]];
                    right[s][q][i] = ranking[i] == gold[q];
                }
            }
            say("  %s%s: %.1f ms/title (all %,d titles), MRR %.3f on all (for the log only)"
                    .formatted(
                            settings.get(s),
                            allLabels.containsKey(s) ? " + model over all labels, alt x" + allLabels.get(s) : "",
                            (System.nanoTime() - start) / 1e6 / nq,
                            nq,
                            Arrays.stream(objective[s]).average().orElse(0)));
        }
        int[] stratum = new int[nq];
        Map<String, Integer> chosen = new HashMap<>();
        List<List<Double>> folds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<double[]> reliability = new ArrayList<>(); // held-out (probability, right)
        List<Double> brier = new ArrayList<>();
        for (int rep = 0; rep < REPEATS; rep++) {
            int[] fold = CrossValidation.folds(stratum, FOLDS, 2000 + rep);
            for (int f = 0; f < FOLDS; f++) {
                boolean[] train = new boolean[nq];
                for (int q = 0; q < nq; q++) {
                    train[q] = fold[q] != f;
                }
                int best = CrossValidation.choose(objective, train, stratum);
                chosen.merge(settings.get(best).toString(), 1, Integer::sum);
                double[] sum = new double[4];
                int count = 0;
                for (int q = 0; q < nq; q++) {
                    if (!train[q]) {
                        for (int k = 0; k < 4; k++) {
                            sum[k] += m[best][q][k];
                        }
                        count++;
                    }
                }
                for (int k = 0; k < 4; k++) {
                    folds.get(k).add(sum[k] / count);
                }
                Calibration calibration = fit(raw[best], right[best], train);
                double b = 0;
                int n = 0;
                for (int q = 0; q < nq; q++) {
                    if (train[q]) {
                        continue;
                    }
                    double top = raw[best][q].length == 0 ? 0 : raw[best][q][0];
                    for (int i = 0; i < raw[best][q].length; i++) {
                        double p = calibration.probability(raw[best][q][i], top);
                        double y = right[best][q][i] ? 1 : 0;
                        reliability.add(new double[] {p, y});
                        b += (p - y) * (p - y);
                        n++;
                    }
                }
                brier.add(b / n);
            }
        }
        say("");
        say("| Title mapper, settings chosen inside the folds | MRR | R@1 | R@5 | R@10 |");
        say("|---|---|---|---|---|");
        say("| JobBERT val, %d x %d-fold CV (mean ± sd over folds) | %s | %s | %s | %s |"
                .formatted(
                        REPEATS,
                        FOLDS,
                        Spread.of(folds.get(3)).plain(),
                        Spread.of(folds.get(0)).percent(),
                        Spread.of(folds.get(1)).percent(),
                        Spread.of(folds.get(2)).percent()));
        chosen.forEach((k, v) -> say("  chosen in %d folds: %s".formatted(v, k)));
        boolean[] all = new boolean[nq];
        Arrays.fill(all, true);
        int finalChoice = CrossValidation.choose(objective, all, stratum);
        Calibration calibration = fit(raw[finalChoice], right[finalChoice], all);
        say("Chosen on all titles (to ship): %s; calibration fitted on all: %s"
                .formatted(settings.get(finalChoice), calibration));
        double[][] lexicalOnly = new double[settings.size()][];
        for (int s = 0; s < settings.size(); s++) {
            lexicalOnly[s] = settings.get(s).semanticWeight() > 0 ? new double[nq] : objective[s];
        }
        int lexicalChoice = CrossValidation.choose(lexicalOnly, all, stratum);
        say("Best without the model, on all: %s; calibration fitted on all: %s"
                .formatted(settings.get(lexicalChoice), fit(raw[lexicalChoice], right[lexicalChoice], all)));
        say("");
        say("Reliability of the calibrated score on held-out folds (top-10 suggestions; Brier %s):"
                .formatted(Spread.of(brier).plain()));
        say("| predicted | suggestions | mean predicted | observed right |");
        say("|---|---|---|---|");
        double[] edges = {0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};
        for (int i = 0; i + 1 < edges.length; i++) {
            double lo = edges[i], hi = edges[i + 1];
            double ps = 0, ys = 0;
            int c = 0;
            for (double[] r : reliability) {
                if (r[0] >= lo && r[0] < hi) {
                    ps += r[0];
                    ys += r[1];
                    c++;
                }
            }
            if (c > 0) {
                say("| %.2f–%.2f | %,d | %.3f | %.3f |".formatted(lo, Math.min(1, hi), c, ps / c, ys / c));
            }
        }
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        say("Ranking time per title (last setting, in the harness, load shared): p50 %.2f ms, p95 %.2f ms"
                .formatted(sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "titles-cv.md"), out);
    }

    /** Logistic regression of "right" on (ln(1 + raw), raw / best) over the training queries' top-10 suggestions. */
    static Calibration fit(double[][] raw, boolean[][] right, boolean[] train) {
        List<double[]> x = new ArrayList<>();
        for (int q = 0; q < raw.length; q++) {
            if (!train[q] || raw[q].length == 0) {
                continue;
            }
            for (int i = 0; i < raw[q].length; i++) {
                x.add(new double[] {1, Math.log1p(raw[q][i]), raw[q][i] / raw[q][0], right[q][i] ? 1 : 0});
            }
        }
        double[] w = logistic(x);
        return new Calibration(w[0], w[1], w[2]);
    }

    /** Newton's method for a three-parameter logistic regression; rows are (1, x1, x2, y). */
    static double[] logistic(List<double[]> rows) {
        double[] w = new double[3];
        for (int iteration = 0; iteration < 25; iteration++) {
            double[] g = new double[3];
            double[][] h = new double[3][3];
            for (double[] r : rows) {
                double z = w[0] * r[0] + w[1] * r[1] + w[2] * r[2];
                double p = 1 / (1 + Math.exp(-z));
                for (int i = 0; i < 3; i++) {
                    g[i] += (r[3] - p) * r[i];
                    for (int j = 0; j < 3; j++) {
                        h[i][j] += p * (1 - p) * r[i] * r[j] + (i == j ? 1e-6 : 0);
                    }
                }
            }
            double[] step = solve(h, g);
            for (int i = 0; i < 3; i++) {
                w[i] += step[i];
            }
        }
        return w;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    private static int[] rank(double[] scores) {
        return java.util.stream.IntStream.range(0, scores.length)
                .filter(c -> scores[c] > 0)
                .boxed()
                .sorted((x, y) -> scores[x] != scores[y] ? Double.compare(scores[y], scores[x]) : Integer.compare(x, y))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }

    static List<Title> titles() throws IOException {
        Path file = DecorteBenchmark.directory().getParent().resolve("jobbert-title-normalisation/titles.val.csv.gz");
        try (var reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            List<List<String>> rows = Csv.readAll(reader);
            List<String> header = rows.getFirst();
            int title = header.indexOf("vacancyTitle");
            int uri = header.indexOf("conceptUri");
            return rows.subList(1, rows.size()).stream()
                    .filter(r ->
                            r.size() > Math.max(title, uri) && !r.get(title).isBlank())
                    .map(r -> new Title(r.get(title).strip(), r.get(uri).strip()))
                    .toList();
        }
    }
}

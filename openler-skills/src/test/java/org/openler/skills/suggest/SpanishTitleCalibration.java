package org.openler.skills.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openler.skills.suggest.CrossValidation.Spread;

/**
 * The calibration of titles read as Spanish ({@link Calibration#TITLES_SPANISH}, {@link
 * Calibration#TITLES_SPANISH_LEXICAL}): the English one's form, fitted by {@link TitleCrossValidation#fit} on the top-10
 * suggestions of {@link SpanishTitleEvaluation}'s held-out ESCO Spanish label groups (only those {@code Language} reads
 * as Spanish), checked on held-out folds against the English-fitted calibration and the base rate, then fitted on all.
 * A second test reads the shipped probabilities' reliability on MELO's Spanish titles once (nothing chosen there). Run
 * with {@code TEST=SpanishTitleCalibration scripts/eval-skills-cv.sh}; writes {@code target/spanish-calibration.md}.
 */
class SpanishTitleCalibration {

    static final int FOLDS = 5;
    static final int REPEATS = 2;
    static final double[] EDGES = {0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};

    private final List<String> out = new ArrayList<>();

    @Test
    void fitsTheCalibrationOfSpanishTitlesOnHeldOutEscoLabels() throws IOException {
        OccupationCatalogue occupations = OccupationCatalogue.bundled();
        Catalogue catalogue = occupations.catalogue();
        Map<String, SpanishLabels.Labels> spanish = SpanishLabels.read(SpanishLabels.OCCUPATIONS);
        SpanishTitleEvaluation.DevSet dev = SpanishTitleEvaluation.heldOut(catalogue, spanish, false, 42);
        VectorStore store = new FileVectorStore(SkillCrossValidation.CACHE);
        OnnxTextEncoder minilm = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q);
        SemanticRanker semantic =
                SemanticRanker.build(catalogue, new SemanticRanker.Texts(false, 1, false, 1), minilm, store, p -> {});
        var vectors = new SkillCrossValidation.QueryVectors(minilm, store);
        say("# Calibration of Spanish titles (held-out ESCO Spanish label groups, top-10 suggestions)");
        for (boolean lexical : new boolean[] {false, true}) {
            TitleIndex.Settings settings = lexical ? TitleIndex.Settings.LEXICAL : TitleIndex.Settings.DEFAULT;
            Calibration english = lexical ? Calibration.TITLES_LEXICAL : Calibration.TITLES;
            TitleIndex index = new TitleIndex(
                    occupations,
                    settings,
                    english,
                    lexical ? null : semantic,
                    TitleIndex.Spanish.DEFAULT,
                    SpanishLabels.translate(catalogue, dev.labels()));
            if (!lexical) {
                vectors.prefetch(dev.queries().stream()
                        .map(q -> index.segments(q.text()).getFirst())
                        .toList());
            }
            List<double[]> raws = new ArrayList<>();
            List<boolean[]> rights = new ArrayList<>();
            List<Boolean> matched = new ArrayList<>();
            int boosted = 0, boostedFirst = 0, plain = 0, plainFirst = 0;
            for (SpanishTitleEvaluation.Query q : dev.queries()) {
                TitleIndex.Parts parts = index.parts(
                        q.text(),
                        lexical ? null : vectors.of(index.segments(q.text()).getFirst()));
                if (!parts.spanish()) {
                    continue; // the Spanish calibration is only applied to titles read as Spanish
                }
                double[] raw = index.combine(parts, settings);
                int[] top = IntStream.range(0, raw.length)
                        .filter(c -> raw[c] > 0)
                        .boxed()
                        .sorted((x, y) -> raw[x] != raw[y] ? Double.compare(raw[y], raw[x]) : Integer.compare(x, y))
                        .limit(10)
                        .mapToInt(Integer::intValue)
                        .toArray();
                double[] r = new double[top.length];
                boolean[] y = new boolean[top.length];
                for (int i = 0; i < top.length; i++) {
                    r[i] = raw[top[i]];
                    y[i] = top[i] == q.gold();
                }
                raws.add(r);
                rights.add(y);
                boolean exactMatch =
                        !parts.exactLabels().isEmpty() || !parts.stemmedLabels().isEmpty();
                matched.add(exactMatch);
                boolean first = y.length > 0 && y[0];
                boosted += exactMatch ? 1 : 0;
                boostedFirst += exactMatch && first ? 1 : 0;
                plain += exactMatch ? 0 : 1;
                plainFirst += !exactMatch && first ? 1 : 0;
            }
            // the held-out group is removed whole, so an exact (or stemmed-exact) label match can only name another
            // occupation: on this set the boost marks a wrong answer, unlike on real titles
            say("");
            say(
                    "Queries with an exact or stemmed-exact label match: %,d, right first %.1f %%; without: %,d, right first"
                                    .formatted(boosted, 100.0 * boostedFirst / Math.max(1, boosted), plain)
                            + " %.1f %%".formatted(100.0 * plainFirst / Math.max(1, plain)));
            String name = lexical ? "Lexical fallback (Settings.LEXICAL)" : "Shipped mapper (Settings.DEFAULT)";
            crossValidate(
                    name + ", every query read as Spanish",
                    raws.toArray(double[][]::new),
                    rights.toArray(boolean[][]::new),
                    english);
            List<double[]> plainRaws = new ArrayList<>();
            List<boolean[]> plainRights = new ArrayList<>();
            for (int q = 0; q < raws.size(); q++) {
                if (!matched.get(q)) {
                    plainRaws.add(raws.get(q));
                    plainRights.add(rights.get(q));
                }
            }
            crossValidate(
                    name + ", queries without an exact label match (shipped)",
                    plainRaws.toArray(double[][]::new),
                    plainRights.toArray(boolean[][]::new),
                    english);
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "spanish-calibration.md"), out, StandardCharsets.UTF_8);
    }

    private void crossValidate(String name, double[][] raw, boolean[][] right, Calibration english) {
        int nq = raw.length;
        List<Double> brierSpanish = new ArrayList<>(), brierEnglish = new ArrayList<>(), brierBase = new ArrayList<>();
        List<double[]> heldOutSpanish = new ArrayList<>(), heldOutEnglish = new ArrayList<>();
        for (int rep = 0; rep < REPEATS; rep++) {
            int[] fold = SpanishTitleEvaluation.folds(nq, 3000 + rep);
            for (int f = 0; f < FOLDS; f++) {
                boolean[] train = new boolean[nq];
                double positives = 0, suggestions = 0;
                for (int q = 0; q < nq; q++) {
                    train[q] = fold[q] != f;
                    if (train[q]) {
                        for (boolean y : right[q]) {
                            positives += y ? 1 : 0;
                            suggestions++;
                        }
                    }
                }
                Calibration fitted = TitleCrossValidation.fit(raw, right, train);
                double base = positives / suggestions;
                double bs = 0, be = 0, bb = 0;
                int n = 0;
                for (int q = 0; q < nq; q++) {
                    if (train[q]) {
                        continue;
                    }
                    for (int i = 0; i < raw[q].length; i++) {
                        double y = right[q][i] ? 1 : 0;
                        double ps = fitted.probability(raw[q][i], raw[q][0]);
                        double pe = english.probability(raw[q][i], raw[q][0]);
                        heldOutSpanish.add(new double[] {ps, y});
                        heldOutEnglish.add(new double[] {pe, y});
                        bs += (ps - y) * (ps - y);
                        be += (pe - y) * (pe - y);
                        bb += (base - y) * (base - y);
                        n++;
                    }
                }
                brierSpanish.add(bs / n);
                brierEnglish.add(be / n);
                brierBase.add(bb / n);
            }
        }
        boolean[] all = new boolean[nq];
        Arrays.fill(all, true);
        Calibration shipped = TitleCrossValidation.fit(raw, right, all);
        say("");
        say("## %s: %,d queries read as Spanish, %,d suggestions"
                .formatted(name, nq, Arrays.stream(raw).mapToInt(r -> r.length).sum()));
        say("");
        say("Held-out Brier (%d × %d-fold, mean ± sd over the held-out folds): Spanish fit on the training folds %s;"
                        .formatted(REPEATS, FOLDS, Spread.of(brierSpanish).plain())
                + " English-fitted %s; base rate of the training folds %s. ECE: Spanish fit %.3f, English-fitted %.3f."
                        .formatted(
                                Spread.of(brierEnglish).plain(),
                                Spread.of(brierBase).plain(),
                                ece(heldOutSpanish),
                                ece(heldOutEnglish)));
        say("Fitted on all (to ship): %s".formatted(shipped));
        say("");
        say("| predicted | suggestions | mean predicted | right (Spanish fit, held out) | suggestions | mean predicted"
                + " | right (English-fitted) |");
        say("|---|---|---|---|---|---|---|");
        for (int i = 0; i + 1 < EDGES.length; i++) {
            double[] s = bin(heldOutSpanish, EDGES[i], EDGES[i + 1]);
            double[] e = bin(heldOutEnglish, EDGES[i], EDGES[i + 1]);
            say("| %.2f–%.2f | %s | %s |".formatted(EDGES[i], Math.min(1, EDGES[i + 1]), cells(s), cells(e)));
        }
    }

    /**
     * The shipped probabilities on MELO's Spanish titles (esp_q_es_c_es), read once: MELO's queries are real titles of
     * Spain's classification, harder than the label-like development set. Nothing is chosen here.
     */
    @Test
    void readsTheReliabilityOfTheShippedProbabilitiesOnMeloSpanishTitles() throws IOException {
        OccupationCatalogue occupations = OccupationCatalogue.bundled();
        Catalogue catalogue = occupations.catalogue();
        VectorStore store = new FileVectorStore(SkillCrossValidation.CACHE);
        OnnxTextEncoder minilm = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q);
        SemanticRanker semantic =
                SemanticRanker.build(catalogue, new SemanticRanker.Texts(false, 1, false, 1), minilm, store, p -> {});
        Path dir = DecorteBenchmark.directory().getParent().resolve("melo-esp-es");
        Map<String, String> conceptOfElement = new HashMap<>();
        for (String line : MeloEvaluation.lines(dir.resolve("concept_mapping.tsv.gz"))) {
            String[] f = line.split("\t");
            conceptOfElement.put(f[0], f[1]);
        }
        Map<String, Set<String>> relevant = new HashMap<>();
        for (String line : MeloEvaluation.lines(dir.resolve("annotations.tsv.gz"))) {
            String[] f = line.split("\t");
            if (Integer.parseInt(f[3]) > 0) {
                relevant.computeIfAbsent(f[0], k -> new HashSet<>()).add(conceptOfElement.get(f[2]));
            }
        }
        Map<String, TitleIndex> mappers = new java.util.LinkedHashMap<>();
        mappers.put(
                "shipped (Settings.DEFAULT, MiniLM)",
                new TitleIndex(occupations, TitleIndex.Settings.DEFAULT, Calibration.TITLES, semantic));
        mappers.put("lexical fallback (Settings.LEXICAL)", TitleIndex.lexical(occupations));
        Language language = new Language(catalogue, SpanishLabels.translate(catalogue));
        say("# The shipped probabilities on MELO esp_q_es_c_es (read once; nothing chosen)");
        for (var mapper : mappers.entrySet()) {
            List<double[]> pairs = new ArrayList<>();
            // the same suggestions with the English-fitted calibration (what shipped before), for comparison only
            List<double[]> before = new ArrayList<>();
            Calibration english =
                    mapper.getKey().startsWith("lexical") ? Calibration.TITLES_LEXICAL : Calibration.TITLES;
            int n = 0, spanishRead = 0;
            for (String line : Files.readAllLines(dir.resolve("queries.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 2);
                Set<String> gold = relevant.getOrDefault(f[0], Set.of());
                if (gold.isEmpty()) {
                    continue;
                }
                n++;
                spanishRead += language.spanish(f[1].strip()) ? 1 : 0;
                String title = f[1].strip();
                for (TitleSuggestion s : mapper.getValue().suggest(title, 10)) {
                    pairs.add(new double[] {s.score(), gold.contains(s.uri().toString()) ? 1 : 0});
                }
                double[] raw = mapper.getValue().scores(title);
                int[] order = mapper.getValue().rankAll(title);
                for (int i = 0; i < Math.min(10, order.length); i++) {
                    before.add(new double[] {
                        english.probability(raw[order[i]], raw[order[0]]),
                        gold.contains(catalogue.get(order[i]).uri().toString()) ? 1 : 0
                    });
                }
            }
            double base = pairs.stream().mapToDouble(r -> r[1]).average().orElse(0);
            double brier = pairs.stream()
                    .mapToDouble(r -> (r[0] - r[1]) * (r[0] - r[1]))
                    .average()
                    .orElse(0);
            say("");
            say("## %s: %,d titles (%,d read as Spanish), %,d suggestions; Brier %.3f (base rate %.3f → %.3f), ECE %.3f"
                    .formatted(
                            mapper.getKey(), n, spanishRead, pairs.size(), brier, base, base * (1 - base), ece(pairs)));
            say("English-fitted on the same suggestions (shipped before): Brier %.3f, ECE %.3f"
                    .formatted(
                            before.stream()
                                    .mapToDouble(r -> (r[0] - r[1]) * (r[0] - r[1]))
                                    .average()
                                    .orElse(0),
                            ece(before)));
            say(
                    "| predicted | suggestions | mean predicted | right | suggestions (English-fitted) | mean predicted | right |");
            say("|---|---|---|---|---|---|---|");
            for (int i = 0; i + 1 < EDGES.length; i++) {
                say("| %.2f–%.2f | %s | %s |"
                        .formatted(
                                EDGES[i],
                                Math.min(1, EDGES[i + 1]),
                                cells(bin(pairs, EDGES[i], EDGES[i + 1])),
                                cells(bin(before, EDGES[i], EDGES[i + 1]))));
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "spanish-calibration-melo.md"), out, StandardCharsets.UTF_8);
    }

    /** Count, mean predicted and share right of the pairs whose prediction is in [lo, hi). */
    private static double[] bin(List<double[]> pairs, double lo, double hi) {
        double count = 0, predicted = 0, observed = 0;
        for (double[] r : pairs) {
            if (r[0] >= lo && r[0] < hi) {
                count++;
                predicted += r[0];
                observed += r[1];
            }
        }
        return new double[] {count, count == 0 ? 0 : predicted / count, count == 0 ? 0 : observed / count};
    }

    private static String cells(double[] bin) {
        return bin[0] == 0 ? "0 | – | –" : "%,d | %.3f | %.3f".formatted((long) bin[0], bin[1], bin[2]);
    }

    private static double ece(List<double[]> pairs) {
        double ece = 0;
        for (int i = 0; i + 1 < EDGES.length; i++) {
            double[] b = bin(pairs, EDGES[i], EDGES[i + 1]);
            ece += b[0] * Math.abs(b[1] - b[2]) / pairs.size();
        }
        return ece;
    }

    private void say(String line) {
        System.out.println(line);
        out.add(line);
    }
}

package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.zip.GZIPInputStream;
import org.openler.skills.sources.Csv;

/**
 * The skill-extraction benchmark of Decorte et al. as {@code eval/benchmarks/skill-extraction-decorte/SOURCE.md}
 * describes it: a query per sentence with at least one ESCO label (rows labelled {@code LABEL NOT PRESENT} or
 * {@code UNDERSPECIFIED} are ignored), ranked against the 13,895 ESCO skill labels of {@code skills_en_label.txt.gz};
 * RP@k = hits in the top k / min(k, number relevant), MRR over the first relevant label.
 */
record DecorteBenchmark(String name, List<Query> queries, List<String> labels) {

    record Query(String sentence, Set<String> gold) {}

    record Metrics(int queries, double rp1, double rp5, double rp10, double mrr) {
        @Override
        public String toString() {
            return "%5.1f %5.1f %5.1f %6.3f".formatted(rp1 * 100, rp5 * 100, rp10 * 100, mrr);
        }
    }

    static Path directory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("eval/benchmarks/skill-extraction-decorte");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("eval/benchmarks/skill-extraction-decorte not found above " + here);
    }

    static List<String> candidateLabels() {
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(directory().resolve("skills_en_label.txt.gz"))),
                StandardCharsets.UTF_8))) {
            return in.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * TECH-val and HOUSE-val as one list for cross-validation: each query's set is its stratum (0 TECH, 1 HOUSE), so
     * folds deal both sets out evenly.
     */
    record Union(List<Query> queries, int[] stratum) {
        long count(int set) {
            return Arrays.stream(stratum).filter(s -> s == set).count();
        }
    }

    static Union validationUnion() {
        List<Query> queries = new ArrayList<>();
        List<Integer> strata = new ArrayList<>();
        List<DecorteBenchmark> sets = List.of(validation("tech"), validation("house"));
        for (int s = 0; s < sets.size(); s++) {
            for (Query q : sets.get(s).queries()) {
                queries.add(q);
                strata.add(s);
            }
        }
        return new Union(queries, strata.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Each preferred label's position in the catalogue (the benchmark's gold is given by label). */
    static Map<String, Integer> positions(Catalogue catalogue) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < catalogue.size(); i++) {
            index.put(catalogue.get(i).preferredLabel(), i);
        }
        return index;
    }

    /** {@code tech} or {@code house}: the validation split. */
    static DecorteBenchmark validation(String set) {
        List<List<String>> rows;
        try (var reader = Files.newBufferedReader(directory().resolve(set + "_validation_annotations.csv"))) {
            rows = Csv.readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = rows.getFirst();
        int sentence = header.indexOf("sentence");
        int label = header.indexOf("label");
        Map<String, Set<String>> gold = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String l = row.get(label).strip();
            if (l.equals("LABEL NOT PRESENT") || l.equals("UNDERSPECIFIED") || l.isEmpty()) {
                continue;
            }
            gold.computeIfAbsent(row.get(sentence), s -> new LinkedHashSet<>()).add(l);
        }
        List<Query> queries = new ArrayList<>();
        gold.forEach((s, g) -> queries.add(new Query(s, Set.copyOf(g))));
        return new DecorteBenchmark(set.toUpperCase(java.util.Locale.ROOT) + "-val", queries, candidateLabels());
    }

    /**
     * The benchmark's candidate set as a catalogue: one entry per label of {@code skills_en_label.txt.gz} (ESCO
     * v1.1.0 preferred labels), carrying the texts of the ESCO 1.1.1 skill it names. 108 labels differ from their
     * 1.1.1 spelling only in punctuation (v1.1.0's list has no commas); they are matched ignoring punctuation and
     * case. A label with no 1.1.1 skill at all stays a candidate with its label alone.
     */
    static Catalogue catalogue(Catalogue esco) {
        Map<String, Concept> exact = new HashMap<>();
        Map<String, Concept> loose = new HashMap<>();
        for (Concept concept : esco.concepts()) {
            if (concept.kind() == ConceptKind.COMPETENCY) {
                exact.putIfAbsent(concept.preferredLabel(), concept);
                loose.putIfAbsent(loose(concept.preferredLabel()), concept);
            }
        }
        List<Concept> candidates = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String label : candidateLabels()) {
            if (!seen.add(label)) {
                continue;
            }
            Concept concept = exact.getOrDefault(label, loose.get(loose(label)));
            candidates.add(
                    concept == null
                            ? new Concept(
                                    "urn:openler:eval-label:" + Vectors.textHash(label),
                                    java.net.URI.create("urn:openler:eval-label:" + Vectors.textHash(label)),
                                    EscoCatalogue.FRAMEWORK,
                                    label,
                                    List.of(),
                                    "",
                                    ConceptKind.COMPETENCY)
                            : new Concept(
                                    concept.key(),
                                    concept.uri(),
                                    concept.framework(),
                                    label,
                                    concept.alternativeLabels(),
                                    concept.description(),
                                    concept.kind()));
        }
        return new Catalogue(candidates);
    }

    private static String loose(String label) {
        return label.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    /** Ranks every label for every query with the engine and computes the metrics. */
    Metrics evaluate(SuggestionEngine engine) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < engine.catalogue().size(); i++) {
            index.put(engine.catalogue().get(i).preferredLabel(), i);
        }
        double rp1 = 0, rp5 = 0, rp10 = 0, mrr = 0;
        for (Query query : queries) {
            Set<Integer> relevant = new java.util.HashSet<>();
            for (String g : query.gold()) {
                Integer i = index.get(g);
                if (i == null) {
                    throw new IllegalStateException("Gold label not among the candidates: " + g);
                }
                relevant.add(i);
            }
            int[] ranking = engine.rankAll(query.sentence(), ConceptFilter.ANY);
            int hits1 = 0, hits5 = 0, hits10 = 0;
            double rr = 0;
            for (int r = 0; r < ranking.length; r++) {
                if (relevant.contains(ranking[r])) {
                    if (rr == 0) {
                        rr = 1.0 / (r + 1);
                    }
                    if (r < 1) hits1++;
                    if (r < 5) hits5++;
                    if (r < 10) hits10++;
                }
                if (r >= 10 && rr > 0) {
                    break;
                }
            }
            int n = relevant.size();
            rp1 += hits1 / (double) Math.min(1, n);
            rp5 += hits5 / (double) Math.min(5, n);
            rp10 += hits10 / (double) Math.min(10, n);
            mrr += rr;
        }
        int q = queries.size();
        return new Metrics(q, rp1 / q, rp5 / q, rp10 / q, mrr / q);
    }
}

package org.openler.platform.skills.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.platform.skills.suggest.SuggestionEngine.Fusion;
import org.openler.platform.skills.suggest.SuggestionEngine.Settings;

/**
 * The skill-extraction evaluation (Decorte et al.'s protocol, see {@link DecorteBenchmark}) over the validation splits:
 * every variant of the engine on TECH-val and HOUSE-val, printed as a table (and written to
 * {@code target/skills-eval.md}). Not part of the test run: the first run embeds ~110,000 ESCO texts; vectors are kept
 * in {@code target/skill-vectors}. Run it with {@code scripts/eval-skills.sh} ({@code -Pskills-eval}). Choices were
 * made on TECH-val only; HOUSE-val is reported beside them as the check.
 */
class SkillExtractionEvaluation {

    private static final Path CACHE = Path.of(System.getProperty(
            "openler.skills.eval.cache", Path.of("target", "skill-vectors").toString()));

    private final List<String> table = new ArrayList<>();
    private List<DecorteBenchmark> sets = List.of();

    @Test
    void reportsEveryVariantOnBothValidationSets() throws IOException {
        boolean all = Boolean.parseBoolean(System.getProperty("openler.skills.eval.all", "true"));
        List<String> models = List.of(System.getProperty("openler.skills.eval.models", "all-minilm-l6-v2-q")
                .split(","));
        Catalogue catalogue = DecorteBenchmark.catalogue(EscoCatalogue.load(false));
        sets = List.of(DecorteBenchmark.validation("tech"), DecorteBenchmark.validation("house"));
        System.out.printf(
                "Candidates: %,d ESCO skill labels (%d without a 1.1.1 skill); queries: %s%n",
                catalogue.size(),
                catalogue.concepts().stream()
                        .filter(c -> c.uri().getScheme().equals("urn"))
                        .count(),
                sets.stream().map(s -> s.name() + " " + s.queries().size()).toList());
        table.add("| variant | TECH-val RP@1 RP@5 RP@10 MRR | HOUSE-val RP@1 RP@5 RP@10 MRR | ms/query |");
        VectorStore store = new FileVectorStore(CACHE);
        Settings d = Settings.DEFAULT;

        LexicalRanker lexicalPreferred = new LexicalRanker(catalogue, false, 1.0);
        LexicalRanker lexicalAll = new LexicalRanker(catalogue, true, 1.0);
        report(
                "BM25, preferred labels",
                new SuggestionEngine(catalogue, d.with(Fusion.LEXICAL, 1), lexicalPreferred, null));
        report(
                "BM25, preferred + alternative labels",
                new SuggestionEngine(catalogue, d.with(Fusion.LEXICAL, 1), lexicalAll, null));

        for (String modelName : models) {
            var model = OnnxTextEncoder.Model.named(modelName);
            try (var encoder = new OnnxTextEncoder(model, Runtime.getRuntime().availableProcessors(), false)) {
                String m = model.id();
                Settings semantic = d.with(Fusion.SEMANTIC, 0).withSpans(QuerySpans.NONE, 1);
                SemanticRanker preferred =
                        timed(m + " preferred", catalogue, new SemanticRanker.Texts(false, false, 1), encoder, store);
                report(m + ", preferred labels", new SuggestionEngine(catalogue, semantic, lexicalAll, preferred));
                if (all) {
                    report(
                            m + ", preferred, clause spans",
                            new SuggestionEngine(
                                    catalogue, semantic.withSpans(QuerySpans.CLAUSES, 1), lexicalAll, preferred));
                    report(
                            m + ", preferred, clauses; linear w=0.3",
                            new SuggestionEngine(
                                    catalogue,
                                    d.with(Fusion.LINEAR, 0.3).withSpans(QuerySpans.CLAUSES, 1),
                                    lexicalPreferred,
                                    preferred));
                }
                SemanticRanker labels =
                        timed(m + " +alt", catalogue, new SemanticRanker.Texts(true, false, 1), encoder, store);
                report(
                        m + ", + alternative labels (max)",
                        new SuggestionEngine(catalogue, semantic, lexicalAll, labels));
                if (all) {
                    report(
                            m + ", + alt, clause spans",
                            new SuggestionEngine(
                                    catalogue, semantic.withSpans(QuerySpans.CLAUSES, 1), lexicalAll, labels));
                    report(
                            m + ", + alt, clause + window spans",
                            new SuggestionEngine(
                                    catalogue, semantic.withSpans(QuerySpans.WINDOWS, 1), lexicalAll, labels));
                    for (double w : new double[] {0.1, 0.2, 0.3, 0.4, 0.5}) {
                        report(
                                m + ", + alt, clauses; linear w=" + w,
                                new SuggestionEngine(
                                        catalogue,
                                        d.with(Fusion.LINEAR, w).withSpans(QuerySpans.CLAUSES, 1),
                                        lexicalAll,
                                        labels));
                    }
                    for (double w : new double[] {0.3, 0.5}) {
                        report(
                                m + ", + alt, clauses; RRF w=" + w,
                                new SuggestionEngine(
                                        catalogue,
                                        d.with(Fusion.RRF, w).withSpans(QuerySpans.CLAUSES, 1),
                                        lexicalAll,
                                        labels));
                    }
                }
                report(m + ": DEFAULT settings", new SuggestionEngine(catalogue, d, lexicalAll, labels));
            }
        }
    }

    private void report(String name, SuggestionEngine engine) throws IOException {
        StringBuilder line = new StringBuilder("| %-55s |".formatted(name));
        long start = System.nanoTime();
        for (DecorteBenchmark set : sets) {
            line.append(" ").append(set.evaluate(engine)).append(" |");
        }
        line.append(" %5.0f |"
                .formatted((System.nanoTime() - start)
                        / 1e6
                        / sets.stream().mapToInt(s -> s.queries().size()).sum()));
        System.out.println(line);
        table.add(line.toString());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "skills-eval.md"), table);
    }

    private static SemanticRanker timed(
            String what, Catalogue catalogue, SemanticRanker.Texts texts, TextEncoder encoder, VectorStore store) {
        long start = System.nanoTime();
        int[] embedded = {0};
        SemanticRanker ranker = SemanticRanker.build(catalogue, texts, encoder, store, p -> {
            embedded[0] = p.embedded();
            if (p.embedded() > 0 && p.embedded() % 5120 == 0) {
                System.out.printf(
                        "  %s: %,d / %,d texts (%,d embedded, %.0f texts/s)%n",
                        what, p.done(), p.total(), p.embedded(), p.embedded() / ((System.nanoTime() - start) / 1e9));
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %,d texts, %,d embedded in %.1f s (%.0f texts/s)%n",
                what, ranker.textCount(), embedded[0], seconds, embedded[0] / seconds);
        return ranker;
    }
}

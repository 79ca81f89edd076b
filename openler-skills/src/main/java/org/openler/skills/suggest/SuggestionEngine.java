package org.openler.skills.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Ranks a catalogue's concepts for a free text: a lexical ranking (BM25) and a semantic one (embeddings), fused. The
 * same object answers the API, the CLI and the evaluation; it is immutable once built and safe to share between
 * threads.
 */
public final class SuggestionEngine {

    /** How the two rankings become one. */
    public enum Fusion {
        /** Only BM25. */
        LEXICAL,
        /** Only cosine similarity. */
        SEMANTIC,
        /** Reciprocal rank fusion: w / (k + lexical rank) + (1 − w) / (k + semantic rank). */
        RRF,
        /** w · BM25 / best BM25 + (1 − w) · cosine. */
        LINEAR
    }

    /** Every choice the engine makes; {@link #DEFAULT} is what the evaluation chose on TECH-val. */
    public record Settings(
            boolean lexicalAlternatives,
            double lexicalAlternativeWeight,
            SemanticRanker.Texts semanticTexts,
            QuerySpans spans,
            double spanWeight,
            Fusion fusion,
            double lexicalWeight,
            int rrfK,
            int lexicalDepth,
            double reusePrior) {

        /**
         * Chosen by cross-validation over TECH-val and HOUSE-val (SkillCrossValidation and
         * SkillStructureCrossValidation, docs/skill-mapping.md): alternative labels count 0.7 of a preferred label in
         * BM25; preferred labels only in the semantic ranker; the whole sentence is embedded (clause spans helped
         * HOUSE but cost TECH more); linear fusion 0.4 BM25 / 0.6 cosine; BM25 scores the best 2,000 concepts (the
         * harness's depth); then ESCO's structure: + 0.12 × the reuse-level prior (job ads name transversal and
         * cross-sector skills far more often than occupation-specific ones).
         */
        public static final Settings DEFAULT = new Settings(
                true,
                0.7,
                new SemanticRanker.Texts(false, 1.0, false, 1.0),
                QuerySpans.NONE,
                1.0,
                Fusion.LINEAR,
                0.4,
                60,
                2000,
                0.12);

        /** Without the reuse-level prior (the engine before it was added). */
        public Settings(
                boolean lexicalAlternatives,
                double lexicalAlternativeWeight,
                SemanticRanker.Texts semanticTexts,
                QuerySpans spans,
                double spanWeight,
                Fusion fusion,
                double lexicalWeight,
                int rrfK,
                int lexicalDepth) {
            this(
                    lexicalAlternatives,
                    lexicalAlternativeWeight,
                    semanticTexts,
                    spans,
                    spanWeight,
                    fusion,
                    lexicalWeight,
                    rrfK,
                    lexicalDepth,
                    0);
        }

        /** Whether the fused score takes ESCO's reuse levels into account (linear fusion only, as evaluated). */
        boolean usesReusePrior() {
            return fusion == Fusion.LINEAR && reusePrior != 0;
        }

        public Settings withReusePrior(double newReusePrior) {
            return new Settings(
                    lexicalAlternatives,
                    lexicalAlternativeWeight,
                    semanticTexts,
                    spans,
                    spanWeight,
                    fusion,
                    lexicalWeight,
                    rrfK,
                    lexicalDepth,
                    newReusePrior);
        }

        public Settings with(Fusion newFusion, double newLexicalWeight) {
            return new Settings(
                    lexicalAlternatives,
                    lexicalAlternativeWeight,
                    semanticTexts,
                    spans,
                    spanWeight,
                    newFusion,
                    newLexicalWeight,
                    rrfK,
                    lexicalDepth,
                    reusePrior);
        }

        public Settings withSpans(QuerySpans newSpans, double newSpanWeight) {
            return new Settings(
                    lexicalAlternatives,
                    lexicalAlternativeWeight,
                    semanticTexts,
                    newSpans,
                    newSpanWeight,
                    fusion,
                    lexicalWeight,
                    rrfK,
                    lexicalDepth,
                    reusePrior);
        }
    }

    private final Catalogue catalogue;
    private final Settings settings;
    private final LexicalRanker lexical;
    private final @Nullable SemanticRanker semantic;
    private final @Nullable LexicalRanker spanish;
    private final @Nullable Language language;
    /** Each concept's reuse-level prior ({@link SkillStructure#reusePriorOf}), read when the settings use it. */
    private volatile float @Nullable [] reusePrior;

    /** {@code semantic} may be absent while vectors are computed; the settings must then be lexical. */
    public SuggestionEngine(
            Catalogue catalogue, Settings settings, LexicalRanker lexical, @Nullable SemanticRanker semantic) {
        this(catalogue, settings, lexical, semantic, null);
    }

    /**
     * With a second lexical ranker over the same concepts' Spanish labels ({@link SpanishLabels}): a concept's lexical
     * score for Spanish text is its better BM25 of the two, so Spanish reaches the concepts through ESCO's own
     * translations; English text is ranked against English labels only.
     */
    public SuggestionEngine(
            Catalogue catalogue,
            Settings settings,
            LexicalRanker lexical,
            @Nullable SemanticRanker semantic,
            @Nullable LexicalRanker spanish) {
        if (semantic == null && settings.fusion() != Fusion.LEXICAL) {
            throw new IllegalArgumentException("Without a semantic ranker only lexical fusion works");
        }
        this.catalogue = catalogue;
        this.settings = settings;
        this.lexical = lexical;
        this.semantic = semantic;
        this.spanish = spanish;
        this.language = spanish == null ? null : new Language(lexical.catalogue(), spanish.catalogue());
        this.reusePrior = settings.usesReusePrior() ? SkillStructure.reusePriorOf(catalogue) : null;
    }

    private SuggestionEngine(SuggestionEngine other, Settings settings) {
        this.catalogue = other.catalogue;
        this.settings = settings;
        this.lexical = other.lexical;
        this.semantic = other.semantic;
        this.spanish = other.spanish;
        this.language = other.language;
        this.reusePrior = other.reusePrior;
        if (semantic == null && settings.fusion() != Fusion.LEXICAL) {
            throw new IllegalArgumentException("Without a semantic ranker only lexical fusion works");
        }
    }

    /** Whether the engine takes this text for Spanish (and ranks it against the Spanish labels too). */
    public boolean readsAsSpanish(String text) {
        Language language = this.language;
        return language != null && language.spanish(text);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Settings settings() {
        return settings;
    }

    public LexicalRanker lexical() {
        return lexical;
    }

    /** A new engine over the same indexes with other fusion or span settings (for the evaluation). */
    public SuggestionEngine with(Settings other) {
        return new SuggestionEngine(this, other);
    }

    /** The best {@code top} concepts that pass the filter, best first. */
    public List<Suggestion> suggest(String text, int top, ConceptFilter filter) {
        Scored scored = score(text, filter);
        Integer[] order = scored.order();
        List<Suggestion> out = new ArrayList<>();
        double best = order.length == 0 ? 0 : scored.fused[order[0]];
        Calibration calibration = Calibration.forSkills(settings);
        for (int i = 0; i < order.length && out.size() < top; i++) {
            int c = order[i];
            out.add(new Suggestion(
                    catalogue.get(c),
                    scored.fused[c],
                    scored.lexical[c],
                    scored.semantic[c] == Float.NEGATIVE_INFINITY ? 0 : scored.semantic[c],
                    calibration == null ? Double.NaN : calibration.probability(scored.fused[c], best)));
        }
        return out;
    }

    /** Every concept that passes the filter, best first (the evaluation ranks all of them). */
    public int[] rankAll(String text, ConceptFilter filter) {
        return Arrays.stream(score(text, filter).order())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private record Scored(boolean[] allowed, double[] fused, double[] lexical, float[] semantic) {
        Integer[] order() {
            return IntStream.range(0, fused.length)
                    .filter(c -> allowed[c] && fused[c] > Double.NEGATIVE_INFINITY)
                    .boxed()
                    .sorted(Comparator.<Integer>comparingDouble(c -> -fused[c]).thenComparingInt(c -> c))
                    .toArray(Integer[]::new);
        }
    }

    private Scored score(String text, ConceptFilter filter) {
        int n = catalogue.size();
        boolean[] allowed = new boolean[n];
        for (int c = 0; c < n; c++) {
            allowed[c] = filter.accepts(catalogue.get(c));
        }
        double[] lexicalScores = new double[n];
        int[] lexicalRank = new int[n];
        Arrays.fill(lexicalRank, Integer.MAX_VALUE);
        double bestLexical = 0;
        if (settings.fusion() != Fusion.SEMANTIC) {
            List<LexicalRanker.Hit> hits = lexicalHits(text, filter);
            for (int r = 0; r < hits.size(); r++) {
                LexicalRanker.Hit hit = hits.get(r);
                lexicalScores[hit.concept()] = hit.score();
                lexicalRank[hit.concept()] = r + 1;
                bestLexical = Math.max(bestLexical, hit.score());
            }
        }
        float[] semanticScores = new float[n];
        if (settings.fusion() != Fusion.LEXICAL) {
            semanticScores = semanticScores(text);
        }
        double[] fused = new double[n];
        switch (settings.fusion()) {
            case LEXICAL -> {
                for (int c = 0; c < n; c++) {
                    fused[c] = lexicalRank[c] == Integer.MAX_VALUE ? Double.NEGATIVE_INFINITY : lexicalScores[c];
                }
            }
            case SEMANTIC -> {
                for (int c = 0; c < n; c++) {
                    fused[c] = semanticScores[c];
                }
            }
            case LINEAR -> {
                double w = settings.lexicalWeight();
                for (int c = 0; c < n; c++) {
                    double lex = bestLexical > 0 ? lexicalScores[c] / bestLexical : 0;
                    fused[c] = semanticScores[c] == Float.NEGATIVE_INFINITY
                            ? w * lex
                            : w * lex + (1 - w) * semanticScores[c];
                }
            }
            case RRF -> {
                int[] semanticRank = ranks(semanticScores, allowed);
                double w = settings.lexicalWeight();
                int k = settings.rrfK();
                for (int c = 0; c < n; c++) {
                    double lex = lexicalRank[c] == Integer.MAX_VALUE ? 0 : w / (k + lexicalRank[c]);
                    double sem = semanticRank[c] == Integer.MAX_VALUE ? 0 : (1 - w) / (k + semanticRank[c]);
                    fused[c] = lex + sem;
                }
            }
        }
        if (settings.usesReusePrior()) {
            addReusePrior(fused);
        }
        return new Scored(allowed, fused, lexicalScores, semanticScores);
    }

    /**
     * Adds {@code reusePrior} × the concept's ESCO reuse level (transversal 1, cross-sector 2/3, sector-specific 1/3,
     * occupation-specific or not ESCO 0): of two concepts a sentence matches equally, job ads far more often mean the
     * widely reused one (SkillStructureCrossValidation: 14 % of the gold skills are transversal, 3 % of ESCO's).
     */
    private void addReusePrior(double[] fused) {
        float[] prior = this.reusePrior;
        if (prior == null) { // an engine made with other settings, then switched to these with with(Settings)
            prior = SkillStructure.reusePriorOf(catalogue);
            this.reusePrior = prior;
        }
        double weight = settings.reusePrior();
        for (int c = 0; c < fused.length; c++) {
            if (fused[c] > Double.NEGATIVE_INFINITY) {
                fused[c] += weight * prior[c];
            }
        }
    }

    /**
     * BM25 hits, best first; for Spanish text with Spanish labels at hand, each concept's better score of the two
     * languages (English labels still catch tool names and loanwords: "MIG", "Python").
     */
    private List<LexicalRanker.Hit> lexicalHits(String text, ConceptFilter filter) {
        List<LexicalRanker.Hit> english = lexical.rank(text, filter, settings.lexicalDepth());
        LexicalRanker spanish = this.spanish;
        if (spanish == null || !readsAsSpanish(text)) {
            return english;
        }
        Map<Integer, Double> best = new HashMap<>();
        for (LexicalRanker.Hit hit : english) {
            best.merge(hit.concept(), hit.score(), Math::max);
        }
        for (LexicalRanker.Hit hit : spanish.rank(text, filter, settings.lexicalDepth())) {
            best.merge(hit.concept(), hit.score(), Math::max);
        }
        return best.entrySet().stream()
                .map(e -> new LexicalRanker.Hit(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(LexicalRanker.Hit::score)
                        .reversed()
                        .thenComparingInt(LexicalRanker.Hit::concept))
                .limit(settings.lexicalDepth())
                .toList();
    }

    /** The best similarity of each concept to the whole text or (weighted) to one of its spans. */
    private float[] semanticScores(String text) {
        SemanticRanker semantic = this.semantic;
        if (semantic == null) {
            throw new IllegalStateException("Checked in the constructor");
        }
        List<String> queries = new ArrayList<>();
        queries.add(text);
        queries.addAll(settings.spans().of(text));
        List<float[]> vectors = semantic.encodeQueries(queries);
        float[] best = semantic.scores(vectors.getFirst());
        float spanWeight = (float) settings.spanWeight();
        for (int q = 1; q < vectors.size(); q++) {
            float[] scores = semantic.scores(vectors.get(q));
            for (int c = 0; c < best.length; c++) {
                best[c] = Math.max(best[c], scores[c] * spanWeight);
            }
        }
        return best;
    }

    private static int[] ranks(float[] scores, boolean[] allowed) {
        Integer[] order = IntStream.range(0, scores.length)
                .filter(c -> allowed[c] && scores[c] > Float.NEGATIVE_INFINITY)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -scores[c]))
                .toArray(Integer[]::new);
        int[] rank = new int[scores.length];
        Arrays.fill(rank, Integer.MAX_VALUE);
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }
}

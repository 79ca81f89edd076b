package org.openler.skills.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * Job titles to ESCO occupations (and, through the crosswalk, O*NET-SOC occupations). A title is short and noisy ("RN
 * – night shift", "Senior Java Developer (Remote)"): it is cleaned (brackets and employment terms dropped, a few
 * common abbreviations spelled out), cut into segments at dashes and bars, and every segment is ranked by BM25 over
 * the occupations' labels in English (EnglishAnalyzer) and in Spanish (SpanishAnalyzer); an occupation scores as its
 * best label over all segments and both languages; a title read as Spanish leans on the Spanish labels ({@link
 * Spanish}). The score returned is a calibrated probability that the
 * occupation is the right one (a logistic fit on cross-validated evaluation folds, see docs/skill-mapping.md), fitted
 * apart for titles read as Spanish ({@link Calibration#TITLES_SPANISH}).
 * Immutable and thread-safe once built.
 */
public final class TitleIndex {

    /**
     * Every choice the title mapper makes; {@link #DEFAULT} was chosen by cross-validation on the JobBERT titles.
     *
     * @param alternativeWeight how much an alternative or hidden label counts against the preferred one
     * @param clean whether titles are cleaned and cut into segments first
     * @param pooledWeight weight of the BM25 of all an occupation's labels pooled as one text
     * @param semanticWeight weight of the model's cosine in the linear fusion (0: lexical only)
     * @param exactBoost added, times the best score, to an occupation one of whose labels the title (or a segment)
     *     is exactly
     * @param onet how O*NET's job titles count as synonyms of the ESCO occupations they are linked to
     * @param prior which structural prior, if any, is added (weight in {@code priorWeight})
     * @param priorWeight weight of the prior, times the best score
     */
    public record Settings(
            double alternativeWeight,
            boolean clean,
            double pooledWeight,
            double semanticWeight,
            double exactBoost,
            Onet onet,
            Prior prior,
            double priorWeight) {
        public static final Settings DEFAULT =
                new Settings(1.0, true, 0.6, 0.65, 1.0, new Onet(1.0, 1.0, 0.75, 0), Prior.NONE, 0);
        /** The best setting without a model, chosen the same way. */
        public static final Settings LEXICAL =
                new Settings(0.85, true, 0.9, 0, 1.0, new Onet(1.0, 1.0, 0.25, 0), Prior.NONE, 0);

        public Settings(
                double alternativeWeight,
                boolean clean,
                double pooledWeight,
                double semanticWeight,
                double exactBoost) {
            this(alternativeWeight, clean, pooledWeight, semanticWeight, exactBoost, Onet.NONE, Prior.NONE, 0);
        }

        public Settings(double alternativeWeight, boolean clean, double pooledWeight, double semanticWeight) {
            this(alternativeWeight, clean, pooledWeight, semanticWeight, 0);
        }

        public Settings(double alternativeWeight, boolean clean) {
            this(alternativeWeight, clean, 0, 0, 0);
        }

        public Settings withOnet(Onet onet) {
            return new Settings(
                    alternativeWeight, clean, pooledWeight, semanticWeight, exactBoost, onet, prior, priorWeight);
        }

        public Settings withPrior(Prior prior, double priorWeight) {
            return new Settings(
                    alternativeWeight, clean, pooledWeight, semanticWeight, exactBoost, onet, prior, priorWeight);
        }

        public Settings withSemanticWeight(double semanticWeight) {
            return new Settings(
                    alternativeWeight, clean, pooledWeight, semanticWeight, exactBoost, onet, prior, priorWeight);
        }
    }

    /**
     * O*NET's titles ({@link OnetTitles}) as a discounted synonym field: an occupation adds {@code weight} × the best
     * BM25 of the titles of an O*NET occupation linked to it, times 1 for an exact crosswalk match, {@code close} for
     * a close one and {@code broad} for a broader or narrower one; a title that is exactly an O*NET title adds {@code
     * exact} × the exact-label boost, with the same discount.
     */
    public record Onet(double weight, double close, double broad, double exact) {
        public static final Onet NONE = new Onet(0, 0, 0, 0);

        double discount(OnetTitles.Match match) {
            return switch (match) {
                case EXACT -> 1;
                case CLOSE -> close;
                case BROAD_OR_NARROW -> broad;
            };
        }
    }

    /**
     * How a title that {@link Language} reads as Spanish is ranked, relative to the settings: the bundled model is
     * English-only and ESCO's English labels meet Spanish text only through shared words and cognates.
     *
     * @param semantic factor on the settings' model weight
     * @param english factor on the BM25 of the English labels (the Spanish labels count in full)
     * @param pooled weight, times the settings' pooled weight, of the BM25 of an occupation's Spanish labels pooled
     *     as one text (the pooled English labels count as for any title)
     * @param stemmedExact whether the exact-label boost also applies when the title and a Spanish label are the same
     *     words after Spanish stemming (plural and feminine forms: "camareras" is the label "camarero")
     */
    public record Spanish(double semantic, double english, double pooled, boolean stemmedExact) {
        /** Spanish titles ranked like English ones (the mapper until 2026-12-07). */
        public static final Spanish AS_ENGLISH = new Spanish(1, 1, 0, false);

        /**
         * Chosen by cross-validation on held-out ESCO Spanish labels ({@code SpanishTitleEvaluation}, never MELO): the
         * model at three quarters of its weight, English labels at a quarter (their cognates and Spanish function
         * words such as "de" mislead), the pooled Spanish labels at three times the pooled weight, and plural and
         * feminine forms matched exactly. The same weighing is as good for the lexical fallback.
         */
        public static final Spanish DEFAULT = new Spanish(0.75, 0.25, 3, true);
    }

    /**
     * What the taxonomy itself says about how commonly an occupation is named, scaled to [0, 1]: generic, common
     * occupations are what vacancies name.
     */
    public enum Prior {
        NONE,
        /** ln(1 + the number of ESCO alternative and hidden labels) */
        LABELS,
        /** ln(1 + the number of essential skills ESCO lists) */
        ESSENTIAL_SKILLS,
        /** whether the crosswalk has an exact O*NET match for it */
        ONET_EXACT
    }

    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}");
    private static final Pattern SEGMENT_BREAK = Pattern.compile("\\s[-–—|/]\\s|[|,;:]|\\s[–—]|[–—]\\s");
    /** Words about the contract, the schedule or the ad, not the occupation. */
    private static final Set<String> NOISE = Set.of(
            "urgent",
            "urgently",
            "hiring",
            "immediate",
            "immediately",
            "vacancy",
            "vacancies",
            "wanted",
            "needed",
            "required",
            "job",
            "jobs",
            "position",
            "opening",
            "night",
            "day",
            "days",
            "shift",
            "shifts",
            "weekend",
            "weekends",
            "full",
            "part",
            "time",
            "fulltime",
            "full-time",
            "parttime",
            "part-time",
            "contract",
            "temporary",
            "temp",
            "permanent",
            "remote",
            "hybrid",
            "onsite",
            "on-site",
            "sr",
            "sr.",
            "jr",
            "jr.",
            "senior",
            "junior",
            "entry",
            "level",
            "experienced",
            "fresh",
            "graduate",
            "graduates",
            "welcome",
            "new",
            "i",
            "ii",
            "iii",
            "iv",
            "1",
            "2",
            "3");
    /** Common abbreviations of job titles, spelled out (ESCO's labels spell them out). */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("rn", "general care nurse"), // a registered nurse: ESCO's nurse responsible for general care
            Map.entry("lpn", "practical nurse"),
            Map.entry("lvn", "vocational nurse"),
            Map.entry("cna", "nursing assistant"),
            Map.entry("hr", "human resources"),
            Map.entry("it", "ICT"),
            Map.entry("qa", "quality assurance"),
            Map.entry("qc", "quality control"),
            Map.entry("swe", "software engineer"),
            Map.entry("sde", "software developer"),
            Map.entry("dev", "developer"),
            Map.entry("devops", "devops engineer"),
            Map.entry("pm", "project manager"),
            Map.entry("ceo", "chief executive officer"),
            Map.entry("cfo", "chief financial officer"),
            Map.entry("cto", "chief technology officer"),
            Map.entry("admin", "administrative"),
            Map.entry("exec", "executive"),
            Map.entry("mgr", "manager"),
            Map.entry("asst", "assistant"),
            Map.entry("acct", "accountant"),
            Map.entry("engr", "engineer"),
            Map.entry("tech", "technician"),
            Map.entry("cdl", "truck driver"),
            Map.entry("hvac", "heating ventilation air conditioning"),
            Map.entry("bi", "business intelligence"),
            // common Malay job words (Malaysian boards mix them into English titles), their dictionary translations
            Map.entry("kilang", "factory"),
            Map.entry("jenama", "brand"),
            Map.entry("duta", "ambassador"),
            Map.entry("pembantu", "assistant"),
            Map.entry("kerani", "clerk"),
            Map.entry("pemandu", "driver"),
            Map.entry("pengurus", "manager"),
            Map.entry("penyelia", "supervisor"),
            Map.entry("juruteknik", "technician"),
            Map.entry("jurutera", "engineer"),
            Map.entry("jurujual", "salesperson"),
            Map.entry("jururawat", "nurse"),
            Map.entry("akauntan", "accountant"),
            Map.entry("pekerja", "worker"),
            Map.entry("pengawal", "guard"),
            Map.entry("keselamatan", "security"),
            Map.entry("pencuci", "cleaner"),
            Map.entry("tukang", "craftsman"),
            Map.entry("masak", "cook"),
            Map.entry("guru", "teacher"),
            Map.entry("jualan", "sales"),
            Map.entry("pentadbiran", "administration"),
            Map.entry("gudang", "warehouse"));

    private final OccupationCatalogue occupations;
    private final Settings settings;
    private final Calibration calibration;
    /** For titles read as Spanish and weighed by {@link Spanish#DEFAULT}, which raises their raw scores. */
    private final Calibration spanishCalibration;

    private final LexicalRanker english;
    private final LexicalRanker spanish;
    private final @Nullable LexicalRanker pooled;
    /** The Spanish labels pooled per occupation, for titles read as Spanish. */
    private final @Nullable LexicalRanker pooledSpanish;

    private final Spanish forSpanish;
    /** Every Spanish label as its Spanish-stemmed words, to the occupations it names ({@link Spanish#stemmedExact}). */
    private final Map<String, Set<Integer>> stemmed = new HashMap<>();

    private final @Nullable SemanticRanker semantic;
    /** Every label, normalised, to the occupations it names: a title that is exactly a label is strong evidence. */
    private final Map<String, Set<Integer>> exact = new HashMap<>();
    /** O*NET's titles and their BM25 index, when the settings use them. */
    private final @Nullable OnetTitles onetTitles;

    private final @Nullable LexicalRanker onet;
    /** Every O*NET title, normalised, to the O*NET occupations (positions in {@code onetTitles}) it names. */
    private final Map<String, Set<Integer>> exactOnet = new HashMap<>();

    private final Map<Prior, double[]> priors = new ConcurrentHashMap<>();
    /**
     * Whether a title reads as Spanish: O*NET's titles are English synonyms, and matched against Spanish text they
     * pull it toward unrelated occupations through shared words and cognates (MELO's Spanish titles: MRR 0.374 without
     * them, 0.312 with them, docs/skill-mapping.md); and a Spanish title is weighed by {@link Spanish}.
     */
    private final Language language;

    public TitleIndex(OccupationCatalogue occupations, Settings settings, Calibration calibration) {
        this(occupations, settings, calibration, null);
    }

    /**
     * With a semantic ranker over the occupations' labels (same positions), fused linearly when the settings give it
     * a weight.
     */
    public TitleIndex(
            OccupationCatalogue occupations,
            Settings settings,
            Calibration calibration,
            @Nullable SemanticRanker semantic) {
        this(
                occupations,
                settings,
                calibration,
                semantic,
                Spanish.DEFAULT,
                SpanishLabels.translate(occupations.catalogue()));
    }

    /** With the weighing of Spanish titles and the Spanish labels given (the evaluation holds some labels out). */
    TitleIndex(
            OccupationCatalogue occupations,
            Settings settings,
            Calibration calibration,
            @Nullable SemanticRanker semantic,
            Spanish forSpanish,
            Catalogue spanishLabels) {
        this.occupations = occupations;
        this.semantic = semantic;
        this.forSpanish = forSpanish;
        for (Catalogue labels : List.of(occupations.catalogue(), spanishLabels)) {
            index(labels, exact);
        }
        this.pooled = settings.pooledWeight() > 0 ? new LexicalRanker(pooled(occupations.catalogue()), false, 1) : null;
        this.settings = settings;
        this.calibration = calibration;
        // fitted for the default weighing only: a Spanish title weighed otherwise keeps the calibration given
        this.spanishCalibration =
                forSpanish.equals(Spanish.DEFAULT) ? Calibration.forSpanishTitles(calibration) : calibration;
        this.english = new LexicalRanker(occupations.catalogue(), true, settings.alternativeWeight());
        this.spanish = new LexicalRanker(spanishLabels, true, settings.alternativeWeight(), new SpanishAnalyzer());
        this.pooledSpanish = settings.pooledWeight() > 0 && forSpanish.pooled() > 0
                ? new LexicalRanker(pooled(spanishLabels), false, 1, new SpanishAnalyzer())
                : null;
        if (forSpanish.stemmedExact()) {
            for (int c = 0; c < spanishLabels.size(); c++) {
                Concept concept = spanishLabels.get(c);
                for (String label : concept.alternativeLabels()) {
                    addStemmed(label, c);
                }
                for (String form : concept.preferredLabel().split("/")) {
                    addStemmed(form, c);
                }
            }
        }
        if (settings.onet().weight() > 0 || settings.onet().exact() > 0) {
            OnetTitles titles = OnetTitles.bundled(occupations.catalogue());
            this.onetTitles = titles;
            this.onet = new LexicalRanker(titles.codes(), true, 1);
            index(titles.codes(), exactOnet);
        } else {
            this.onetTitles = null;
            this.onet = null;
        }
        this.language = new Language(occupations.catalogue(), spanishLabels);
    }

    private void addStemmed(String label, int concept) {
        String key = stemmed(label);
        if (!key.isEmpty()) {
            stemmed.computeIfAbsent(key, k -> new HashSet<>()).add(concept);
        }
    }

    /** The words of a Spanish text as the Spanish ranker analyses them (stemmed, no stop words), in order. */
    private String stemmed(String text) {
        return String.join(" ", spanish.terms(text));
    }

    private static void index(Catalogue labels, Map<String, Set<Integer>> exact) {
        for (int c = 0; c < labels.size(); c++) {
            Concept concept = labels.get(c);
            exact.computeIfAbsent(normalised(concept.preferredLabel()), k -> new HashSet<>())
                    .add(c);
            for (String label : concept.alternativeLabels()) {
                exact.computeIfAbsent(normalised(label), k -> new HashSet<>()).add(c);
            }
        }
    }

    /** ESCO's occupations from openler-data, lexical only (no model): what answers until the vectors are ready. */
    public static TitleIndex bundled() {
        return lexical(OccupationCatalogue.bundled());
    }

    static TitleIndex lexical(OccupationCatalogue occupations) {
        return new TitleIndex(occupations, Settings.LEXICAL, Calibration.TITLES_LEXICAL);
    }

    /**
     * ESCO's occupations from openler-data with the default settings: the lexical ranking fused with the encoder's
     * similarity to each occupation's preferred label (3,007 vectors, computed into the store on first use).
     */
    public static TitleIndex bundled(TextEncoder encoder, VectorStore store) {
        OccupationCatalogue occupations = OccupationCatalogue.bundled();
        SemanticRanker semantic = SemanticRanker.build(
                occupations.catalogue(), new SemanticRanker.Texts(false, 1, false, 1), encoder, store, p -> {});
        return new TitleIndex(occupations, Settings.DEFAULT, Calibration.TITLES, semantic);
    }

    /** Whether a model's similarity is part of the ranking. */
    public boolean semantic() {
        return semantic != null && settings.semanticWeight() > 0;
    }

    public OccupationCatalogue occupations() {
        return occupations;
    }

    /** The best {@code top} occupations for the title, best first; none when no word of it names an occupation. */
    public List<TitleSuggestion> suggest(String title, int top) {
        Parts parts = parts(title, vector(title));
        double[] raw = combine(parts, settings);
        // the same reading of the language as the weighing: its raw scores go with its calibration
        Calibration calibration = parts.spanish() ? spanishCalibration : this.calibration;
        Integer[] order = order(raw);
        double best = order.length == 0 ? 0 : raw[order[0]];
        List<TitleSuggestion> out = new ArrayList<>();
        for (int i = 0; i < order.length && out.size() < top; i++) {
            int c = order[i];
            Concept concept = occupations.catalogue().get(c);
            out.add(new TitleSuggestion(
                    concept.uri(),
                    occupations.onet().get(c),
                    concept.preferredLabel(),
                    calibration.probability(raw[c], best)));
        }
        return out;
    }

    /** Positions of every occupation with a score, best first (the evaluation ranks them all). */
    int[] rankAll(String title) {
        double[] raw = scores(title);
        return Arrays.stream(order(raw)).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Each occupation's raw score: its best label's BM25 over the title's segments and both languages (plus, if set,
     * the BM25 of all its labels pooled as one text, and the cosine similarity of the title to its labels).
     */
    double[] scores(String title) {
        return scores(title, vector(title));
    }

    /** The title's vector when the model is part of the ranking. */
    private float @Nullable [] vector(String title) {
        SemanticRanker semantic = this.semantic;
        return semantic != null && settings.semanticWeight() > 0
                ? semantic.encodeQueries(List.of(segments(title).getFirst())).getFirst()
                : null;
    }

    /** The same with the title's vector given (the evaluation computes vectors once for all settings). */
    double[] scores(String title, float @Nullable [] vector) {
        return combine(parts(title, vector), settings);
    }

    /**
     * The evidence for each occupation before it is weighed: best-label BM25 (over segments and languages), pooled
     * BM25, O*NET-title BM25 by kind of crosswalk link, the model's cosine, and the exact label and title matches.
     * What the settings weigh is kept apart so the evaluation can try many weights on one pass over the titles.
     */
    record Parts(
            double[] labels,
            double[] spanishLabels,
            double[] pooled,
            double[] pooledSpanish,
            double[] onetExact,
            double[] onetClose,
            double[] onetBroad,
            double @Nullable [] cosine,
            List<Integer> exactLabels,
            List<Integer> stemmedLabels,
            List<OnetTitles.Link> exactOnet,
            boolean spanish) {

        Parts withCosine(double @Nullable [] cosine) {
            return new Parts(
                    labels,
                    spanishLabels,
                    pooled,
                    pooledSpanish,
                    onetExact,
                    onetClose,
                    onetBroad,
                    cosine,
                    exactLabels,
                    stemmedLabels,
                    exactOnet,
                    spanish);
        }
    }

    Parts parts(String title, float @Nullable [] vector) {
        int n = occupations.catalogue().size();
        List<String> segments = segments(title);
        boolean spanishTitle = language.spanish(title);
        double[] best = bestOver(english, segments, n);
        double[] bestSpanish = bestOver(spanish, segments, n);
        double[] add = bestOver(pooled, segments, n);
        double[] addSpanish = bestOver(spanishTitle ? pooledSpanish : null, segments, n);
        double[][] byMatch = new double[OnetTitles.Match.values().length][n];
        List<OnetTitles.Link> exactOnet = new ArrayList<>();
        LexicalRanker onet = this.onet;
        OnetTitles onetTitles = this.onetTitles;
        Language language = this.language;
        if (onet != null && onetTitles != null && !spanishTitle) {
            for (String segment : segments) {
                for (LexicalRanker.Hit hit : onet.rank(segment, ConceptFilter.ANY, 50)) {
                    for (OnetTitles.Link link : onetTitles.links().get(hit.concept())) {
                        double[] field = byMatch[link.match().ordinal()];
                        field[link.occupation()] = Math.max(field[link.occupation()], hit.score());
                    }
                }
                for (int code : exactOnet(segment)) {
                    exactOnet.addAll(onetTitles.links().get(code));
                }
            }
        }
        double[] cosine = null;
        SemanticRanker semantic = this.semantic;
        if (semantic != null && vector != null) {
            float[] f = semantic.scores(vector);
            cosine = new double[n];
            for (int c = 0; c < n; c++) {
                cosine[c] = f[c];
            }
        }
        List<Integer> exactLabels = new ArrayList<>();
        List<Integer> stemmedLabels = new ArrayList<>();
        for (String segment : segments) {
            Set<Integer> matches = exact.getOrDefault(normalised(segment), Set.of());
            exactLabels.addAll(matches);
            if (spanishTitle && !stemmed.isEmpty()) {
                // an occupation the segment already names exactly is not boosted twice
                stemmed.getOrDefault(stemmed(segment), Set.of()).stream()
                        .filter(c -> !matches.contains(c))
                        .forEach(stemmedLabels::add);
            }
        }
        return new Parts(
                best,
                bestSpanish,
                add,
                addSpanish,
                byMatch[0],
                byMatch[1],
                byMatch[2],
                cosine,
                exactLabels,
                stemmedLabels,
                exactOnet,
                spanishTitle);
    }

    /** Each occupation's best BM25 over the segments (none without a ranker). */
    private static double[] bestOver(@Nullable LexicalRanker ranker, List<String> segments, int n) {
        double[] best = new double[n];
        if (ranker != null) {
            for (String segment : segments) {
                for (LexicalRanker.Hit hit : ranker.rank(segment, ConceptFilter.ANY, 100)) {
                    best[hit.concept()] = Math.max(best[hit.concept()], hit.score());
                }
            }
        }
        return best;
    }

    private Set<Integer> exactOnet(String segment) {
        return exactOnet.getOrDefault(normalised(segment), Set.of());
    }

    /** Each occupation's raw score from its evidence, weighed as the settings say. */
    double[] combine(Parts parts, Settings settings) {
        return combine(parts, settings, forSpanish);
    }

    /** The same with the weighing of Spanish titles given (the evaluation tries several on one pass). */
    double[] combine(Parts parts, Settings settings, Spanish forSpanish) {
        int n = parts.labels().length;
        double[] best = new double[n];
        Onet o = settings.onet();
        Spanish s = parts.spanish() ? forSpanish : Spanish.AS_ENGLISH;
        for (int c = 0; c < n; c++) {
            double onet = Math.max(
                    parts.onetExact()[c], Math.max(o.close() * parts.onetClose()[c], o.broad() * parts.onetBroad()[c]));
            best[c] = Math.max(s.english() * parts.labels()[c], parts.spanishLabels()[c])
                    + settings.pooledWeight() * (parts.pooled()[c] + s.pooled() * parts.pooledSpanish()[c])
                    + o.weight() * onet;
        }
        double[] cosine = parts.cosine();
        double w = settings.semanticWeight() * s.semantic();
        if (cosine != null && w > 0) {
            double top = max(best);
            for (int c = 0; c < n; c++) {
                double lexical = top > 0 ? best[c] / top : 0;
                // kept on the BM25 scale of the best hit, so the calibration sees comparable numbers
                best[c] = Math.max(0, (1 - w) * lexical + w * cosine[c]) * Math.max(top, 1);
            }
        }
        if (settings.prior() != Prior.NONE && settings.priorWeight() > 0) {
            double[] prior = prior(settings.prior());
            double scale = Math.max(max(best), 1);
            for (int c = 0; c < n; c++) {
                if (best[c] > 0) {
                    best[c] += settings.priorWeight() * prior[c] * scale;
                }
            }
        }
        if (settings.exactBoost() > 0) {
            double top = max(best);
            for (int c : parts.exactLabels()) {
                best[c] += settings.exactBoost() * top;
            }
            if (s.stemmedExact()) {
                for (int c : parts.stemmedLabels()) {
                    best[c] += settings.exactBoost() * top;
                }
            }
            for (OnetTitles.Link link : parts.exactOnet()) {
                best[link.occupation()] += settings.exactBoost() * o.exact() * o.discount(link.match()) * top;
            }
        }
        return best;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The prior of each occupation, in [0, 1]. */
    double[] prior(Prior kind) {
        return priors.computeIfAbsent(kind, k -> Priors.of(k, occupations));
    }

    /** Each occupation with all its labels as one text: words many of its labels share weigh more. */
    private static Catalogue pooled(Catalogue catalogue) {
        return new Catalogue(catalogue.concepts().stream()
                .map(c -> new Concept(
                        c.key(),
                        c.uri(),
                        c.framework(),
                        c.preferredLabel() + "\n" + String.join("\n", c.alternativeLabels()),
                        List.of(),
                        "",
                        c.kind()))
                .toList());
    }

    private static Integer[] order(double[] raw) {
        List<Integer> positive = new ArrayList<>();
        for (int c = 0; c < raw.length; c++) {
            if (raw[c] > 0) {
                positive.add(c);
            }
        }
        positive.sort((x, y) -> raw[x] != raw[y] ? Double.compare(raw[y], raw[x]) : Integer.compare(x, y));
        return positive.toArray(Integer[]::new);
    }

    /** The title cleaned, and its segments: the texts that are ranked. */
    List<String> segments(String title) {
        if (!settings.clean()) {
            return List.of(title);
        }
        String text = BRACKETS.matcher(title).replaceAll(" ");
        Set<String> segments = new LinkedHashSet<>();
        String whole = clean(text);
        if (!whole.isEmpty()) {
            segments.add(whole);
        }
        for (String part : SEGMENT_BREAK.split(text)) {
            String cleaned = clean(part);
            if (!cleaned.isEmpty()) {
                segments.add(cleaned);
            }
        }
        if (segments.isEmpty()) {
            segments.add(title); // nothing but noise words: rank what was typed
        }
        return List.copyOf(segments);
    }

    private static String normalised(String label) {
        return label.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    private static String clean(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("[\\s/&+]+")) {
            String w = word.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.]+$", "");
            if (w.isEmpty() || NOISE.contains(w)) {
                continue;
            }
            words.add(ABBREVIATIONS.getOrDefault(w, word));
        }
        return String.join(" ", words);
    }
}

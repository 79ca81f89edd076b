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
 * best label over all segments and both languages. The score returned is a calibrated probability that the
 * occupation is the right one (a logistic fit on cross-validated evaluation folds, see docs/skill-mapping.md).
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
    private final LexicalRanker english;
    private final LexicalRanker spanish;
    private final @Nullable LexicalRanker pooled;
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
     * them, 0.312 with them, docs/skill-mapping.md).
     */
    private final @Nullable Language language;

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
        this.occupations = occupations;
        this.semantic = semantic;
        Catalogue spanishLabels = SpanishLabels.translate(occupations.catalogue());
        for (Catalogue labels : List.of(occupations.catalogue(), spanishLabels)) {
            index(labels, exact);
        }
        this.pooled = settings.pooledWeight() > 0 ? new LexicalRanker(pooled(occupations.catalogue()), false, 1) : null;
        this.settings = settings;
        this.calibration = calibration;
        this.english = new LexicalRanker(occupations.catalogue(), true, settings.alternativeWeight());
        this.spanish = new LexicalRanker(spanishLabels, true, settings.alternativeWeight(), new SpanishAnalyzer());
        if (settings.onet().weight() > 0 || settings.onet().exact() > 0) {
            OnetTitles titles = OnetTitles.bundled(occupations.catalogue());
            this.onetTitles = titles;
            this.onet = new LexicalRanker(titles.codes(), true, 1);
            index(titles.codes(), exactOnet);
            this.language = new Language(occupations.catalogue(), spanishLabels);
        } else {
            this.onetTitles = null;
            this.onet = null;
            this.language = null;
        }
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
        double[] raw = scores(title);
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
        SemanticRanker semantic = this.semantic;
        float[] vector = semantic != null && settings.semanticWeight() > 0
                ? semantic.encodeQueries(List.of(segments(title).getFirst())).getFirst()
                : null;
        return scores(title, vector);
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
            double[] pooled,
            double[] onetExact,
            double[] onetClose,
            double[] onetBroad,
            double @Nullable [] cosine,
            List<Integer> exactLabels,
            List<OnetTitles.Link> exactOnet) {

        Parts withCosine(double @Nullable [] cosine) {
            return new Parts(labels, pooled, onetExact, onetClose, onetBroad, cosine, exactLabels, exactOnet);
        }
    }

    Parts parts(String title, float @Nullable [] vector) {
        int n = occupations.catalogue().size();
        double[] best = new double[n];
        List<String> segments = segments(title);
        for (String segment : segments) {
            for (LexicalRanker ranker : List.of(english, spanish)) {
                for (LexicalRanker.Hit hit : ranker.rank(segment, ConceptFilter.ANY, 100)) {
                    best[hit.concept()] = Math.max(best[hit.concept()], hit.score());
                }
            }
        }
        double[] add = new double[n];
        LexicalRanker pooled = this.pooled;
        if (pooled != null) {
            for (String segment : segments) {
                for (LexicalRanker.Hit hit : pooled.rank(segment, ConceptFilter.ANY, 100)) {
                    add[hit.concept()] = Math.max(add[hit.concept()], hit.score());
                }
            }
        }
        double[][] byMatch = new double[OnetTitles.Match.values().length][n];
        List<OnetTitles.Link> exactOnet = new ArrayList<>();
        LexicalRanker onet = this.onet;
        OnetTitles onetTitles = this.onetTitles;
        Language language = this.language;
        if (onet != null && onetTitles != null && (language == null || !language.spanish(title))) {
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
        for (String segment : segments) {
            exactLabels.addAll(exact.getOrDefault(normalised(segment), Set.of()));
        }
        return new Parts(best, add, byMatch[0], byMatch[1], byMatch[2], cosine, exactLabels, exactOnet);
    }

    private Set<Integer> exactOnet(String segment) {
        return exactOnet.getOrDefault(normalised(segment), Set.of());
    }

    /** Each occupation's raw score from its evidence, weighed as the settings say. */
    double[] combine(Parts parts, Settings settings) {
        int n = parts.labels().length;
        double[] best = new double[n];
        Onet o = settings.onet();
        for (int c = 0; c < n; c++) {
            double onet = Math.max(
                    parts.onetExact()[c], Math.max(o.close() * parts.onetClose()[c], o.broad() * parts.onetBroad()[c]));
            best[c] = parts.labels()[c] + settings.pooledWeight() * parts.pooled()[c] + o.weight() * onet;
        }
        double[] cosine = parts.cosine();
        if (cosine != null && settings.semanticWeight() > 0) {
            double top = max(best);
            double w = settings.semanticWeight();
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

package org.openler.platform.jobs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Match;
import org.openler.platform.skills.TitleMapper;
import org.openler.skills.suggest.TitleSuggestion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The title ranking jobs use: the skills feature's cross-validated title mapper (ESCO occupation labels in English
 * and Spanish, carried to O*NET-SOC through the crosswalk, with calibrated scores) fused with the search over O*NET's
 * own titles and alternate titles ({@link TitleSearchSuggester}), which knows O*NET occupations the crosswalk misses.
 *
 * <p>The two are combined as independent evidence (a noisy-OR): confidence = 1 − (1 − m)(1 − s/2), where m is the
 * mapper's calibrated score for the occupation (the estimated chance it is right; 0 where it did not find it) and s the
 * search's relative confidence, counted at half because it is not calibrated. Occupations are ranked by that
 * confidence, so the order and the confidence shown always agree.
 */
@Component
@Primary
class MappedTitleSuggester implements OccupationSuggester {

    private final TitleMapper mapper;
    private final TitleSearchSuggester search;
    private final OnetOccupations onet;
    private final Competencies competencies;
    private final Spread spread;
    private final OnetExactTitles exactTitles;
    /** The crosswalk's matches of each suggested ESCO occupation, read once per framework import. */
    private final Map<URI, List<Match>> crosswalk = new ConcurrentHashMap<>();

    /**
     * How an ESCO suggestion's score reaches O*NET: all of it to the catalogue's one code (the baseline before the
     * fix); divided among all crosswalk counterparts by the strength of each match; or divided by that strength times
     * the O*NET title search's evidence for each counterpart, an exact O*NET title counting as full search evidence
     * (what is used).
     */
    enum Spread {
        ONE,
        CROSSWALK,
        SEARCH_INFORMED
    }

    /** The share a counterpart the title search did not find still gets, against the search's confidence (0–1). */
    static final double UNSEARCHED = 0.1;

    @Autowired
    MappedTitleSuggester(
            TitleMapper mapper,
            TitleSearchSuggester search,
            OnetOccupations onet,
            Competencies competencies,
            OnetExactTitles exactTitles) {
        this(mapper, search, onet, competencies, exactTitles, Spread.SEARCH_INFORMED);
    }

    /** With another way of spreading, for the evaluation ({@code TitleRankingIT}). */
    MappedTitleSuggester(
            TitleMapper mapper,
            TitleSearchSuggester search,
            OnetOccupations onet,
            Competencies competencies,
            OnetExactTitles exactTitles,
            Spread spread) {
        this.exactTitles = exactTitles;
        this.spread = spread;
        this.competencies = competencies;
        this.mapper = mapper;
        this.search = search;
        this.onet = onet;
    }

    @Override
    public List<OccupationSuggestion> suggest(String title, int top) {
        int depth = Math.max(top * 2, 10);
        Map<String, Fused> fused = new LinkedHashMap<>();
        List<OccupationSuggestion> searched = new ArrayList<>(search.suggest(title, depth));
        if (spread == Spread.SEARCH_INFORMED) {
            // O*NET's own title, typed exactly: the strongest search evidence (shared when several occupations have it)
            List<String> exact = exactTitles.codes(TitleWords.of(title));
            for (String code : exact) {
                searched.add(new OccupationSuggestion(code, 1.0 / exact.size(), "O*NET title (exact)"));
            }
        }
        Map<String, Double> searchedBy = new LinkedHashMap<>();
        searched.forEach(s -> searchedBy.merge(s.onetCode(), s.confidence(), Math::max));
        for (TitleSuggestion s : mapper.suggest(title, depth)) {
            for (Map.Entry<String, Double> counterpart :
                    counterparts(s, searchedBy).entrySet()) {
                String code = counterpart.getKey();
                Fused f = fused.computeIfAbsent(code, Fused::new);
                double share = s.score() * counterpart.getValue();
                if (share > f.mapperScore) {
                    f.mapperScore = share;
                    f.matchedBy = "ESCO: " + s.label();
                }
            }
        }
        for (OccupationSuggestion s : searched) {
            Fused f = fused.computeIfAbsent(s.onetCode(), Fused::new);
            if (s.confidence() > f.searchConfidence) {
                f.searchConfidence = s.confidence();
                if (f.matchedBy.isEmpty()) {
                    f.matchedBy = s.matchedBy();
                }
            }
        }
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Fused::confidence).reversed().thenComparing(f -> f.code));
        List<OccupationSuggestion> out = new ArrayList<>();
        for (Fused f : ranked.subList(0, Math.min(top, ranked.size()))) {
            out.add(new OccupationSuggestion(
                    f.code, Math.round(Math.clamp(f.confidence(), 0, 1) * 1000) / 1000.0, f.matchedBy));
        }
        return out;
    }

    /**
     * The O*NET occupations an ESCO suggestion stands for, each with its share of the suggestion's score. The
     * crosswalk often names several ("welder" is a close match of 51-2041 Structural Metal Fabricators and of 51-4122
     * machine welders, a broad one of 51-4121 Welders, Cutters, Solderers, and Brazers); the mapper's catalogue keeps
     * only the first strongest, which made the ESCO evidence for "Welder" all land on 51-2041. The score (the chance
     * the ESCO occupation is right) is divided among its counterparts in proportion to the strength of each match
     * (exact or close 1, broad or narrow {@value #LOOSE}) times the O*NET title search's confidence in each (plus
     * {@value #UNSEARCHED}, so a counterpart the search missed keeps a little), so its total is kept and the O*NET
     * title search decides between them. An occupation without crosswalk rows of its own (the catalogue reached its code through a broader
     * ESCO occupation or ISCO group) keeps its one code at the full score.
     */
    @EventListener
    void on(FrameworkImported imported) {
        crosswalk.clear();
    }

    private Map<String, Double> counterparts(TitleSuggestion s, Map<String, Double> searched) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Match match : spread == Spread.ONE
                ? List.<Match>of()
                : crosswalk.computeIfAbsent(s.uri(), u -> List.copyOf(competencies.matches(u)))) {
            String code = TitleSearchSuggester.code(match.uri().toString());
            double weight = switch (match.relation()) {
                case "exact", "close" -> 1.0;
                case "broad", "narrow" -> LOOSE;
                default -> 0;
            };
            if (code != null && weight > 0) {
                code = current(code);
                if (spread == Spread.SEARCH_INFORMED) {
                    weight *= UNSEARCHED + searched.getOrDefault(code, 0.0);
                }
                weights.merge(code, weight, Math::max);
            }
        }
        if (weights.isEmpty()) {
            return s.onet().isBlank() || !JobInput.ONET_CODE.matcher(s.onet()).matches()
                    ? Map.of()
                    : Map.of(current(s.onet()), 1.0);
        }
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        weights.replaceAll((code, weight) -> weight / total);
        return weights;
    }

    /** The crosswalk names some occupations by older detailed codes that O*NET 29.3 folded into their parent. */
    private String current(String code) {
        return onet.byCodeOrParent(code).map(o -> o.code()).orElse(code);
    }

    /** The weight of a broad or narrow crosswalk match against an exact or close one's 1. */
    static final double LOOSE = 0.5;

    /** One O*NET occupation's evidence from the two rankings (0 where one did not find it). */
    private static final class Fused {
        final String code;
        double mapperScore;
        double searchConfidence;
        String matchedBy = "";

        Fused(String code) {
            this.code = code;
        }

        double confidence() {
            return 1 - (1 - mapperScore) * (1 - searchConfidence / 2);
        }
    }
}

package org.openler.platform.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.LabelSearch;
import org.openler.platform.skills.Match;
import org.springframework.stereotype.Component;

/**
 * Ranks occupations for a title with what the ontology has today: the lexical search over O*NET titles and alternate
 * titles, and over ESCO occupation labels carried to O*NET through the ESCO–O*NET crosswalk (an exact or close
 * match keeps 0.6 of the ESCO score, a broad or narrow one 0.45: a title that names the ESCO occupation names the
 * O*NET one less surely). The title is first reduced to its occupation words ({@link TitleWords}). An occupation keeps its best score. Confidence is the occupation's share of the evidence
 * among the candidates shown, with the best one's lead over the runner-up added to it — a relative measure, written
 * down in docs/jobs.md.
 */
@Component
class TitleSearchSuggester implements OccupationSuggester {

    static final String ONET_PREFIX = "https://www.onetonline.org/link/summary/";
    private static final int CANDIDATES = 20;

    private final LabelSearch search;
    private final Competencies competencies;

    TitleSearchSuggester(LabelSearch search, Competencies competencies) {
        this.search = search;
        this.competencies = competencies;
    }

    @Override
    public List<OccupationSuggestion> suggest(String typed, int top) {
        String title = TitleWords.of(typed);
        Map<String, Scored> best = new LinkedHashMap<>();
        for (LabelSearch.Hit hit : search.occupations(title, "onet", CANDIDATES)) {
            String code = code(hit.uri().toString());
            if (code != null) {
                best.merge(code, new Scored(code, hit.score(), "O*NET title"), TitleSearchSuggester::higher);
            }
        }
        for (LabelSearch.Hit hit : search.occupations(title, "esco", CANDIDATES / 2)) {
            for (Match match : competencies.matches(hit.uri())) {
                String code = code(match.uri().toString());
                if (code == null) {
                    continue;
                }
                double factor = switch (match.relation()) {
                    case "exact", "close" -> 0.6;
                    case "broad", "narrow" -> 0.45;
                    default -> 0;
                };
                if (factor > 0) {
                    best.merge(
                            code,
                            new Scored(code, hit.score() * factor, "ESCO: " + hit.label()),
                            TitleSearchSuggester::higher);
                }
            }
        }
        List<Scored> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::code));
        List<Scored> shown = ranked.subList(0, Math.min(top, ranked.size()));
        double total = shown.stream().mapToDouble(Scored::score).sum();
        List<OccupationSuggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Scored s = shown.get(i);
            double confidence = total <= 0 ? 0 : s.score() / total;
            if (i == 0 && shown.size() > 1) {
                double lead = (s.score() - shown.get(1).score()) / s.score();
                confidence = confidence + (1 - confidence) * lead;
            }
            suggestions.add(new OccupationSuggestion(
                    s.code(), Math.round(Math.clamp(confidence, 0, 1) * 1000) / 1000.0, s.matchedBy()));
        }
        return suggestions;
    }

    private record Scored(String code, double score, String matchedBy) {}

    private static Scored higher(Scored a, Scored b) {
        return a.score() >= b.score() ? a : b;
    }

    static @org.jspecify.annotations.Nullable String code(String uri) {
        if (!uri.startsWith(ONET_PREFIX)) {
            return null;
        }
        String code = uri.substring(ONET_PREFIX.length());
        return JobInput.ONET_CODE.matcher(code).matches() ? code : null;
    }
}

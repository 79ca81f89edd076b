package org.openler.platform.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openler.platform.skills.TitleMapper;
import org.openler.platform.skills.TitleSuggestion;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The title ranking jobs use: the skills feature's cross-validated title mapper (ESCO occupation labels in English
 * and Spanish, carried to O*NET-SOC through the crosswalk, with calibrated scores) fused with the search over O*NET's
 * own titles and alternate titles ({@link TitleSearchSuggester}), which knows O*NET occupations the crosswalk misses.
 *
 * <p>The two lists are fused by reciprocal rank (k = 10), which needs no common score scale. The confidence shown is
 * the mapper's calibrated score where the mapper found the occupation (the estimated chance it is right), else half
 * the search's relative confidence: an occupation only O*NET's titles found is shown as less certain.
 */
@Component
@Primary
class MappedTitleSuggester implements OccupationSuggester {

    private static final int RRF_K = 10;

    private final TitleMapper mapper;
    private final TitleSearchSuggester search;

    MappedTitleSuggester(TitleMapper mapper, TitleSearchSuggester search) {
        this.mapper = mapper;
        this.search = search;
    }

    @Override
    public List<OccupationSuggestion> suggest(String title, int top) {
        int depth = Math.max(top * 2, 10);
        Map<String, Fused> fused = new LinkedHashMap<>();
        int rank = 0;
        for (TitleSuggestion s : mapper.suggest(title, depth)) {
            String code = s.onet();
            if (code.isBlank() || !JobInput.ONET_CODE.matcher(code).matches()) {
                continue;
            }
            rank++;
            Fused f = fused.computeIfAbsent(code, Fused::new);
            if (f.mapperRank == 0) {
                f.mapperRank = rank;
                f.mapperScore = s.score();
                f.matchedBy = "ESCO: " + s.label();
            }
        }
        rank = 0;
        for (OccupationSuggestion s : search.suggest(title, depth)) {
            rank++;
            Fused f = fused.computeIfAbsent(s.onetCode(), Fused::new);
            if (f.searchRank == 0) {
                f.searchRank = rank;
                f.searchConfidence = s.confidence();
                if (f.matchedBy.isEmpty()) {
                    f.matchedBy = s.matchedBy();
                }
            }
        }
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Fused::rrf).reversed().thenComparing(f -> f.code));
        List<OccupationSuggestion> out = new ArrayList<>();
        for (Fused f : ranked.subList(0, Math.min(top, ranked.size()))) {
            double confidence = f.mapperRank > 0 ? f.mapperScore : f.searchConfidence / 2;
            out.add(new OccupationSuggestion(
                    f.code, Math.round(Math.clamp(confidence, 0, 1) * 1000) / 1000.0, f.matchedBy));
        }
        return out;
    }

    /** One O*NET occupation's places in the two lists (0 where a list does not have it). */
    private static final class Fused {
        final String code;
        int mapperRank;
        double mapperScore;
        int searchRank;
        double searchConfidence;
        String matchedBy = "";

        Fused(String code) {
            this.code = code;
        }

        double rrf() {
            return (mapperRank > 0 ? 1.0 / (RRF_K + mapperRank) : 0)
                    + (searchRank > 0 ? 1.0 / (RRF_K + searchRank) : 0);
        }
    }
}

package org.openler.platform.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openler.platform.skills.TitleMapper;
import org.openler.skills.suggest.TitleSuggestion;
import org.springframework.context.annotation.Primary;
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

    MappedTitleSuggester(TitleMapper mapper, TitleSearchSuggester search, OnetOccupations onet) {
        this.mapper = mapper;
        this.search = search;
        this.onet = onet;
    }

    @Override
    public List<OccupationSuggestion> suggest(String title, int top) {
        int depth = Math.max(top * 2, 10);
        Map<String, Fused> fused = new LinkedHashMap<>();
        for (TitleSuggestion s : mapper.suggest(title, depth)) {
            if (s.onet().isBlank() || !JobInput.ONET_CODE.matcher(s.onet()).matches()) {
                continue;
            }
            // the crosswalk names some occupations by older detailed codes that O*NET 29.3 folded into their parent
            String code = onet.byCodeOrParent(s.onet()).map(o -> o.code()).orElse(s.onet());
            Fused f = fused.computeIfAbsent(code, Fused::new);
            if (s.score() > f.mapperScore) {
                f.mapperScore = s.score();
                f.matchedBy = "ESCO: " + s.label();
            }
        }
        for (OccupationSuggestion s : search.suggest(title, depth)) {
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

package org.openler.platform.skills.suggest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.skills.SkillLabels;
import org.openler.skills.suggest.ConceptFilter;
import org.openler.skills.suggest.ConceptKind;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /skills/search} for people: a search box and the competencies and occupations it finds, each linked to its
 * page. The same address answers programs with JSON ({@link SkillSuggestApi}); a browser once got 406 here.
 */
@Controller
class SkillSearchPage {

    private static final int RESULTS = 30;

    /** One hit as the page shows it. */
    record Row(String label, String type, String framework, String href) {}

    private final SkillSuggestions suggestions;
    private final SkillLabels labels;

    SkillSearchPage(SkillSuggestions suggestions, SkillLabels labels) {
        this.suggestions = suggestions;
        this.labels = labels;
    }

    @GetMapping(value = "/skills/search", produces = MediaType.TEXT_HTML_VALUE)
    @Access(Audience.PUBLIC)
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String type,
            Locale locale,
            Model model) {
        String query = q.strip().length() > 1000 ? q.strip().substring(0, 1000) : q.strip();
        Optional<ConceptKind> kind = switch (type) {
            case "competency" -> Optional.of(ConceptKind.COMPETENCY);
            case "occupation" -> Optional.of(ConceptKind.OCCUPATION);
            default -> Optional.empty();
        };
        List<Row> rows = query.isEmpty()
                ? List.of()
                : suggestions.search(query, new ConceptFilter(kind, Optional.empty()), RESULTS).stream()
                        .map(suggestions::concept)
                        .map(c -> new Row(
                                labels.label(c.uri(), c.preferredLabel(), locale),
                                c.kind().slug(),
                                c.framework(),
                                "/skills/resolve?uri="
                                        + URLEncoder.encode(c.uri().toString(), StandardCharsets.UTF_8)))
                        .toList();
        model.addAttribute("q", query);
        model.addAttribute("type", kind.map(ConceptKind::slug).orElse(""));
        model.addAttribute("rows", rows);
        model.addAttribute("ready", suggestions.status().ready());
        return "skills/search";
    }
}

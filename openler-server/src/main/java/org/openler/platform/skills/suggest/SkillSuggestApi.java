package org.openler.platform.skills.suggest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.skills.suggest.Concept;
import org.openler.skills.suggest.ConceptFilter;
import org.openler.skills.suggest.ConceptKind;
import org.openler.skills.suggest.LexicalRanker;
import org.openler.skills.suggest.Suggestion;
import org.openler.standards.json.StrictJson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free text to competencies, and search over competencies and occupations. Public: they read the public ontology
 * only, change nothing, and are bounded by the request limits (body size) and by {@link SuggestProperties} (texts per
 * request, characters per text, results).
 */
@RestController
class SkillSuggestApi {

    private final SkillSuggestions suggestions;
    private final SuggestProperties limits;

    SkillSuggestApi(SkillSuggestions suggestions, SuggestProperties limits) {
        this.suggestions = suggestions;
        this.limits = limits;
    }

    /**
     * {@code {"texts": ["…", …], "top": 10, "framework": "esco"}} → {@code {"semantic": true, "results": [{"input":
     * …, "suggestions": [{"uri", "label", "framework", "score", "probability", "lexical", "semantic"},
     * …]}, …]}}; {@code probability} is the calibrated chance that the suggestion is right (cut at it, not at the score).
     */
    @PostMapping(
            value = "/skills/suggest",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, Object> suggest(@RequestBody byte[] body) {
        JsonObject request = parse(body);
        List<String> texts = SuggestRequests.texts(request, "texts", "text", limits);
        int top = SuggestRequests.top(request.get("top"), limits);
        Optional<String> framework = framework(
                request.get("framework") instanceof JsonString s ? s.getString() : null,
                request.containsKey("framework") && !(request.get("framework") instanceof JsonString));
        SkillSuggestions.Status status = suggestions.status();
        List<List<Suggestion>> ranked = suggestions.suggest(texts, top, framework);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Suggestion s : ranked.get(i)) {
                Map<String, Object> item = describe(s.concept());
                item.put("score", round(s.score()));
                if (!Double.isNaN(s.probability())) {
                    item.put("probability", round(s.probability()));
                }
                item.put("lexical", round(s.lexical()));
                item.put("semantic", round(s.semantic()));
                items.add(item);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("input", texts.get(i));
            result.put("suggestions", items);
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("semantic", status.semantic());
        answer.put("results", results);
        return answer;
    }

    /** {@code ?q=…&type=competency|occupation&framework=…&limit=…}: labels and alternative labels, stemmed. */
    @GetMapping(value = "/skills/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, Object> search(
            @RequestParam(name = "q", required = false) @Nullable String q,
            @RequestParam(name = "type", required = false) @Nullable String type,
            @RequestParam(name = "framework", required = false) @Nullable String framework,
            @RequestParam(name = "limit", required = false) @Nullable String limit) {
        String query = text(q == null ? "" : q);
        ConceptFilter filter = new ConceptFilter(kind(type), framework(framework, false));
        int n = limit == null ? 20 : number(limit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LexicalRanker.Hit hit : suggestions.search(query, filter, n)) {
            Map<String, Object> item = describe(suggestions.concept(hit));
            item.put("score", round(hit.score()));
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("query", query);
        answer.put("results", items);
        return answer;
    }

    /** Whether suggestions are ready, and how far the label vectors are. */
    @GetMapping(value = "/skills/suggest/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    SkillSuggestions.Status status() {
        return suggestions.status();
    }

    static Map<String, Object> describe(Concept concept) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", concept.uri().toString());
        item.put("label", concept.preferredLabel());
        item.put("framework", concept.framework());
        item.put("type", concept.kind().slug());
        return item;
    }

    private String text(String text) {
        return SuggestRequests.text(text, "text", limits);
    }

    private int number(String value) {
        try {
            return SuggestRequests.bounded(Long.parseLong(value.strip()), limits);
        } catch (NumberFormatException e) {
            throw new PlatformException(Problem.INVALID_INPUT, "\"limit\" must be a whole number.");
        }
    }

    private static Optional<ConceptKind> kind(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        for (ConceptKind kind : ConceptKind.values()) {
            if (kind.slug().equals(type.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        throw new PlatformException(Problem.INVALID_INPUT, "\"type\" is competency or occupation.");
    }

    private static Optional<String> framework(@Nullable String slug, boolean wrongType) {
        if (wrongType) {
            throw new PlatformException(Problem.INVALID_INPUT, "\"framework\" must be a framework's slug.");
        }
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        if (slug.length() > 100) {
            throw new PlatformException(Problem.INVALID_INPUT, "\"framework\" must be a framework's slug.");
        }
        return Optional.of(slug.strip());
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    private static JsonObject parse(byte[] body) {
        return StrictJson.parseObject(body);
    }
}

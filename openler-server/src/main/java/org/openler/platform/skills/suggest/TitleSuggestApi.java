package org.openler.platform.skills.suggest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.TitleMapper;
import org.openler.skills.suggest.TitleCommand;
import org.openler.standards.json.StrictJson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job titles to ESCO occupations with O*NET-SOC codes. Public like {@code /skills/suggest}: it reads the bundled
 * ontology only, changes nothing, and is bounded by {@link SuggestProperties} (titles per request, characters, top).
 */
@RestController
class TitleSuggestApi {

    private final TitleMapper titles;
    private final SuggestProperties limits;

    TitleSuggestApi(TitleMapper titles, SuggestProperties limits) {
        this.titles = titles;
        this.limits = limits;
    }

    /**
     * {@code {"titles": ["…", …], "top": 10}} → {@code {"results": [{"input": …, "suggestions": [{"uri", "onet",
     * "label", "score"}, …]}, …]}}, the same objects {@code ./openler titles suggest} writes.
     */
    @PostMapping(
            value = "/skills/titles/suggest",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, Object> suggest(@RequestBody byte[] body) {
        JsonObject request = StrictJson.parseObject(body);
        if (!(request.get("titles") instanceof JsonArray array) || array.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Send {\"titles\": [\"…\"]} with at least one title.");
        }
        if (array.size() > limits.maxTexts()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT, "At most " + limits.maxTexts() + " titles in one request.");
        }
        int top = 10;
        JsonValue t = request.get("top");
        if (t != null) {
            if (!(t instanceof JsonNumber number) || !number.isIntegral()) {
                throw new PlatformException(Problem.INVALID_INPUT, "\"top\" must be a whole number.");
            }
            if (number.longValue() < 1 || number.longValue() > limits.maxTop()) {
                throw new PlatformException(Problem.INVALID_INPUT, "Between 1 and " + limits.maxTop() + " results.");
            }
            top = number.intValue();
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString title) || title.getString().isBlank()) {
                throw new PlatformException(Problem.INVALID_INPUT, "Every title must be a non-empty JSON string.");
            }
            String text = title.getString().strip();
            if (text.length() > limits.maxTextLength()) {
                throw new PlatformException(
                        Problem.INVALID_INPUT, "A title is limited to " + limits.maxTextLength() + " characters.");
            }
            results.add(TitleCommand.answer(text, titles.suggest(text, top)));
        }
        return Map.of("results", results);
    }
}

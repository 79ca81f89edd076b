package org.openler.platform.skills.suggest;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
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
        List<String> texts = SuggestRequests.texts(request, "titles", "title", limits);
        int top = SuggestRequests.top(request.get("top"), limits);
        List<Map<String, Object>> results = new ArrayList<>();
        for (String text : texts) {
            results.add(TitleCommand.answer(text, titles.suggest(text, top)));
        }
        return Map.of("results", results);
    }
}

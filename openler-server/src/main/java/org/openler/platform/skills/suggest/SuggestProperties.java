package org.openler.platform.skills.suggest;

import java.util.List;
import org.openler.skills.suggest.OnnxTextEncoder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.skills.suggest.*}: which frameworks' competencies get label vectors (the semantic ranker), the model,
 * and the limits of one API request.
 *
 * @param background compute missing vectors in the background after start and after an import (tests turn it off)
 * @param semanticFrameworks framework slugs whose competencies are embedded; others are ranked lexically only
 * @param model the embedding model ({@code all-minilm-l6-v2-q} or {@code bge-small-en-v1.5-q})
 * @param embedThreads threads that compute vectors in the background
 * @param maxTexts texts in one request
 * @param maxTextLength characters in one text
 * @param maxTop suggestions per text, and search results per page
 */
@ConfigurationProperties("openler.skills.suggest")
public record SuggestProperties(
        @DefaultValue("true") boolean background,
        List<String> semanticFrameworks,
        String model,
        int embedThreads,
        int maxTexts,
        int maxTextLength,
        int maxTop) {

    public SuggestProperties {
        semanticFrameworks = semanticFrameworks == null ? List.of("esco") : List.copyOf(semanticFrameworks);
        model = model == null || model.isBlank() ? OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q.id() : model;
        embedThreads = embedThreads <= 0 ? 1 : embedThreads;
        maxTexts = maxTexts <= 0 ? 20 : maxTexts;
        maxTextLength = maxTextLength <= 0 ? 1000 : maxTextLength;
        maxTop = maxTop <= 0 ? 50 : maxTop;
    }
}

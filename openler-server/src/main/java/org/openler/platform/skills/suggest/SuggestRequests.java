package org.openler.platform.skills.suggest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;

/**
 * What the suggest endpoints read from a request alike, within {@link SuggestProperties}: the list of texts (skills'
 * free texts, or job titles) and how many results each wants.
 */
final class SuggestRequests {

    private SuggestRequests() {}

    /** {@code name}: one JSON string at least and {@code maxTexts} at most, each read by {@link #text}. */
    static List<String> texts(JsonObject request, String name, String noun, SuggestProperties limits) {
        if (!(request.get(name) instanceof JsonArray array) || array.isEmpty()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT, "Send {\"" + name + "\": [\"…\"]} with at least one " + noun + ".");
        }
        if (array.size() > limits.maxTexts()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT, "At most " + limits.maxTexts() + " " + name + " in one request.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString text)) {
                throw new PlatformException(Problem.INVALID_INPUT, "Every " + noun + " must be a JSON string.");
            }
            texts.add(text(text.getString(), noun, limits));
        }
        return texts;
    }

    /** One text, stripped: not empty, and at most {@code maxTextLength} characters. */
    static String text(String text, String noun, SuggestProperties limits) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "A " + noun + " must not be empty.");
        }
        if (stripped.length() > limits.maxTextLength()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT, "A " + noun + " is limited to " + limits.maxTextLength() + " characters.");
        }
        return stripped;
    }

    /** {@code "top"}: a whole number of results from 1 to {@code maxTop}; 10 when not given. */
    static int top(@Nullable JsonValue value, SuggestProperties limits) {
        if (value == null) {
            return 10;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new PlatformException(Problem.INVALID_INPUT, "\"top\" must be a whole number.");
        }
        return bounded(number.longValue(), limits);
    }

    static int bounded(long n, SuggestProperties limits) {
        if (n < 1 || n > limits.maxTop()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Between 1 and " + limits.maxTop() + " results.");
        }
        return (int) n;
    }
}

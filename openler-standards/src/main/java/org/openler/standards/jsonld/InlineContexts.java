package org.openler.standards.jsonld;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * The inline {@code @context} objects a document may carry beside the bundled context URLs (VC DM 2.0 §4.3 allows
 * objects after the first URL). One is accepted only when it cannot reach past the document or lock terms for the
 * contexts after it: it imports nothing ({@code @import}, or a scoped {@code @context} naming a URL, anywhere inside
 * it) and protects nothing ({@code @protected}). Redefining a term a bundled context protects fails in JSON-LD
 * processing itself.
 */
final class InlineContexts {

    private InlineContexts() {}

    /**
     * @throws StandardsException CONTEXT_NOT_ALLOWED naming what the inline context does that is not allowed
     */
    static void check(JsonObject context) {
        walk(context, "@context");
    }

    /**
     * The context an inline item stands for. An item that wraps its definition in an {@code @context} entry (
     * {@code {"@context": {...}}}, as a context document does) is that definition, as jsonld.js reads it: other entries
     * beside the wrapper's {@code @context} are ignored there too, and a wrapped value that is not an object is refused.
     */
    static JsonObject dereference(JsonObject context) {
        if (!context.containsKey("@context")) {
            return context;
        }
        if (context.get("@context") instanceof JsonObject definition) {
            return definition;
        }
        throw new StandardsException(
                Code.CONTEXT_NOT_ALLOWED,
                "An inline @context that wraps its definition in @context needs an object there");
    }

    private static void walk(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                String key = member.getKey();
                String where = path + "/" + key;
                if (key.equals("@import")) {
                    throw refused(where, "imports another context");
                }
                if (key.equals("@protected")) {
                    throw refused(where, "protects terms");
                }
                if (key.equals("@context") && containsString(member.getValue())) {
                    throw refused(where, "names a context by URL");
                }
                walk(member.getValue(), where);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), path + "/" + i);
            }
        }
    }

    private static boolean containsString(JsonValue value) {
        return value instanceof JsonString
                || (value instanceof JsonArray array && array.stream().anyMatch(v -> v instanceof JsonString));
    }

    private static StandardsException refused(String where, String what) {
        return new StandardsException(
                Code.CONTEXT_NOT_ALLOWED,
                "An inline @context is accepted only when it imports nothing and protects no term; " + where + " "
                        + what);
    }
}

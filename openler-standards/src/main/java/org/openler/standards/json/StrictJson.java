package org.openler.standards.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * A strict front for the glassfish parser. It refuses, with a precise reason, bodies over the byte limit (before
 * parsing), nesting over the depth limit (as soon as it is reached, so a 10,000-deep body costs nothing), and duplicate
 * keys, which glassfish would silently resolve to the last value while other parsers take the first: a signature
 * checked over one reading must not be shown with the other.
 */
public final class StrictJson {

    private static final JsonProvider PROVIDER = Jsons.PROVIDER;

    private StrictJson() {}

    /** Parses a JSON object with the default limits. */
    public static JsonObject parseObject(byte[] body) {
        return parseObject(body, JsonLimits.DEFAULT);
    }

    /** Parses a JSON object with the default limits. */
    public static JsonObject parseObject(String body) {
        return parseObject(body.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
    }

    /**
     * Parses a JSON object.
     *
     * @throws StandardsException TOO_LARGE, TOO_DEEP, DUPLICATE_KEY or MALFORMED_JSON
     */
    public static JsonObject parseObject(byte[] body, JsonLimits limits) {
        return parseAs(body, limits, JsonObject.class, "object");
    }

    /**
     * Parses a JSON array with the given limits (an SD-JWT disclosure is one).
     *
     * @throws StandardsException TOO_LARGE, TOO_DEEP, DUPLICATE_KEY or MALFORMED_JSON
     */
    public static JsonArray parseArray(byte[] body, JsonLimits limits) {
        return parseAs(body, limits, JsonArray.class, "array");
    }

    private static <T extends JsonValue> T parseAs(byte[] body, JsonLimits limits, Class<T> type, String name) {
        if (body.length > limits.maxBytes()) {
            throw new StandardsException(
                    Code.TOO_LARGE,
                    "The JSON body has " + body.length + " bytes; at most " + limits.maxBytes() + " are accepted");
        }
        JsonValue value = parse(body, limits);
        if (!type.isInstance(value)) {
            throw new StandardsException(
                    Code.MALFORMED_JSON, "Expected a JSON " + name + ", found " + value.getValueType());
        }
        return type.cast(value);
    }

    /** Serializes compactly (no whitespace), keeping member order. */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = PROVIDER.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    private static JsonValue parse(byte[] body, JsonLimits limits) {
        // Each open container: either an object builder (with its keys seen so far) or an array builder.
        Deque<Object> builders = new ArrayDeque<>();
        Deque<Set<String>> keys = new ArrayDeque<>();
        Deque<String> pendingKey = new ArrayDeque<>();
        JsonValue root = null;
        try (JsonParser parser = PROVIDER.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (builders.size() + 1 > limits.maxDepth()) {
                            throw new StandardsException(
                                    Code.TOO_DEEP,
                                    "JSON nesting exceeds " + limits.maxDepth() + " levels at " + where(parser));
                        }
                        if (event == JsonParser.Event.START_OBJECT) {
                            builders.push(PROVIDER.createObjectBuilder());
                            keys.push(new HashSet<>());
                        } else {
                            builders.push(PROVIDER.createArrayBuilder());
                        }
                    }
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!keys.peek().add(key)) {
                            throw new StandardsException(
                                    Code.DUPLICATE_KEY, "Duplicate JSON key \"" + key + "\" at " + where(parser));
                        }
                        pendingKey.push(key);
                    }
                    case END_OBJECT -> {
                        keys.pop();
                        JsonValue done = ((JsonObjectBuilder) builders.pop()).build();
                        root = add(builders, pendingKey, done, root);
                    }
                    case END_ARRAY -> {
                        JsonValue done = ((JsonArrayBuilder) builders.pop()).build();
                        root = add(builders, pendingKey, done, root);
                    }
                    case VALUE_STRING, VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                        root = add(builders, pendingKey, parser.getValue(), root);
                }
            }
        } catch (JsonParsingException e) {
            throw new StandardsException(Code.MALFORMED_JSON, "Malformed JSON: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new StandardsException(Code.MALFORMED_JSON, "Malformed JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new StandardsException(Code.MALFORMED_JSON, "Malformed JSON: the body is empty");
        }
        return root;
    }

    private static JsonValue add(Deque<Object> builders, Deque<String> pendingKey, JsonValue value, JsonValue root) {
        Object parent = builders.peek();
        if (parent == null) {
            return value;
        }
        if (parent instanceof JsonObjectBuilder object) {
            object.add(pendingKey.pop(), value);
        } else {
            ((JsonArrayBuilder) parent).add(value);
        }
        return root;
    }

    private static String where(JsonParser parser) {
        JsonLocation location = parser.getLocation();
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }
}

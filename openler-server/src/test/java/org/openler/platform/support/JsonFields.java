package org.openler.platform.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests parse JSON instead of matching substrings of it: these helpers read a body and find a field's values
 * wherever it stands in the document (the root, a nested object, an array's objects), which is what a test that
 * looked for {@code "verified":true} in the text meant, without depending on spacing or key order.
 */
public final class JsonFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFields() {}

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Every object in the document that has {@code field}, the root first, depth first. */
    public static List<JsonNode> objectsWith(String body, String field) {
        List<JsonNode> found = new ArrayList<>();
        collect(json(body), field, found);
        return found;
    }

    /** The string values of {@code field} wherever it stands in the document. */
    public static List<String> strings(String body, String field) {
        return objectsWith(body, field).stream()
                .map(o -> o.get(field))
                .filter(JsonNode::isString)
                .map(JsonNode::asString)
                .toList();
    }

    /** The boolean values of {@code field} wherever it stands in the document. */
    public static List<Boolean> booleans(String body, String field) {
        return objectsWith(body, field).stream()
                .map(o -> o.get(field))
                .filter(JsonNode::isBoolean)
                .map(JsonNode::booleanValue)
                .toList();
    }

    /** Whether the document says {@code "verified": true} somewhere (a verification report, or one in a list). */
    public static boolean verified(String body) {
        return booleans(body, "verified").contains(true);
    }

    private static void collect(JsonNode node, String field, List<JsonNode> found) {
        if (node.isObject() && node.has(field)) {
            found.add(node);
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                collect(child, field, found);
            }
        }
    }
}

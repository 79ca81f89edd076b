package org.openler.skills.sources;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the generic readers: strict (duplicate keys refused), bounded depth, and helpers for JSON-LD values. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    static JsonNode parse(byte[] bytes, String what) {
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new SourceException("The " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A plain string, or the English (else the first) value of a JSON-LD language map, or "". */
    static String text(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "" : text(node.get(0));
        }
        if (node.isObject()) {
            for (String lang : List.of("en", "en-us", "en-US", "en-GB")) {
                if (node.has(lang)) {
                    return text(node.get(lang));
                }
            }
            if (node.has("@value")) {
                return text(node.get("@value"));
            }
            var values = node.values().iterator();
            return values.hasNext() ? text(values.next()) : "";
        }
        return "";
    }

    /** The identifiers in a JSON-LD reference value: "x", {"@id": "x"} or arrays of those. */
    static List<String> ids(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> ids.addAll(ids(n)));
        } else if (node.isString()) {
            ids.add(node.asString());
        } else if (node.isObject() && node.path("@id").isString()) {
            ids.add(node.path("@id").asString());
        }
        return ids;
    }

    /** Every string in a value that may be a string, a language map, or arrays of those. */
    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.addAll(texts(n)));
        } else if (node.isString()) {
            texts.add(node.asString());
        } else if (node.isObject()) {
            node.values().forEach(n -> texts.addAll(texts(n)));
        }
        return texts;
    }
}

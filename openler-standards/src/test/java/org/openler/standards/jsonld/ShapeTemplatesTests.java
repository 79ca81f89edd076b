package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openler.standards.Fixtures;
import org.openler.standards.verify.TamperMatrixTests;
import org.openler.standards.verify.TamperMatrixTests.Golden;

/**
 * Canonicalization from a shape's recorded quads must give exactly what the full JSON-LD path gives, for every value
 * a document of that shape may carry. Each golden credential of the tamper matrix (did:key and did:web badges, with
 * and without status, CLRs, a status list credential) has every string replaced, one at a time, by values that expand
 * differently: a longer one, an IRI that is not absolute, a relative IRI, another scheme, a term of the vocabulary,
 * and the document's own id (two nodes that become one). Each variant is canonicalized twice through the templates
 * (the second time certainly from one) and once fully; the answers, or the errors, must be the same.
 */
class ShapeTemplatesTests {

    private static final List<String> REPLACEMENTS = List.of(
            "urn:uuid:has a space",
            "relative/path",
            "did:example:123456789abcdefghi",
            "https:no-slashes",
            "https://other.example/x#y",
            "assertionMethod",
            "authentication",
            "Course",
            "2020-01-01T00:00:00Z",
            "");

    record Variant(String name, JsonObject document) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        List<Golden> goldens = TamperMatrixTests.goldens();
        for (Golden golden : goldens) {
            if (!golden.name().endsWith(" 0")
                    && !golden.name().endsWith(" 1")
                    && !golden.name().startsWith("status")) {
                continue;
            }
            JsonObject credential = golden.credential();
            variants.add(new Variant(golden.name(), credential));
            String ownId = credential.getString("id", "urn:uuid:missing");
            collect(credential, "", UnaryOperator.identity(), ownId, golden.name(), variants);
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aTemplateGivesWhatTheFullPathGives(Variant variant) {
        Object full = outcome(() -> Canonicalizer.canonicalizeFully(variant.document()));
        Object first = outcome(() -> Canonicalizer.canonicalize(variant.document()));
        Object second = outcome(() -> Canonicalizer.canonicalize(variant.document()));
        assertThat(first).isEqualTo(full);
        assertThat(second).isEqualTo(full);
    }

    @Test
    void credentialsOfOneShapeAreCanonicalizedFromTheTemplate() {
        JsonObject badge = TamperMatrixTests.goldens().get(1).credential();
        long before = Canonicalizer.shapeReplays();
        for (int i = 0; i < 6; i++) {
            JsonObject another = Json.createObjectBuilder(badge)
                    .add("id", "urn:uuid:00000000-0000-4000-8000-10000000000" + i)
                    .add("name", "Badge number " + i)
                    .build();
            assertThat(Canonicalizer.canonicalize(another)).isEqualTo(Canonicalizer.canonicalizeFully(another));
        }
        // The first is seen once and the second builds the template (its own quads come from it too): at least five.
        assertThat(Canonicalizer.shapeReplays() - before).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aConformanceFixtureSeenTwiceIsCanonicalizedAlikeBothTimes() throws Exception {
        JsonObject document = Fixtures.json("/org/openler/standards/conformance/1edtech/clr20/simple.json");
        String full = Canonicalizer.canonicalizeFully(document);
        assertThat(Canonicalizer.canonicalize(document)).isEqualTo(full);
        assertThat(Canonicalizer.canonicalize(document)).isEqualTo(full);
    }

    @Test
    void theSlotClassIsWhatDecidesIriExpansion() {
        // A prefix no bundled context defines counts only as a well-formed scheme or not (JSON-LD looks it up as a
        // term).
        assertThat(Shapes.slotClass("https://demo.example/x")).isEqualTo(":scheme//");
        assertThat(Shapes.slotClass("urn:uuid:1")).isEqualTo(":scheme");
        assertThat(Shapes.slotClass("did:web:demo.example")).isEqualTo(":scheme");
        assertThat(Shapes.slotClass("2026-12-07T09:15:00Z")).isEqualTo(Shapes.slotClass("2025-01-31T23:59:59Z"));
        assertThat(Shapes.slotClass("2026-12-07T09:15:00Z")).isEqualTo(":not-a-scheme");
        assertThat(Shapes.slotClass("Course")).isEqualTo("-");
        assertThat(Shapes.slotClass(":odd")).isEqualTo("-");
        assertThat(Shapes.slotClass("_:b0")).isEqualTo("_");
        // With inline contexts in the document (terms Shapes does not know), every prefix stays as it is.
        assertThat(Shapes.slotClass("urn:uuid:1", true)).isEqualTo("urn");
        assertThat(Shapes.slotClass("https://demo.example/x", true)).isEqualTo("https//");
        // A prefix some bundled context defines stays as it is.
        String term =
                Shapes.TERMS.contains("xsd") ? "xsd" : Shapes.TERMS.iterator().next();
        assertThat(Shapes.slotClass(term + ":x")).isEqualTo(term);
        assertThat(Shapes.sentinel(":scheme//", 3))
                .startsWith(Shapes.MARK + "p://")
                .endsWith("s3e");
        assertThat(Shapes.sentinel(":not-a-scheme", 3)).startsWith("0" + Shapes.MARK + "p:");
        assertThat(Shapes.sentinel("https//", 3)).startsWith("https://").endsWith("s3e");
        assertThat(Shapes.sentinel("urn", 3)).startsWith("urn:").doesNotContain("//");
    }

    private static Object outcome(java.util.concurrent.Callable<String> canonicalization) {
        try {
            return canonicalization.call();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void collect(
            JsonValue node,
            String path,
            UnaryOperator<JsonValue> rebuild,
            String ownId,
            String golden,
            List<Variant> out) {
        if (node instanceof JsonObject object) {
            for (String key : object.keySet()) {
                if (key.equals("@context")) {
                    continue;
                }
                UnaryOperator<JsonValue> child = value -> rebuild.apply(
                        Json.createObjectBuilder(object).add(key, value).build());
                collect(object.get(key), path + "/" + key, child, ownId, golden, out);
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                UnaryOperator<JsonValue> child = value -> rebuild.apply(replaced(array, index, value));
                collect(array.get(i), path + "/" + i, child, ownId, golden, out);
            }
        } else if (node instanceof JsonString text) {
            List<String> values = new ArrayList<>(REPLACEMENTS);
            values.add(text.getString() + "x");
            values.add(ownId);
            for (String value : values) {
                out.add(new Variant(
                        golden + ": " + path + " = \"" + value + "\"",
                        rebuild.apply(Json.createValue(value)).asJsonObject()));
            }
        }
    }

    private static JsonArray replaced(JsonArray array, int index, JsonValue value) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        IntStream.range(0, array.size()).forEach(i -> builder.add(i == index ? value : array.get(i)));
        return builder.build();
    }
}

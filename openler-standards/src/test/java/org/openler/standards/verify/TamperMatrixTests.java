package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.standards.Fixtures.HOLDER_DID;
import static org.openler.standards.Fixtures.ISSUER_DID;
import static org.openler.standards.Fixtures.ISSUER_KEY;
import static org.openler.standards.Fixtures.NOW;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openler.standards.Fixtures;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.did.DidWeb;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusPurpose;

/**
 * For each golden credential signed here, every single-field mutation (each leaf value changed, each property deleted,
 * each array element deleted, a property added to each object) must be rejected: zero false accepts.
 */
public class TamperMatrixTests {

    private static final Did WEB_DID = DidWeb.forOrganization("demo.example", "demo-university");
    private static final Ed25519KeyPair WEB_KEY = Ed25519.fromSeed(Fixtures.seed(20));
    private static final URI LIST_URL = URI.create("https://demo.example/orgs/demo/status/1");

    private static final Verifier VERIFIER = Verifier.builder()
            .didResolver(DidResolvers.keyAndDocuments(
                    Map.of(WEB_DID, DidWeb.document(WEB_DID, List.of(WEB_KEY.publicKey())))))
            .statusLists(url -> RoundTripTests.signedList(BitstringStatusList.create()))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    public record Golden(String name, JsonObject credential) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Golden> goldens() {
        List<Golden> goldens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            goldens.add(new Golden("did:key badge " + i, didKeyBadge(i, Recipient.did(HOLDER_DID), Optional.empty())));
        }
        for (int i = 0; i < 6; i++) {
            goldens.add(new Golden(
                    "e-mail badge with status " + i,
                    didKeyBadge(
                            100 + i,
                            Recipient.email("learner" + i + "@example.org"),
                            Optional.of(new StatusEntry(LIST_URL, StatusPurpose.REVOCATION, 1000 + i)))));
        }
        for (int i = 0; i < 4; i++) {
            JsonObject unsigned = badge(200 + i, WEB_DID, Recipient.did(HOLDER_DID), Optional.empty());
            goldens.add(new Golden("did:web badge " + i, Fixtures.sign(unsigned, WEB_KEY, WEB_DID + "#key-1")));
        }
        for (int i = 0; i < 2; i++) {
            JsonObject clr = Credentials.clr()
                    .id(URI.create("urn:uuid:00000000-0000-4000-8000-00000000030" + i))
                    .name("Transcript " + i)
                    .issuer(new IssuerProfile(ISSUER_DID, "Demo University", Optional.empty()))
                    .recipient(Recipient.did(HOLDER_DID))
                    .validFrom(NOW.minusSeconds(60))
                    .add(didKeyBadge(300 + i, Recipient.did(HOLDER_DID), Optional.empty()))
                    .build();
            goldens.add(new Golden("CLR " + i, sign(clr)));
        }
        BitstringStatusList list = BitstringStatusList.create();
        list.set(5, true);
        goldens.add(new Golden("status list credential", RoundTripTests.signedList(list)));
        JsonObject vpCredentialHolder = didKeyBadge(400, Recipient.did(HOLDER_DID), Optional.empty());
        goldens.add(new Golden("badge with validUntil only far ahead", vpCredentialHolder));
        JsonObject withSchema = Json.createObjectBuilder(
                        badge(500, ISSUER_DID, Recipient.did(HOLDER_DID), Optional.empty()))
                .add(
                        "credentialSchema",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add(
                                                "id",
                                                "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
                                                        + "ob_v3p0_achievementcredential_schema.json")
                                        .add("type", "JsonSchema")))
                .build();
        goldens.add(new Golden("badge with a credentialSchema (OB 3.0.3)", sign(withSchema)));
        return goldens;
    }

    static Stream<Arguments> mutations() {
        return goldens().stream().flatMap(golden -> {
            List<Mutation> mutations = new ArrayList<>();
            collect(golden.credential(), "", UnaryOperator.identity(), mutations);
            return mutations.stream().map(m -> Arguments.of(golden, m));
        });
    }

    /** Per mutation class: how many mutations ran and how many were (falsely) accepted. Printed after the matrix. */
    private static final Map<Kind, int[]> TALLY = new java.util.concurrent.ConcurrentHashMap<>();

    @org.junit.jupiter.api.AfterAll
    static void reportTheCountPerMutationClass() {
        StringBuilder table = new StringBuilder("Tamper matrix, per mutation class (mutations / false accepts):\n");
        for (Kind kind : Kind.values()) {
            int[] counts = TALLY.getOrDefault(kind, new int[2]);
            table.append(String.format("  %-58s %6d / %d%n", kind.label, counts[0], counts[1]));
        }
        System.out.println(table);
    }

    @org.junit.jupiter.api.Test
    void everyMutationClassIsExercised() {
        Map<Kind, Long> counts = mutations()
                .map(a -> ((Mutation) a.get()[1]).kind())
                .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Kind.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void goldenCredentialVerifies(Golden golden) {
        assertThat(VERIFIER.verifyCredential(golden.credential()).failures()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastTwentyGoldenCredentialsAndThousandsOfMutations() {
        assertThat(goldens()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(mutations().count()).isGreaterThan(1000);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mutations")
    void everySingleFieldMutationIsRejected(Golden golden, Mutation mutation) {
        JsonObject mutated = (JsonObject) mutation.apply().apply(golden.credential());
        VerificationReport report = VERIFIER.verifyCredential(mutated);
        int[] counts = TALLY.computeIfAbsent(mutation.kind(), k -> new int[2]);
        synchronized (counts) {
            counts[0]++;
            if (report.verified()) {
                counts[1]++;
            }
        }
        assertThat(report.verified()).as("false accept of %s", mutation).isFalse();
        if (mutation.kind() == Kind.UNDEFINED_TYPE && !mutation.description().contains("/proof")) {
            // The signature still matches (the type never reached the signed bytes): only the lossless rule catches it.
            assertThat(report.failures()).as("%s", mutation).anySatisfy(f -> {
                assertThat(f.problemType()).isEqualTo(ProblemType.DATA_LOSS_DETECTION_ERROR);
                assertThat(f.message()).contains("type").contains("UndefinedType");
            });
        }
    }

    /** The classes of mutation the matrix applies, each to every place it fits. */
    enum Kind {
        CHANGE_VALUE("change a leaf value"),
        DELETE("delete a property or an array element"),
        ADD_PROPERTY("add an undefined property to an object"),
        UNDEFINED_TYPE("append \"UndefinedType\" to a type"),
        RELATIVE_ID("make an id relative"),
        INVALID_ID("make an id an invalid IRI (a space)"),
        KEYWORD_ID("make an id keyword-like (@x)"),
        INVALID_LANGUAGE("give a string an ill-formed @language"),
        NUMBER_BEYOND_DOUBLE("replace a string by a number a double cannot hold"),
        TYPED_VALUE_UNDEFINED_DATATYPE("give a string an undefined @type (datatype)"),
        CREDENTIAL_SCHEMA_TYPE("change credentialSchema.type"),
        NULL_VALUE_OBJECT("replace a value by {\"@value\": null}");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A mutation: its class, a description and a function rebuilding the whole document with one change. */
    record Mutation(Kind kind, String description, UnaryOperator<JsonValue> apply) {
        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Walks the document; {@code rebuild} maps a replacement of the current node to a replacement of the root, so each
     * mutation is a complete, independent document.
     */
    private static void collect(JsonValue node, String path, UnaryOperator<JsonValue> rebuild, List<Mutation> out) {
        if (node instanceof JsonObject object) {
            lossy(object, path, rebuild, out);
            out.add(new Mutation(
                    Kind.ADD_PROPERTY,
                    "add property at " + path + "/",
                    root -> rebuild.apply(Json.createObjectBuilder(object)
                            .add("tampered", "yes")
                            .build())));
            for (String key : object.keySet()) {
                out.add(new Mutation(
                        Kind.DELETE,
                        "delete " + path + "/" + key,
                        root -> rebuild.apply(
                                Json.createObjectBuilder(object).remove(key).build())));
                UnaryOperator<JsonValue> child = value -> rebuild.apply(
                        Json.createObjectBuilder(object).add(key, value).build());
                collect(object.get(key), path + "/" + key, child, out);
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                out.add(new Mutation(
                        Kind.DELETE, "delete " + path + "/" + i, root -> rebuild.apply(without(array, index))));
                UnaryOperator<JsonValue> child = value -> rebuild.apply(replaced(array, index, value));
                collect(array.get(i), path + "/" + i, child, out);
            }
        } else {
            out.add(new Mutation(Kind.CHANGE_VALUE, "change " + path, root -> rebuild.apply(changed(node))));
            if (node instanceof JsonString s && !path.contains("@context") && !path.endsWith("/type")) {
                out.add(new Mutation(
                        Kind.INVALID_LANGUAGE,
                        "ill-formed @language at " + path,
                        root -> rebuild.apply(Json.createObjectBuilder()
                                .add("@value", s.getString())
                                .add("@language", "not a tag!")
                                .build())));
                out.add(new Mutation(
                        Kind.TYPED_VALUE_UNDEFINED_DATATYPE,
                        "undefined datatype at " + path,
                        root -> rebuild.apply(Json.createObjectBuilder()
                                .add("@value", s.getString())
                                .add("@type", "UndefinedDatatype")
                                .build())));
                out.add(new Mutation(
                        Kind.NUMBER_BEYOND_DOUBLE,
                        "number beyond a double at " + path,
                        root -> rebuild.apply(Json.createValue(new java.math.BigDecimal("12345678901234567891")))));
                out.add(new Mutation(
                        Kind.NULL_VALUE_OBJECT,
                        "{@value: null} at " + path,
                        root -> rebuild.apply(Json.createObjectBuilder()
                                .add("@value", JsonValue.NULL)
                                .build())));
            }
        }
    }

    /** The mutations that JSON-LD would drop silently: each must be refused as data loss, never accepted. */
    private static void lossy(JsonObject object, String path, UnaryOperator<JsonValue> rebuild, List<Mutation> out) {
        if (path.contains("@context")) {
            return;
        }
        JsonValue type = object.get("type");
        if (type != null) {
            JsonArrayBuilder types = type instanceof JsonArray array
                    ? Json.createArrayBuilder(array)
                    : Json.createArrayBuilder().add(type);
            JsonArray appended = types.add("UndefinedType").build();
            out.add(new Mutation(
                    Kind.UNDEFINED_TYPE,
                    "append UndefinedType to " + path + "/type",
                    root -> rebuild.apply(Json.createObjectBuilder(object)
                            .add("type", appended)
                            .build())));
            if (path.endsWith("credentialSchema/0") || path.endsWith("credentialSchema")) {
                for (String other : List.of("1EdTechJsonSchemaValidator2019", "JsonSchemaCredential")) {
                    out.add(new Mutation(
                            Kind.CREDENTIAL_SCHEMA_TYPE,
                            "credentialSchema type " + other + " at " + path,
                            root -> rebuild.apply(Json.createObjectBuilder(object)
                                    .add("type", other)
                                    .build())));
                }
            }
        }
        if (object.get("id") instanceof JsonString) {
            for (Map.Entry<Kind, String> id : Map.of(
                            Kind.RELATIVE_ID, "relative/tampered",
                            Kind.INVALID_ID, "urn:tampered id",
                            Kind.KEYWORD_ID, "@tampered")
                    .entrySet()) {
                out.add(new Mutation(
                        id.getKey(),
                        id.getKey().label + " at " + path + "/id",
                        root -> rebuild.apply(Json.createObjectBuilder(object)
                                .add("id", id.getValue())
                                .build())));
            }
        }
    }

    private static JsonValue changed(JsonValue leaf) {
        if (leaf instanceof JsonString s) {
            String value = s.getString();
            // Keep URLs and dates well-formed where we can, so the signature, not the syntax check, has to catch it.
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                return Json.createValue(
                        value.replaceFirst("^(\\d{4})", String.valueOf(Integer.parseInt(value.substring(0, 4)) - 1)));
            }
            return Json.createValue(value.isEmpty() ? "x" : value + "x");
        }
        if (leaf instanceof JsonNumber n) {
            return Json.createValue(n.longValue() + 1);
        }
        if (leaf == JsonValue.TRUE) {
            return JsonValue.FALSE;
        }
        if (leaf == JsonValue.FALSE) {
            return JsonValue.TRUE;
        }
        return Json.createValue("x");
    }

    private static JsonArray without(JsonArray array, int index) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        IntStream.range(0, array.size()).filter(i -> i != index).forEach(i -> builder.add(array.get(i)));
        return builder.build();
    }

    private static JsonArray replaced(JsonArray array, int index, JsonValue value) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        IntStream.range(0, array.size()).forEach(i -> builder.add(i == index ? value : array.get(i)));
        return builder.build();
    }

    private static JsonObject didKeyBadge(int n, Recipient recipient, Optional<StatusEntry> status) {
        return sign(badge(n, ISSUER_DID, recipient, status));
    }

    private static JsonObject badge(int n, Did issuer, Recipient recipient, Optional<StatusEntry> status) {
        var builder = Credentials.openBadge()
                .id(URI.create("urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", n)))
                .issuer(new IssuerProfile(
                        issuer, "Demo University " + n, Optional.of(URI.create("https://demo.example/"))))
                .recipient(recipient)
                .achievement(new Achievement(
                        URI.create("https://demo.example/achievements/" + n),
                        "Achievement " + n,
                        "Description " + n,
                        "Criteria " + n,
                        n % 2 == 0 ? Optional.of("Course") : Optional.empty(),
                        n % 3 == 0
                                ? Optional.of(URI.create("https://demo.example/images/" + n + ".png"))
                                : Optional.empty(),
                        n % 2 == 1
                                ? List.of(new Achievement.Alignment(
                                        URI.create("https://skills.example/s" + n), "Skill " + n))
                                : List.of()))
                .validFrom(NOW.minusSeconds(3600 + n));
        if (n % 4 == 0) {
            builder.validUntil(NOW.plusSeconds(86_400L * (n + 1)));
        }
        status.ifPresent(builder::status);
        return builder.build();
    }

    private static JsonObject sign(JsonObject unsigned) {
        return Fixtures.sign(unsigned, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
    }

    static JsonObjectBuilder unused() {
        return Json.createObjectBuilder();
    }
}

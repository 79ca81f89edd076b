package org.openler.standards.jsonld;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random JSON-LD documents for {@link CanonicalDifferentialIT}, in families: the documents of a family share their
 * shape (keys, types, numbers, the scheme of each IRI) and differ in their strings, so that the shape templates of
 * {@link Shapes} are exercised as well as the full path. One seed decides everything.
 *
 * <p>Open Badges 3.0 and CLR 2.0 credentials with every property of their contexts, and VC 2.0 documents whose
 * issuer-dependent terms carry the value zoo: numbers (fractions, exponents, big integers, -0, typed doubles and
 * floats), strings with {@code @language} and {@code @direction}, IRIs (%-escapes, unicode, {@code urn:},
 * {@code did:}), dates, lists, nested objects and arrays. A few documents are lossy on purpose (an undefined type, a
 * relative id, a number a double cannot hold); {@link Generated#lossy} says why.
 */
final class DifferentialDocuments {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String CLR = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    static final String UNDEFINED_TERMS = "https://www.w3.org/ns/credentials/undefined-terms/v2";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** A document, and why it is lossy on purpose: "" when it is not, "number" or "structure" when it is. */
    record Generated(JsonObject document, String lossy) {}

    private Random shape;
    private Random values;
    private String lossy = "";

    /** {@code count} documents, in families of up to {@code familySize}. */
    static List<Generated> generate(long seed, int count, int familySize) {
        Random seeds = new Random(seed);
        List<Generated> documents = new ArrayList<>(count);
        while (documents.size() < count) {
            long shapeSeed = seeds.nextLong();
            int size = 1 + seeds.nextInt(familySize);
            for (int i = 0; i < size && documents.size() < count; i++) {
                DifferentialDocuments generator = new DifferentialDocuments();
                generator.shape = new Random(shapeSeed);
                generator.values = new Random(seeds.nextLong());
                JsonObject document = generator.document();
                documents.add(new Generated(document, generator.lossy));
            }
        }
        return documents;
    }

    private JsonObject document() {
        // jsonld.js needs ~10x longer for an Open Badge than for a plain VC (each type-scoped context is processed
        // anew), so they are fewer; together they still cover every property of the OB 3.0 and CLR 2.0 contexts.
        int kind = shape.nextInt(200);
        JsonObject document = kind < 14 ? openBadge() : kind < 17 ? clr() : generic();
        if (shape.nextInt(40) == 0) {
            document = lossyStructure(document);
        }
        return document;
    }

    // --- Open Badges 3.0 -------------------------------------------------------------------------------------------

    private JsonObject openBadge() {
        JsonObjectBuilder vc = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(VC_V2).add(OB))
                .add("id", iri())
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("issuer", profile(1))
                .add("validFrom", dateTime())
                .add("name", text())
                .add("credentialSubject", subject());
        maybe(vc, "validUntil", this::dateTime);
        maybe(vc, "description", this::text);
        maybe(vc, "awardedDate", this::dateTime);
        maybe(vc, "image", this::image);
        if (chance()) {
            vc.add("evidence", Json.createArrayBuilder().add(evidence()));
        }
        if (chance()) {
            vc.add(
                    "credentialSchema",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("id", iri()).add("type", "JsonSchema")));
        }
        if (chance()) {
            vc.add(
                    "credentialStatus",
                    Json.createObjectBuilder()
                            .add("id", iri())
                            .add("type", "BitstringStatusListEntry")
                            .add("statusPurpose", "revocation")
                            .add("statusListIndex", String.valueOf(values.nextInt(131_072)))
                            .add("statusListCredential", "https://" + host() + "/status/" + word()));
        }
        if (chance()) {
            vc.add(
                    "termsOfUse",
                    Json.createObjectBuilder()
                            .add("type", "https://example.org/TrustFrameworkPolicy")
                            .add("id", iri()));
        }
        if (chance()) {
            vc.add(
                    "refreshService",
                    Json.createObjectBuilder()
                            .add("type", "https://example.org/Refresh")
                            .add("id", iri()));
        }
        return vc.build();
    }

    private JsonObject subject() {
        JsonObjectBuilder subject = Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("achievement", achievement(1));
        maybe(subject, "id", this::iri);
        maybe(subject, "activityStartDate", this::date);
        maybe(subject, "activityEndDate", this::date);
        if (chance()) {
            subject.add("creditsEarned", number(false));
        }
        maybe(subject, "licenseNumber", this::text);
        maybe(subject, "narrative", this::text);
        maybe(subject, "role", this::text);
        maybe(subject, "term", this::text);
        maybe(subject, "image", this::image);
        if (chance()) {
            subject.add("source", profile(0));
        }
        if (chance()) {
            subject.add(
                    "identifier",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", "IdentityObject")
                                    .add("hashed", shape.nextBoolean())
                                    .add("identityHash", text())
                                    .add("identityType", pick("emailAddress", "studentId", "sourcedId"))
                                    .add("salt", word())));
        }
        if (chance()) {
            JsonArrayBuilder results = Json.createArrayBuilder();
            for (int i = 0, n = 1 + shape.nextInt(3); i < n; i++) {
                JsonObjectBuilder result = Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("Result"))
                        .add("value", text());
                maybe(result, "achievedLevel", this::iri);
                maybe(result, "resultDescription", this::iri);
                maybe(result, "status", () -> pick("Completed", "Enrolled", "Failed", "InProgress"));
                results.add(result);
            }
            subject.add("result", results);
        }
        return subject.build();
    }

    private JsonObject achievement(int depth) {
        JsonObjectBuilder achievement = Json.createObjectBuilder()
                .add("id", iri())
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", text())
                .add("description", text())
                .add("criteria", Json.createObjectBuilder().add("narrative", text()));
        maybe(achievement, "achievementType", () -> pick("Badge", "Course", "Certificate", "ext:MyType"));
        maybe(achievement, "fieldOfStudy", this::text);
        maybe(achievement, "humanCode", this::word);
        maybe(achievement, "specialization", this::text);
        maybe(achievement, "version", this::word);
        maybe(achievement, "inLanguage", () -> pick("en", "es", "ar-EG", "zh-Hant"));
        maybe(achievement, "image", this::image);
        if (chance()) {
            achievement.add("creditsAvailable", number(false));
        }
        if (depth > 0 && chance()) {
            achievement.add("creator", profile(depth - 1));
        }
        if (chance()) {
            achievement.add("tag", Json.createArrayBuilder().add(word()).add(text()));
        }
        if (chance()) {
            achievement.add(
                    "alignment",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", Json.createArrayBuilder().add("Alignment"))
                                    .add("targetName", text())
                                    .add("targetUrl", "https://" + host() + "/" + word())
                                    .add("targetCode", word())
                                    .add("targetDescription", text())
                                    .add("targetFramework", text())
                                    .add("targetType", pick("ceasn:Competency", "CFItem", "ext:Other"))));
        }
        if (chance()) {
            achievement.add(
                    "otherIdentifier",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", "IdentifierEntry")
                                    .add("identifier", word())
                                    .add("identifierType", pick("sourcedId", "ext:Custom", "isbn"))));
        }
        if (chance()) {
            achievement.add(
                    "related",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("id", iri())
                                    .add("type", Json.createArrayBuilder().add("Related"))
                                    .add("version", word())
                                    .add("inLanguage", "en")));
        }
        if (chance()) {
            JsonArrayBuilder allowed = Json.createArrayBuilder();
            for (int i = 0, n = 1 + shape.nextInt(4); i < n; i++) {
                allowed.add(word());
            }
            achievement.add(
                    "resultDescription",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("id", iri())
                                    .add("type", Json.createArrayBuilder().add("ResultDescription"))
                                    .add("name", text())
                                    .add("resultType", pick("GradePointAverage", "LetterGrade", "ext:Scale"))
                                    .add("allowedValue", allowed)
                                    .add("requiredLevel", iri())
                                    .add("requiredValue", word())
                                    .add("valueMax", word())
                                    .add("valueMin", word())
                                    .add(
                                            "rubricCriterionLevel",
                                            Json.createArrayBuilder()
                                                    .add(Json.createObjectBuilder()
                                                            .add("id", iri())
                                                            .add(
                                                                    "type",
                                                                    Json.createArrayBuilder()
                                                                            .add("RubricCriterionLevel"))
                                                            .add("name", text())
                                                            .add("level", word())
                                                            .add("points", word())))));
        }
        return achievement.build();
    }

    private JsonObject profile(int depth) {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("id", pick("did:key:z6Mk", "did:web:", "https://") + word())
                .add("type", Json.createArrayBuilder().add("Profile"));
        maybe(profile, "name", this::text);
        maybe(profile, "url", () -> "https://" + host() + "/");
        maybe(profile, "email", () -> word() + "@" + host());
        maybe(profile, "phone", () -> "+1-555-" + values.nextInt(10_000));
        maybe(profile, "description", this::text);
        maybe(profile, "image", this::image);
        maybe(profile, "givenName", this::text);
        maybe(profile, "familyName", this::text);
        maybe(profile, "additionalName", this::text);
        maybe(profile, "familyNamePrefix", this::word);
        maybe(profile, "honorificPrefix", this::word);
        maybe(profile, "honorificSuffix", this::word);
        maybe(profile, "patronymicName", this::text);
        maybe(profile, "dateOfBirth", this::date);
        maybe(profile, "official", this::text);
        if (chance()) {
            JsonObjectBuilder address = Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Address"))
                    .add("addressCountry", text())
                    .add("addressCountryCode", pick("US", "ES", "JP"))
                    .add("addressLocality", text())
                    .add("addressRegion", text())
                    .add("postalCode", word())
                    .add("streetAddress", text())
                    .add("postOfficeBoxNumber", word());
            if (chance()) {
                address.add(
                        "geo",
                        Json.createObjectBuilder()
                                .add("type", "GeoCoordinates")
                                .add("latitude", coordinate(90))
                                .add("longitude", coordinate(180)));
            }
            profile.add("address", address);
        }
        if (depth > 0 && chance()) {
            profile.add("parentOrg", profile(depth - 1));
        }
        if (chance()) {
            profile.add(
                    "otherIdentifier",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", "IdentifierEntry")
                                    .add("identifier", word())
                                    .add("identifierType", "systemId")));
        }
        return profile.build();
    }

    private JsonObject evidence() {
        JsonObjectBuilder evidence = Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("Evidence"))
                .add("name", text());
        maybe(evidence, "id", this::iri);
        maybe(evidence, "narrative", this::text);
        maybe(evidence, "description", this::text);
        maybe(evidence, "genre", this::word);
        maybe(evidence, "audience", this::text);
        return evidence.build();
    }

    private JsonValue image() {
        if (shape.nextBoolean()) {
            return Json.createValue("https://" + host() + "/" + word() + ".png");
        }
        return Json.createObjectBuilder()
                .add("id", "https://" + host() + "/" + word() + ".png")
                .add("type", "Image")
                .add("caption", text())
                .build();
    }

    // --- CLR 2.0 ---------------------------------------------------------------------------------------------------

    private JsonObject clr() {
        JsonArrayBuilder achievements = Json.createArrayBuilder();
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        JsonArrayBuilder associations = Json.createArrayBuilder();
        for (int i = 0, n = 1 + shape.nextInt(3); i < n; i++) {
            achievements.add(achievement(0));
            credentials.add(openBadge());
            associations.add(Json.createObjectBuilder()
                    .add("type", "Association")
                    .add("associationType", pick("exactMatchOf", "isChildOf", "isPartOf", "precedes"))
                    .add("sourceId", iri())
                    .add("targetId", iri()));
        }
        JsonObjectBuilder subject = Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("ClrSubject"))
                .add("achievement", achievements)
                .add("verifiableCredential", credentials)
                .add("association", associations);
        maybe(subject, "id", this::iri);
        JsonObjectBuilder vc = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(VC_V2).add(CLR).add(OB))
                .add("id", iri())
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("ClrCredential"))
                .add("issuer", profile(1))
                .add("validFrom", dateTime())
                .add("name", text())
                .add("credentialSubject", subject);
        if (chance()) {
            vc.add("partial", shape.nextBoolean());
        }
        maybe(vc, "description", this::text);
        maybe(vc, "awardedDate", this::dateTime);
        return vc.build();
    }

    // --- VC 2.0 with issuer-dependent terms: the value zoo ---------------------------------------------------------

    private JsonObject generic() {
        JsonObjectBuilder subject = Json.createObjectBuilder();
        maybe(subject, "id", this::iri);
        for (int i = 0, n = 2 + shape.nextInt(8); i < n; i++) {
            subject.add("p" + i + shapeWord(), zoo(2));
        }
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(VC_V2).add(UNDEFINED_TERMS))
                .add("id", iri())
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("ExampleCredential"))
                .add("issuer", pick("did:key:z6Mk", "did:web:", "https://") + word())
                .add("validFrom", dateTime())
                .add("credentialSubject", subject)
                .build();
    }

    private JsonValue zoo(int depth) {
        int kind = shape.nextInt(depth > 0 ? 14 : 11);
        return switch (kind) {
            case 0, 1 -> number(true);
            case 2 -> Json.createValue(text());
            case 3 -> languageString();
            case 4 -> Json.createObjectBuilder().add("id", iri()).build();
            case 5 -> typed(pick("double", "float", "decimal"), number(true));
            case 6 -> typed("double", Json.createValue(decimalText()));
            case 7 ->
                typed(
                        pick("dateTime", "date", "anyURI"),
                        Json.createValue(shape.nextBoolean() ? dateTime() : shape.nextBoolean() ? date() : iri()));
            case 8 -> shape.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 9 -> typed("integer", number(false));
            case 10 -> Json.createValue(dateTime());
            case 11 -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (int i = 0, n = 1 + shape.nextInt(4); i < n; i++) {
                    array.add(zoo(depth - 1));
                }
                yield array.build();
            }
            case 12 -> {
                JsonArrayBuilder list = Json.createArrayBuilder();
                for (int i = 0, n = shape.nextInt(4); i < n; i++) {
                    list.add(zoo(0));
                }
                yield Json.createObjectBuilder().add("@list", list).build();
            }
            default -> {
                JsonObjectBuilder nested = Json.createObjectBuilder();
                if (shape.nextBoolean()) {
                    nested.add("id", iri());
                }
                if (shape.nextBoolean()) {
                    nested.add("type", "Thing" + shapeWord());
                }
                for (int i = 0, n = 1 + shape.nextInt(3); i < n; i++) {
                    nested.add("q" + i, zoo(depth - 1));
                }
                yield nested.build();
            }
        };
    }

    private JsonValue languageString() {
        JsonObjectBuilder value = Json.createObjectBuilder().add("@value", text());
        int form = shape.nextInt(4);
        if (form != 3) {
            value.add("@language", pick("en", "EN-us", "ar-EG", "zh-Hant", "es-419", "he"));
        }
        if (form >= 1) {
            value.add("@direction", pick("ltr", "rtl"));
        }
        return value.build();
    }

    private JsonValue typed(String xsdType, JsonValue value) {
        return Json.createObjectBuilder()
                .add("@value", value)
                .add("@type", XSD + xsdType)
                .build();
    }

    /** A number; rarely (when {@code lossyAllowed}) one a double cannot hold, which OpenLER refuses. */
    private JsonValue number(boolean lossyAllowed) {
        int kind = lossyAllowed && shape.nextInt(100) < 2 ? 12 : shape.nextInt(12);
        BigDecimal n = switch (kind) {
            case 0 -> BigDecimal.valueOf(shape.nextInt(1000) - 500);
            case 1 -> BigDecimal.valueOf(shape.nextLong() >> shape.nextInt(64));
            case 2 -> new BigDecimal(Double.toString((shape.nextDouble() - 0.5) * Math.pow(10, shape.nextInt(12))));
            case 3 -> new BigDecimal(Double.toString(shape.nextInt(100_000) / 100.0));
            case 4 -> new BigDecimal(pick("-89.65", "0.1", "1.5", "123.456", "-0.000001", "2.675", "1.005"));
            case 5 ->
                new BigDecimal(pick(
                        "1e21", "1.5e300", "2.5E-10", "-3e25", "1.7976931348623157e308", "2.2250738585072014E-308"));
            case 6 -> new BigDecimal(pick("0", "-0", "-0.0", "1.0", "100.00", "1e2"));
            case 7 -> new BigDecimal(pick("9007199254740991", "-9007199254740992", "1152921504606846976"));
            case 8 -> new BigDecimal(pick("1234567890123456.5", "0.30000000000000004", "4.35", "1e-6", "1.5e-7"));
            case 9 -> new BigDecimal(Double.toString(shape.nextGaussian() * 1e-3));
            case 10 ->
                new BigDecimal(Double.toString(
                        Double.longBitsToDouble(Double.doubleToLongBits(1.0) + shape.nextInt(1 << 20) - (1 << 19))));
            case 11 -> BigDecimal.valueOf(shape.nextInt(10_000), shape.nextInt(5));
            default -> {
                lossy = "number";
                yield new BigDecimal(
                        pick("12345678901234567890", "0.1000000000000000000001", "1e-7", "9007199254740993", "5e-324"));
            }
        };
        if (kind == 1 && n.abs().compareTo(new BigDecimal("9007199254740992")) > 0) {
            // a long beyond 2^53 is not a double: keep the family's numbers lossless unless asked
            n = new BigDecimal(Double.toString(n.doubleValue()));
            if (n.stripTrailingZeros().scale() <= 0) {
                n = n.setScale(0);
            }
        }
        return Json.createValue(n);
    }

    private String decimalText() {
        return pick("1.5", "-89.65", "1e3", "0.1", "-0", "42", "6.02214076e23");
    }

    private JsonValue coordinate(int max) {
        return Json.createValue(new BigDecimal(
                Double.toString(Math.round((shape.nextDouble() * 2 - 1) * max * 1e4) / 1e4)));
    }

    // --- lossy on purpose -------------------------------------------------------------------------------------------

    private JsonObject lossyStructure(JsonObject document) {
        lossy = lossy + "structure";
        JsonObjectBuilder changed = Json.createObjectBuilder(document);
        switch (shape.nextInt(4)) {
            case 0 ->
                changed.add(
                        "type",
                        Json.createArrayBuilder(document.getJsonArray("type")).add("UndefinedType"));
            case 1 -> changed.add("id", "relative/" + word());
            case 2 ->
                changed.add(
                        "credentialSubject",
                        Json.createObjectBuilder(document.getJsonObject("credentialSubject"))
                                .add(
                                        "type",
                                        Json.createArrayBuilder()
                                                .add("AchievementSubject")
                                                .add("Nope")));
            default ->
                changed.add(
                        "evidence",
                        Json.createObjectBuilder().add("id", "../up").add("type", "Evidence"));
        }
        return changed.build();
    }

    // --- strings and IRIs: their content comes from the values stream, their form from the shape stream -------------

    private String iri() {
        return switch (shape.nextInt(12)) {
            case 0 -> "urn:uuid:" + new UUID(values.nextLong(), values.nextLong());
            case 1 -> "urn:isbn:978-" + values.nextInt(1_000_000_000);
            case 2 -> "urn:example:" + word() + ":" + word();
            case 3 -> "did:key:z6Mk" + word();
            case 4 -> "did:web:" + host() + "%3A8443:orgs:" + word();
            case 5 -> "did:example:" + word() + "#key-" + values.nextInt(9);
            case 6 -> "https://" + host() + "/a%20b/" + word() + "%C3%A9";
            case 7 -> "https://" + host() + "/caf\u00e9/\u65e5\u672c/" + word();
            case 8 -> "https://" + host() + "/search?q=" + word() + "&lang=en#" + word();
            case 9 -> "https://" + host() + "/" + word() + "%zz";
            case 10 -> "mailto:" + word() + "@" + host();
            default -> "https://" + host() + "/" + word();
        };
    }

    private String host() {
        return word().toLowerCase(java.util.Locale.ROOT) + "." + pick("example", "example.org", "ac.jp");
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        for (int i = 0, n = 3 + values.nextInt(8); i < n; i++) {
            word.append((char) ('a' + values.nextInt(26)));
        }
        return word.toString();
    }

    private String shapeWord() {
        return Integer.toString(shape.nextInt(1000), 36);
    }

    private static final String[] PIECES = {
        "Data Analysis",
        "caf\u00e9",
        "\u65e5\u672c\u8a9e",
        "\u0645\u0631\u062d\u0628\u0627",
        "\ud83d\ude00",
        "quote \" inside",
        "back\\slash",
        "line\nbreak",
        "tab\there",
        "\u0001ctl",
        "del\u007f",
        "  spaced  ",
        "<tag>",
        "\u00a0nbsp",
        "e\u0301",
        "\u2028sep"
    };

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + values.nextInt(3); i < n; i++) {
            text.append(PIECES[values.nextInt(PIECES.length)]).append(' ').append(word());
        }
        return text.toString();
    }

    /** The date and hour come from the shape stream: a string's text before its first colon is part of its shape. */
    private String dateTime() {
        String date =
                String.format("%04d-%02d-%02d", 1990 + shape.nextInt(50), 1 + shape.nextInt(12), 1 + shape.nextInt(28));
        String time = String.format("T%02d:%02d:%02d", shape.nextInt(24), values.nextInt(60), values.nextInt(60));
        return date + time + pick("Z", ".123Z", "+02:00", "-05:30");
    }

    private String date() {
        return String.format(
                "%04d-%02d-%02d", 1990 + values.nextInt(50), 1 + values.nextInt(12), 1 + values.nextInt(28));
    }

    private boolean chance() {
        return shape.nextInt(10) < 7;
    }

    private void maybe(JsonObjectBuilder builder, String key, java.util.function.Supplier<Object> value) {
        if (chance()) {
            Object v = value.get();
            if (v instanceof JsonValue json) {
                builder.add(key, json);
            } else {
                builder.add(key, v.toString());
            }
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[shape.nextInt(options.length)];
    }
}

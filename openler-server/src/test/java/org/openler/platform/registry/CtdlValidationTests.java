package org.openler.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CTDL schemas from openler-data judge Credential Engine's own samples as its SOURCE.md says (the all-valid seed
 * files valid, the older shapes refused), our published documents are valid, older credential shapes become valid
 * after normalising only when nothing required is missing, and a document read and written again is the same.
 */
class CtdlValidationTests {

    private static final String DATA = "/org/openler/data/ctdl/";
    private static final CtdlSchemas SCHEMAS = new CtdlSchemas();

    static Stream<Arguments> validSeeds() {
        return Stream.of(
                        "competency",
                        "competency_framework",
                        "condition_manifest_schema",
                        "cost_manifest_schema",
                        "learning_opportunity_profile",
                        "organization")
                .flatMap(file -> resources("db/seeds/ce_registry/" + file + ".json").stream()
                        .map(r -> Arguments.of(file + " " + r.path("@id").asString(), r)));
    }

    static Stream<Arguments> olderShapes() {
        List<Arguments> all = new ArrayList<>();
        resources("db/seeds/ce_registry/assessment_profile.json")
                .forEach(r -> all.add(
                        Arguments.of("assessment_profile seed " + r.path("@id").asString(), r)));
        for (String file : List.of("credential.json", "credential_provisional.json")) {
            resources("db/seeds/ce_registry/" + file).forEach(r -> all.add(Arguments.of(file + " (language maps)", r)));
        }
        for (String name : List.of("1_valid", "2_valid", "3_import", "4_import")) {
            resources("spec/support/fixtures/json/ce_registry/credential/" + name + ".json")
                    .forEach(r -> all.add(Arguments.of("spec credential " + name, r)));
        }
        for (String name : List.of("2_valid", "3_import")) {
            resources("spec/support/fixtures/json/ce_registry/organization/" + name + ".json")
                    .forEach(r -> all.add(Arguments.of("spec organization " + name, r)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSeeds")
    void credentialEnginesValidSeedsPassTheirSchema(String name, JsonNode resource) {
        CtdlSchemas.Outcome outcome = SCHEMAS.validate(resource);
        assertThat(outcome.errors()).as(name).isEmpty();
        assertThat(outcome.schema()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("olderShapes")
    void olderCtdlShapesAreRefusedAsTheyAre(String name, JsonNode resource) {
        assertThat(SCHEMAS.validate(resource).valid()).as(name).isFalse();
    }

    @Test
    void theValidSeedsAreAsManyAsSourceMdCounts() {
        assertThat(validSeeds().count()).isEqualTo(5 + 2 + 8 + 10 + 10 + 10);
        assertThat(olderShapes().count()).isEqualTo(10 + 1 + 1 + 4 + 2);
    }

    @Test
    void theCredentialSeedsValidateOnceTheirLanguageMapsAreNormalised() {
        for (String file : List.of("credential.json", "credential_provisional.json")) {
            ObjectNode seed =
                    (ObjectNode) resources("db/seeds/ce_registry/" + file).get(0);
            List<Ctdl.Normalisation> changes = new ArrayList<>();
            ObjectNode normalised = Ctdl.normalise(seed, changes);
            assertThat(SCHEMAS.validate(normalised).errors()).as(file).isEmpty();
            assertThat(changes).extracting(Ctdl.Normalisation::what).contains("language map read as a plain string");
            assertThat(Ctdl.text(normalised.path("ceterms:name"))).startsWith("Master of Business Administration");
        }
    }

    @Test
    void olderCredentialFixturesMissingRequiredPropertiesStayInvalidAfterNormalising() {
        for (String name : List.of("1_valid", "2_valid", "3_import", "4_import")) {
            ObjectNode fixture =
                    (ObjectNode) resources("spec/support/fixtures/json/ce_registry/credential/" + name + ".json")
                            .get(0);
            CtdlSchemas.Outcome outcome = SCHEMAS.validate(Ctdl.normalise(fixture, new ArrayList<>()));
            assertThat(outcome.valid()).as(name).isFalse();
        }
    }

    @Test
    void aPublishedCredentialOfValueValidatesAgainstTheCredentialSchema() {
        for (String type : CredentialOfValue.TYPES) {
            Ctid ctid = Ctid.random();
            ObjectNode doc = Ctdl.toJsonLd(
                    ctid,
                    URI.create("https://registry.example/registry/resources/" + ctid),
                    URI.create("https://registry.example/orgs/demo"),
                    sample(type));
            CtdlSchemas.Outcome outcome = SCHEMAS.validate(doc);
            assertThat(outcome.errors()).as(type).isEmpty();
            assertThat(outcome.schema()).isEqualTo("credential");
        }
    }

    @Test
    void aCredentialWithoutItsRequiredPropertiesIsRefusedWithReasons() {
        Ctid ctid = Ctid.random();
        ObjectNode doc = Ctdl.toJsonLd(
                ctid,
                URI.create("https://registry.example/registry/resources/" + ctid),
                URI.create("https://registry.example/orgs/demo"),
                sample("Certificate"));
        doc.remove("ceterms:subjectWebpage");
        doc.put("ceterms:name", 42);
        CtdlSchemas.Outcome outcome = SCHEMAS.validate(doc);
        assertThat(outcome.valid()).isFalse();
        assertThat(String.join("\n", outcome.errors()))
                .contains("subjectWebpage")
                .contains("name");
    }

    @Test
    void anUnknownTypeHasNoSchemaAndIsRefused() {
        ObjectNode doc = (ObjectNode) Ctdl.read("{\"@type\": \"ceterms:Spaceship\"}");
        assertThat(SCHEMAS.validate(doc).errors()).singleElement().asString().contains("not a CTDL type");
    }

    @Test
    void aCredentialWrittenAndReadBackIsTheSame() {
        CredentialOfValue sample = sample("Certification");
        Ctid ctid = Ctid.random();
        ObjectNode doc = Ctdl.toJsonLd(
                ctid,
                URI.create("https://registry.example/registry/resources/" + ctid),
                URI.create("https://registry.example/orgs/demo"),
                sample);
        assertThat(Ctdl.fromJsonLd(Ctdl.read(Ctdl.write(doc)))).isEqualTo(sample);
    }

    @Test
    void durationsReadAsHours() {
        assertThat(new CredentialOfValue.EstimatedDuration("P6M").hours()).isEqualTo(6 * 730);
        assertThat(new CredentialOfValue.EstimatedDuration("P1Y6M").hours()).isEqualTo(8760 + 6 * 730);
        assertThat(new CredentialOfValue.EstimatedDuration("PT40H").hours()).isEqualTo(40);
        assertThat(new CredentialOfValue.EstimatedDuration("P2W3D").hours()).isEqualTo(2 * 168 + 72);
        for (String bad : List.of("P", "PT", "6 months", "P-1M", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CredentialOfValue.EstimatedDuration(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ctidsAreCeAndALowerCaseUuidAndOlderUrnsAreRead() {
        assertThat(Ctid.parse("urn:ctid:6BF1A7E2-814E-4598-A66E-A3E2ECB727D8"))
                .contains(new Ctid("ce-6bf1a7e2-814e-4598-a66e-a3e2ecb727d8"));
        assertThat(Ctid.parse("ce-nope")).isEmpty();
        assertThat(Ctid.random().value()).matches("ce-[0-9a-f-]{36}");
    }

    static CredentialOfValue sample(String type) {
        return new CredentialOfValue(
                type,
                "Certified Welding Technician",
                "Safe, code-compliant MIG and TIG welds on steel and aluminium.",
                Optional.of(URI.create("https://college.example/welding")),
                "Pass the practical assessment and 120 hours of shop time.",
                Optional.of(new CredentialOfValue.Cost(new BigDecimal("2450"), "USD")),
                Optional.of(new CredentialOfValue.EstimatedDuration("P6M")),
                Set.of(CredentialOfValue.DeliveryMode.IN_PERSON, CredentialOfValue.DeliveryMode.BLENDED),
                List.of(new CredentialOfValue.Place("Birmingham", "AL", "US")),
                List.of(new CredentialOfValue.Alignment(
                        URI.create("http://data.europa.eu/esco/skill/9e3a5a19-0e5c-4c9e-9a4f-3f4a1e0c1b9d"),
                        "weld metal")),
                List.of(new CredentialOfValue.Alignment(
                        URI.create("http://data.europa.eu/esco/skill/1c0e1e4a-ffb2-4b7b-8f0e-6d1c2f3c4b5a"),
                        "read technical drawings")),
                List.of(new CredentialOfValue.Alignment(
                        URI.create("https://www.onetonline.org/link/summary/51-4121.06"),
                        "Welders, Cutters, and Welder Fitters")),
                Optional.of(new CredentialOfValue.Credit(new BigDecimal("12"), "DegreeCredit")),
                List.of("welding", "manufacturing"));
    }

    private static List<JsonNode> resources(String path) {
        try (InputStream in = CtdlValidationTests.class.getResourceAsStream(DATA + path)) {
            assertThat(in).as(path).isNotNull();
            JsonNode root = Ctdl.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            List<JsonNode> all = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(all::add);
            } else if (root.path("@graph").isArray()) {
                root.get("@graph").forEach(all::add);
            } else {
                all.add(root);
            }
            return all;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

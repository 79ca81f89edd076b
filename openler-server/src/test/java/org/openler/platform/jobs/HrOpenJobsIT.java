package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.support.Ontology.occupation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.organizations.Organization;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.RegistryCourse;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Ontology;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job as an HR Open Standards PositionOpening: exported at its public URL, valid against HR Open's own JSON Schema
 * (4.3/4.4, bundled as test resources; nothing is fetched), imported back through the employer's API as the same job,
 * and a foreign or broken document answered field by field.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HrOpenJobsIT {

    private static final String POSITION_OPENING =
            "https://www.hropenstandards.org/recruiting/json/PositionOpeningType.json";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Ontology ontology;

    @Autowired
    RegistryEntries registry;

    String base;
    JobsApiClient api;
    Schema hrOpen;

    @BeforeAll
    void ontologyLoadedAndHrOpensSchema() throws InterruptedException {
        hrOpen = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_4,
                        registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .schemaIdResolvers(ids -> ids.mapPrefix(
                                        "https://www.hropenstandards.org/",
                                        "classpath:ler-rs/www.hropenstandards.org/"))))
                .getSchema(SchemaLocation.of(POSITION_OPENING));
        ontology.searchable(occupation("welder", "onet"));
    }

    @BeforeEach
    void anEmployerWithAMachineClient() {
        base = "http://localhost:" + port;
        api = JobsApiClient.of(fixtures, base, fixtures.organization(Organization.Kind.EMPLOYER));
    }

    @Test
    void theExportIsAValidHrOpenPositionOpeningThatImportsBackAsTheSameJob() {
        String ctid = publishedCredential();
        JsonNode proposal = api.draft("Welder", "51-4121.00").path("proposal");
        ObjectNode body = JobsIT.job("Welder – fabrication shop", "51-4121.00", proposal, 6);
        body.put("summary", "Day shift in a small fabrication shop.");
        body.put("location", "Mobile, AL");
        body.put("remote", "hybrid");
        body.put("experienceMonths", 18);
        body.put("education", "postsecondary-certificate");
        body.putObject("pay")
                .put("min", 21)
                .put("max", 27.5)
                .put("currency", "USD")
                .put("unit", "hour");
        ((ObjectNode) body.path("requirements").get(5)).put("required", false).put("level", 2);
        body.putArray("credentials").addObject().put("ctid", ctid).put("required", true);
        JsonNode original = api.create(body.toString());
        String id = original.path("id").asString();

        HttpResponse<String> exported = api.send("GET", "/jobs/" + id + "?format=hropen", null);
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json")
                .contains(POSITION_OPENING);
        JsonNode doc = JobsApiClient.JSON.readTree(exported.body());
        List<Error> errors = hrOpen.validate(doc);
        assertThat(errors).as("HR Open PositionOpeningType errors").isEmpty();
        JsonNode profile = doc.path("positionProfiles").get(0);
        assertThat(profile.path("positionTitle").asString()).isEqualTo("Welder – fabrication shop");
        assertThat(profile.path("jobCategories").get(0).path("code").asString()).isEqualTo("51-4121.00");
        assertThat(profile.path("offeredRemunerationPackage")
                        .path("ranges")
                        .get(0)
                        .path("intervalCode")
                        .asString())
                .isEqualTo("Hour");
        JsonNode competencies = profile.path("positionQualifications").get(0).path("positionCompetencies");
        assertThat(competencies).hasSize(7);
        assertThat(competencies.get(5).has("desiredProficiencyLevel"))
                .as("a preferred skill has a desired, not a required, proficiency")
                .isTrue();
        assertThat(competencies
                        .get(6)
                        .path("competencyEvidenceRequirement")
                        .path("ids")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo(ctid);

        JsonNode negotiated = api.ok(
                api.send("GET", "/jobs/" + id, null, "application/json; profile=\"" + POSITION_OPENING + "\""), 200);
        assertThat(negotiated.path("documentId").path("value").asString())
                .as("the Accept header's profile chooses HR Open too")
                .isEqualTo(id);

        JsonNode imported = api.create(doc.toString());
        assertThat(imported.path("id").asString()).isNotEqualTo(id);
        for (String field : List.of(
                "title",
                "occupation",
                "escoOccupation",
                "summary",
                "requirements",
                "credentials",
                "experienceMonths",
                "education",
                "location",
                "remote",
                "pay",
                "status")) {
            assertThat(imported.path(field)).as(field).isEqualTo(original.path(field));
        }
    }

    @Test
    void aClosedPositionOpeningIsImportedClosed() {
        JsonNode proposal = api.draft("Welder", "51-4121.00").path("proposal");
        String id = api.create(JobsIT.job("Welder", "51-4121.00", proposal, 3).toString())
                .path("id")
                .asString();
        api.ok(api.send("POST", "/api/v1/orgs/" + api.org + "/jobs/" + id + "/close", null), 200);
        JsonNode doc = api.ok(api.send("GET", "/jobs/" + id + "?format=hropen", null), 200);
        assertThat(doc.path("statusCode").asString()).isEqualTo("Closed");
        assertThat(api.create(doc.toString()).path("status").asString()).isEqualTo("closed");
    }

    @Test
    void aForeignPostingWithoutOccupationOrCompetenciesTakesTheTitlesOccupationAndItsProposal() {
        ObjectNode doc = JobsApiClient.JSON.createObjectNode();
        doc.put("statusCode", "Active");
        ObjectNode profile = doc.putArray("positionProfiles").addObject();
        profile.put("positionTitle", "Registered Nurse");
        profile.putArray("positionFormattedDescriptions")
                .addObject()
                .put("title", "About us")
                .put("content", "<p>Nights on a <b>medical-surgical</b> unit.</p>");
        profile.putArray("positionLocation").addObject().put("city", "Huntsville");
        profile.putObject("offeredRemunerationPackage")
                .putArray("ranges")
                .addObject()
                .put("intervalCode", "Year")
                .set(
                        "minimumAmount",
                        JobsApiClient.JSON
                                .createObjectNode()
                                .put("value", 68000)
                                .put("currency", "USD"));
        profile.set(
                "positionQualifications",
                JobsApiClient.JSON
                        .createArrayNode()
                        .add(JobsApiClient.JSON
                                .createObjectNode()
                                .set(
                                        "educationRequirement",
                                        JobsApiClient.JSON.createObjectNode().put("iscedEducationLevelCode", "6"))));
        JsonNode job = api.ok(api.send("POST", "/api/v1/orgs/" + api.org + "/jobs?format=hropen", doc.toString()), 201);
        assertThat(job.path("occupation").asString()).isEqualTo("29-1141.00");
        assertThat(job.path("requirements")).as("the occupation's proposal").isNotEmpty();
        assertThat(job.path("summary").asString()).isEqualTo("Nights on a  medical-surgical  unit.");
        assertThat(job.path("location").asString()).isEqualTo("Huntsville");
        assertThat(job.path("education").asString()).isEqualTo("bachelor");
        assertThat(job.path("pay").path("unit").asString()).isEqualTo("year");
        assertThat(job.path("pay").path("max").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(68000));
        assertThat(job.path("remote").asString()).isEqualTo("onsite");
    }

    @Test
    void aBrokenPositionOpeningGetsA400NamingTheFieldInHrOpensTermsAndNothingIsStored() {
        JsonNode proposal = api.draft("Welder", "51-4121.00").path("proposal");
        String id = api.create(JobsIT.job("Welder", "51-4121.00", proposal, 3).toString())
                .path("id")
                .asString();
        ObjectNode good = (ObjectNode) api.ok(api.send("GET", "/jobs/" + id + "?format=hropen", null), 200);
        String profile = "positionProfiles[0]";
        String competency0 = profile + ".positionQualifications[0].positionCompetencies[0]";

        ObjectNode noTitle = good.deepCopy();
        ((ObjectNode) noTitle.path("positionProfiles").get(0)).remove("positionTitle");
        ObjectNode wrongType = good.deepCopy();
        ((ObjectNode) wrongType.path("positionProfiles").get(0)).put("positionTitle", 42);
        ObjectNode script = good.deepCopy();
        ((ObjectNode) script.path("positionProfiles").get(0)).put("positionTitle", "Сварщик");
        ObjectNode unknownOccupation = good.deepCopy();
        ((ObjectNode) unknownOccupation.at("/positionProfiles/0/jobCategories/0/id")).put("value", "99-9999.99");
        ObjectNode heavy = good.deepCopy();
        ((ObjectNode) heavy.at("/positionProfiles/0/positionQualifications/0/positionCompetencies/0/weight"))
                .put("value", 7);
        ObjectNode unknownSkill = good.deepCopy();
        ((ObjectNode) unknownSkill.at(
                        "/positionProfiles/0/positionQualifications/0/positionCompetencies/1/competencyIds/0"))
                .put("value", "http://example.org/no-such-skill");
        ObjectNode badInterval = good.deepCopy();
        ((ObjectNode) badInterval.path("positionProfiles").get(0))
                .putObject("offeredRemunerationPackage")
                .putArray("ranges")
                .addObject()
                .put("intervalCode", "Fortnight")
                .putObject("minimumAmount")
                .put("value", 10);
        ObjectNode noProfiles = good.deepCopy();
        noProfiles.putArray("positionProfiles");
        ObjectNode badStatus = good.deepCopy();
        badStatus.put("statusCode", "Open");

        record Case(ObjectNode doc, String field) {}
        for (Case c : List.of(
                new Case(noTitle, profile + ".positionTitle"),
                new Case(wrongType, profile + ".positionTitle"),
                new Case(script, profile + ".positionTitle"),
                new Case(unknownOccupation, profile + ".jobCategories[0]"),
                new Case(heavy, competency0 + ".weight.value"),
                new Case(unknownSkill, profile + ".positionQualifications[0].positionCompetencies[1].competencyIds"),
                new Case(badInterval, profile + ".offeredRemunerationPackage.ranges[0].intervalCode"),
                new Case(noProfiles, "positionProfiles"),
                new Case(badStatus, "statusCode"))) {
            HttpResponse<String> refused = api.send(
                    "POST",
                    "/api/v1/orgs/" + api.org + "/jobs?format=hropen",
                    c.doc().toString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JobsApiClient.JSON.readTree(refused.body());
            assertThat(problem.path("type").asString()).endsWith("invalid-input");
            assertThat(problem.path("errors")
                            .valueStream()
                            .map(e -> e.path("field").asString()))
                    .as(refused.body())
                    .contains(c.field());
        }
        assertThat(api.send("POST", "/api/v1/orgs/" + api.org + "/jobs?format=xml", good.toString())
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.send("GET", "/jobs/" + id + "?format=xml", null).statusCode())
                .isEqualTo(400);
        assertThat(api.ok(api.send("GET", "/api/v1/orgs/" + api.org + "/jobs", null), 200))
                .as("only the first job")
                .hasSize(1);
    }

    @Test
    void aPostingWithSeveralPositionProfilesBecomesOneJobEachAndTheAnswerLinksThemAllAgainWhenItsKeyIsReplayed() {
        ObjectNode doc = exported("Welder – day shift");
        ObjectNode night = ((ObjectNode) doc.path("positionProfiles").get(0)).deepCopy();
        night.put("positionTitle", "Welder – night shift");
        ((tools.jackson.databind.node.ArrayNode) doc.path("positionProfiles")).add(night);
        int before = api.ok(api.send("GET", "/api/v1/orgs/" + api.org + "/jobs", null), 200)
                .size();

        String key = "hropen-" + UUID.randomUUID();
        // a body with positionProfiles is read as HR Open without ?format
        HttpResponse<String> created = api.post(doc.toString(), key);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode first = JobsApiClient.JSON.readTree(created.body());
        assertThat(first.path("title").asString())
                .as("the first job is the answer")
                .isEqualTo("Welder – day shift");
        assertThat(created.headers().firstValue("Location").orElse(""))
                .endsWith("/jobs/" + first.path("id").asString());
        List<String> links = created.headers().allValues("Link").stream()
                .flatMap(l -> java.util.Arrays.stream(l.split(",\\s*(?=<)")))
                .toList();
        assertThat(links).hasSize(2).allMatch(l -> l.endsWith("; rel=\"item\""));
        List<String> titles = links.stream()
                .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                .map(path ->
                        api.ok(api.send("GET", path, null), 200).path("title").asString())
                .toList();
        assertThat(titles).containsExactly("Welder – day shift", "Welder – night shift");

        HttpResponse<String> replayed = api.post(doc.toString(), key);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.headers().allValues("Link"))
                .as("the key's jobs, all of them, in the posting's order")
                .isEqualTo(created.headers().allValues("Link"));
        assertThat(api.ok(api.send("GET", "/api/v1/orgs/" + api.org + "/jobs", null), 200))
                .hasSize(before + 2);
    }

    @Test
    void aBrokenSecondProfileIsNamedAtItsPlaceAndNoJobOfThePostingIsStored() {
        ObjectNode doc = exported("Welder");
        ObjectNode second = ((ObjectNode) doc.path("positionProfiles").get(0)).deepCopy();
        ((ObjectNode) second.at("/positionQualifications/0/positionCompetencies/0/weight")).put("value", 7);
        ((tools.jackson.databind.node.ArrayNode) doc.path("positionProfiles")).add(second);
        int before = api.ok(api.send("GET", "/api/v1/orgs/" + api.org + "/jobs", null), 200)
                .size();

        HttpResponse<String> refused =
                api.send("POST", "/api/v1/orgs/" + api.org + "/jobs?format=hropen", doc.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JobsApiClient.JSON
                        .readTree(refused.body())
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("positionProfiles[1].positionQualifications[0].positionCompetencies[0].weight.value");
        assertThat(api.ok(api.send("GET", "/api/v1/orgs/" + api.org + "/jobs", null), 200))
                .hasSize(before);
    }

    @Test
    void putReplacesAJobWithAnHrOpenPositionOpeningTwiceToTheSameEffect() {
        JsonNode proposal = api.draft("Welder", "51-4121.00").path("proposal");
        String id = api.create(JobsIT.job("Welder", "51-4121.00", proposal, 3).toString())
                .path("id")
                .asString();
        ObjectNode doc = exported("Welder – pipe fitting");
        ((ObjectNode) doc.path("positionProfiles").get(0)).put("positionTitle", "Pipe welder");
        String path = "/api/v1/orgs/" + api.org + "/jobs/" + id;

        JsonNode replaced = api.ok(api.send("PUT", path, doc.toString()), 200);
        JsonNode again = api.ok(api.send("PUT", path + "?format=hropen", doc.toString()), 200);

        assertThat(replaced.path("id").asString()).isEqualTo(id);
        assertThat(replaced.path("title").asString()).isEqualTo("Pipe welder");
        for (String field : List.of("title", "occupation", "summary", "requirements", "location", "status")) {
            assertThat(again.path(field)).as(field).isEqualTo(replaced.path(field));
        }
        assertThat(api.get(id).path("title").asString()).isEqualTo("Pipe welder");

        doc.put("statusCode", "Closed");
        assertThat(api.ok(api.send("PUT", path, doc.toString()), 200)
                        .path("status")
                        .asString())
                .isEqualTo("closed");
    }

    @Test
    void putOfAPostingWithSeveralProfilesIsA400AndLeavesTheJobAsItWas() {
        JsonNode proposal = api.draft("Welder", "51-4121.00").path("proposal");
        String id = api.create(JobsIT.job("Welder", "51-4121.00", proposal, 3).toString())
                .path("id")
                .asString();
        ObjectNode doc = exported("Welder – two shifts");
        ((tools.jackson.databind.node.ArrayNode) doc.path("positionProfiles"))
                .add(doc.path("positionProfiles").get(0).deepCopy());

        HttpResponse<String> refused = api.send("PUT", "/api/v1/orgs/" + api.org + "/jobs/" + id, doc.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JobsApiClient.JSON.readTree(refused.body());
        assertThat(problem.path("type").asString()).endsWith("invalid-input");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("positionProfiles");
        assertThat(api.get(id).path("title").asString()).isEqualTo("Welder");
        assertThat(api.send("PUT", "/api/v1/orgs/" + api.org + "/jobs/" + id + "?format=xml", doc.toString())
                        .statusCode())
                .isEqualTo(400);
    }

    /** A job of this employer, exported as an HR Open PositionOpening with one position profile. */
    private ObjectNode exported(String title) {
        JsonNode proposal = api.draft("Welder", "51-4121.00").path("proposal");
        String id = api.create(JobsIT.job(title, "51-4121.00", proposal, 3).toString())
                .path("id")
                .asString();
        return (ObjectNode) api.ok(api.send("GET", "/jobs/" + id + "?format=hropen", null), 200);
    }

    private String publishedCredential() {
        Fixtures.Org college = fixtures.organization(Organization.Kind.PROVIDER);
        return RegistryCourse.certificate("Welding Certificate " + UUID.randomUUID(), "Structural welding.", "Attend.")
                .delivered(CredentialOfValue.DeliveryMode.IN_PERSON)
                .publishedBy(registry, college);
    }
}

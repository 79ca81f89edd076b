package org.openler.platform.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ontology's pages and JSON API over real HTTP with the bundled frameworks loaded: content negotiation on one URL,
 * the resolver from source URIs, an occupation's requirements with their sources, the CTDL-ASN export validated
 * against the Credential Registry's JSON Schemas, and the operators' upload.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillsWebIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAFF_SKILL = "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab";

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    WebClient web;

    @BeforeAll
    void load() {
        bundled.loadAll();
        web = WebClient.on(port);
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = web.get(path, "application/json");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void testFixtureFrameworksAreListedApartAsImportFormatSamplesNotAsRealFrameworks() {
        List<String> samples = new ArrayList<>();
        json("/skills").forEach(f -> {
            String slug = f.path("slug").asString();
            boolean bundled = f.path("source").asString().startsWith("openler-data:");
            if (bundled && (slug.startsWith("case-") || slug.startsWith("rsd-"))) {
                samples.add(f.path("name").asString());
            }
        });
        assertThat(samples).as("the bundled CASE and RSD samples").hasSizeGreaterThanOrEqualTo(2);
        String page = web.page("/skills").body();
        int section = page.indexOf("id=\"format-samples\"");
        assertThat(section).isPositive();
        String real = page.substring(0, section);
        String apart = page.substring(section);
        for (String name : samples) {
            String html = org.springframework.web.util.HtmlUtils.htmlEscape(name);
            assertThat(real).as(name).doesNotContain(">" + html + "<");
            assertThat(apart).as(name).contains(">" + html + "<");
        }
        assertThat(real).contains("/skills/esco/");
    }

    @Test
    void aBrowserSearchingSkillsGetsAPageWithASearchBoxAndLinkedResults() throws InterruptedException {
        HttpResponse<String> empty = web.page("/skills/search");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(empty.body()).contains("name=\"q\"");

        String body = "";
        for (int i = 0; i < 120 && !body.contains("id=\"results\""); i++) {
            body = web.page("/skills/search?q=welding&type=competency").body();
            if (!body.contains("id=\"results\"")) {
                Thread.sleep(500); // the catalogue is read in the background after the imports
            }
        }
        assertThat(body).contains("id=\"results\"", "/skills/resolve?uri=").containsIgnoringCase("weld");
        assertThat(json("/skills/search?q=welding").path("results").size())
                .as("programs still get JSON")
                .isPositive();
    }

    @Test
    void theFrameworksListAnswersJsonToProgramsAndAPageToPeople() {
        JsonNode list = json("/skills");
        List<String> versions = new ArrayList<>();
        list.forEach(f ->
                versions.add(f.path("slug").asString() + " " + f.path("version").asString()));
        assertThat(versions).contains("onet 29.3", "esco 1.1.1", "nice 2.0.0", "esco-onet-crosswalk 1");
        HttpResponse<String> page = web.page("/skills");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("ESCO (European Skills").contains("CC BY 4.0");
        assertThat(WebClient.on(port).page("/skills?lang=es").body()).contains("Marcos de competencias");
    }

    @Test
    void aFrameworkPagesThroughItsCompetencies() {
        JsonNode first = json("/skills/nice/2.0.0");
        assertThat(first.path("competencies").path("total").asInt()).isEqualTo(942 + 631 + 538 + 11);
        assertThat(first.path("competencies").path("items")).hasSize(50);
        JsonNode second = json("/skills/nice/2.0.0?page=2");
        assertThat(second.path("competencies").path("items").get(0).path("uri").asString())
                .isNotEqualTo(first.path("competencies")
                        .path("items")
                        .get(0)
                        .path("uri")
                        .asString());
        assertThat(web.get("/skills/nice/2.0.0?page=0", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(web.page("/skills/nice/2.0.0").body()).contains("Page 1 of 43");
    }

    @Test
    void aCompetencyShowsItsLabelsHierarchyAndTheOccupationsRequiringIt() {
        JsonNode staff = json("/skills/esco/1.1.1/competencies/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab");
        assertThat(staff.path("uri").asString()).isEqualTo(STAFF_SKILL);
        assertThat(staff.path("label").asString()).isEqualTo("manage musical staff");
        assertThat(staff.path("altLabels").toString()).contains("manage music staff");
        assertThat(staff.path("broader")).isNotEmpty();
        assertThat(staff.path("requiredBy")).isNotEmpty();
        String page = web.page("/skills/esco/1.1.1/competencies/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab")
                .body();
        assertThat(page)
                .contains("manage musical staff")
                .contains("Also called")
                .contains("Occupations that require it");
    }

    @Test
    void softwareDevelopersShowRequirementsThroughTheCrosswalkAndTechnologySkillsWithTheirFlags() {
        JsonNode developers = json("/skills/onet/29.3/occupations/15-1252.00");
        assertThat(developers.path("title").asString()).isEqualTo("Software Developers");
        assertThat(developers.path("jobZone").asInt()).isEqualTo(4);
        assertThat(developers.path("requirements")).isNotEmpty();
        developers
                .path("requirements")
                .forEach(r -> assertThat(r.path("source").asString()).isEqualTo("crosswalk"));
        List<String> labels = new ArrayList<>();
        developers.path("requirements").forEach(r -> labels.add(r.path("label").asString()));
        assertThat(labels).anyMatch(l -> l.contains("programming") || l.contains("software"));
        JsonNode technology = developers.path("technologySkills");
        assertThat(technology).isNotEmpty();
        assertThat(JsonFields.booleans(technology.toString(), "hotTechnology")).contains(true);
        assertThat(JsonFields.booleans(technology.toString(), "inDemand")).contains(true);
        assertThat(developers.path("related")).isNotEmpty();
        assertThat(developers.path("matches").toString()).contains("data.europa.eu/esco/occupation/");

        String page = web.page("/skills/onet/29.3/occupations/15-1252.00").body();
        assertThat(page)
                .contains("Software Developers")
                .contains("Through the crosswalk")
                .contains("Hot technology");
        assertThat(WebClient.on(port)
                        .page("/skills/onet/29.3/occupations/15-1252.00?lang=es")
                        .body())
                .contains("A través de la tabla de correspondencias");
    }

    @Test
    void aRatedOccupationListsImportanceAsWeightAndLevelAsProficiency() {
        JsonNode chiefs = json("/skills/onet/29.3/occupations/11-1011.00");
        JsonNode first = chiefs.path("requirements").get(0);
        assertThat(first.path("source").asString()).isEqualTo("rated");
        assertThat(first.path("proficiency").asInt()).isBetween(1, 5);
        double previous = 1;
        for (JsonNode r : chiefs.path("requirements")) {
            assertThat(r.path("weight").asDouble()).isLessThanOrEqualTo(previous);
            previous = r.path("weight").asDouble();
        }
    }

    @Test
    void aSourceUriResolvesToItsPlatformUrl() {
        HttpResponse<String> response =
                web.get("/skills/resolve?uri=" + URLEncoder.encode(STAFF_SKILL, StandardCharsets.UTF_8), "text/html");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/skills/esco/1.1.1/competencies/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab");
        HttpResponse<String> occupation = web.get(
                "/skills/resolve?uri="
                        + URLEncoder.encode(
                                "https://www.onetonline.org/link/summary/15-1252.00", StandardCharsets.UTF_8),
                "application/json");
        assertThat(occupation.headers().firstValue("Location").orElseThrow())
                .endsWith("/skills/onet/29.3/occupations/15-1252.00");
    }

    @Test
    void somethingUnknownIsAProblemNotAnError() {
        HttpResponse<String> unknown = web.get("/skills/esco/9.9/competencies/skill/none", "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(web.get("/skills/resolve?uri=urn:nothing:here", "application/json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(web.get("/skills/resolve?uri=%20not%20a%20uri", "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(web.page("/skills/onet/29.3/occupations/99-9999.99").statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nice/2.0.0", "onet/29.3", "esco/1.1.1"})
    void theCtdlAsnExportValidatesAgainstTheCredentialRegistrySchemas(String framework) throws IOException {
        HttpResponse<String> response = web.get("/skills/" + framework + "/ctdl-asn", "application/ld+json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        JsonNode graph = JSON.readTree(response.body()).path("@graph");
        Schema frameworkSchema = schema("competency_framework.json");
        Schema competencySchema = schema("competency.json");
        int frameworks = 0;
        int competencies = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode node : graph) {
            String type = node.path("@type").asString();
            Schema schema = type.equals("ceasn:CompetencyFramework") ? frameworkSchema : competencySchema;
            if (type.equals("ceasn:CompetencyFramework")) {
                frameworks++;
            } else {
                competencies++;
            }
            for (Error e : schema.validate(node)) {
                if (errors.size() < 5) {
                    errors.add(node.path("@id").asString() + ": " + e.getInstanceLocation() + " " + e.getMessage());
                }
            }
        }
        assertThat(errors).isEmpty();
        assertThat(frameworks).isEqualTo(1);
        String[] parts = framework.split("/");
        int stored = jdbc.sql("select competencies from skill_framework where slug = ? and version = ?")
                .param(parts[0])
                .param(parts[1])
                .query(Integer.class)
                .single();
        assertThat(competencies).isEqualTo(stored);
    }

    @Test
    void theCtdlAsnExportReadsBackAsTheSameFramework() {
        String exported =
                web.get("/skills/nice/2.0.0/ctdl-asn", "application/ld+json").body();
        var read = org.openler.skills.sources.CustomFormat.CTDL_ASN.read(
                exported.getBytes(StandardCharsets.UTF_8), "export", "");
        assertThat(read.concepts()).hasSize(942 + 631 + 538 + 11);
        assertThat(read.info().name()).startsWith("NICE Workforce Framework");
        assertThat(read.mappings()).anyMatch(m -> m.toUri().equals("urn:openler:nice:T0006"));
    }

    @Test
    void onlyPlatformOperatorsMayImportAndTheyGetTheFrameworkPageAfterwards() {
        WebClient learner = WebClient.on(port);
        learner.signIn(fixtures.learner().email().value(), Fixtures.PASSWORD);
        assertThat(learner.page("/skills/import").statusCode()).isEqualTo(403);

        WebClient operator = operator();
        String token = operator.csrfToken("/skills/import");
        byte[] file = sample("case/tests/_data/ItemTypeTestFramework.json");
        HttpResponse<String> response = upload(operator, token, "case", "", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).startsWith("/skills/case-item-type-test/");
        assertThat(operator.page(URI.create(location).getPath()).body()).contains("Item Type Test");
    }

    @Test
    void anUploadThatCannotBeReadIsRefusedWithTheReasonAndChangesNothing() {
        int before = jdbc.sql("select count(*) from skill_framework")
                .query(Integer.class)
                .single();
        WebClient operator = operator();
        String token = operator.csrfToken("/skills/import");
        HttpResponse<String> notJson =
                upload(operator, token, "ctdl-asn", "", "{\"@graph\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.statusCode()).isEqualTo(422);
        assertThat(notJson.body()).contains("not valid JSON");
        HttpResponse<String> noFormat = upload(operator, token, "", "", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(noFormat.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from skill_framework")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAsTooLargeAndChangesNothing() {
        int before = jdbc.sql("select count(*) from skill_framework")
                .query(Integer.class)
                .single();
        WebClient operator = operator();
        String token = operator.csrfToken("/skills/import");
        byte[] big = new byte[1_500_000];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> response = upload(operator, token, "case", "", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from skill_framework")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    private WebClient operator() {
        var account = fixtures.staff();
        jdbc.sql("update account set platform_operator = true where id = ?")
                .param(account.id().value())
                .update();
        WebClient operator = WebClient.on(port);
        operator.signIn(account.email().value(), Fixtures.PASSWORD);
        return operator;
    }

    static HttpResponse<String> upload(WebClient client, String token, String format, String name, byte[] file) {
        String boundary = "----openler" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        for (String[] field : new String[][] {{"_csrf", token}, {"format", format}, {"name", name}}) {
            head.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field[0])
                    .append("\"\r\n\r\n")
                    .append(field[1])
                    .append("\r\n");
        }
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"framework.json\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(file, 0, body, start.length, file.length);
        System.arraycopy(end, 0, body, start.length + file.length, end.length);
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/skills/import"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    static byte[] sample(String path) {
        try (InputStream in = SkillsWebIT.class.getClassLoader().getResourceAsStream("org/openler/data/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema schema(String file) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(JSON.readTree(sample("ctdl/fixtures/schemas/ce_registry/" + file)));
    }
}

package org.openler.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry over its real API: a provider's draft, published, updated and withdrawn, with every version kept;
 * import of Credential Engine's own CTDL; search with facets that follows publication and withdrawal.
 */
@PlatformTest
class RegistryIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryEntries entries;

    RegistryApiClient api;
    String base;

    @BeforeEach
    void aProviderWithAMachineClient() {
        base = "http://localhost:" + port;
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        api = new RegistryApiClient(
                base,
                provider.slug(),
                WebClient.clientToken(base, client.client().clientId(), client.secret()));
    }

    @Test
    void aDraftIsPublishedUpdatedAndWithdrawnWithEveryVersionKept() {
        String ctid = api.createDraft(RegistryApiClient.welding("Welding Technician"));
        assertThat(ctid).matches("ce-[0-9a-f-]{36}");
        assertThat(api.resource(ctid, "application/ld+json").statusCode())
                .as("a draft is not published")
                .isEqualTo(404);

        JsonNode published = api.publish(ctid);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("publishedVersion").asInt()).isEqualTo(1);
        HttpResponse<String> first = api.resource(ctid, "application/ld+json");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        JsonNode document = RegistryApiClient.JSON.readTree(first.body());
        assertThat(document.path("ceterms:ctid").asString()).isEqualTo(ctid);
        assertThat(document.path("@type").asString()).isEqualTo("ceterms:Certificate");
        assertThat(document.path("@id").asString()).isEqualTo(base + "/registry/resources/" + ctid);
        assertThat(new CtdlSchemas().validate(document).errors()).isEmpty();

        JsonNode updated = api.update(ctid, RegistryApiClient.welding("Welding Technician II"));
        assertThat(updated.path("draftChanged").asBoolean()).isTrue();
        assertThat(api.resource(ctid, "application/ld+json").body())
                .as("an edited draft leaves the published version as it was")
                .isEqualTo(first.body());
        assertThat(api.publish(ctid).path("publishedVersion").asInt()).isEqualTo(2);
        assertThat(api.resource(ctid, "application/ld+json").body()).contains("Welding Technician II");

        JsonNode versions = api.ok(api.send("GET", "/registry/resources/" + ctid + "/versions", null), 200);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(api.send("GET", "/registry/resources/" + ctid + "/versions/1", null)
                        .body())
                .isEqualTo(first.body());

        assertThat(api.withdraw(ctid).path("status").asString()).isEqualTo("WITHDRAWN");
        HttpResponse<String> gone = api.resource(ctid, "application/ld+json");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.send("GET", "/registry/resources/" + ctid + "/versions/2", null)
                        .statusCode())
                .as("history outlives withdrawal")
                .isEqualTo(200);
        assertThat(entries.findPublished(new Ctid(ctid))).isEmpty();
        assertThat(api.send("POST", "/api/v1/orgs/" + api.org + "/registry/entries/" + ctid + "/withdraw", null)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void twoEditsFromTheSameVersionAreAConflictAndTheSecondIsNotWritten() {
        String ctid = api.createDraft(RegistryApiClient.welding("Pipe Welding"));
        String path = "/api/v1/orgs/" + api.org + "/registry/entries/" + ctid;
        int version = api.ok(api.send("GET", path, null), 200)
                .path("draft")
                .path("version")
                .asInt();

        ObjectNode first = (ObjectNode) RegistryApiClient.JSON.readTree(RegistryApiClient.welding("Pipe Welding I"));
        first.put("version", version);
        assertThat(api.ok(api.send("PUT", path, first.toString()), 200)
                        .path("draft")
                        .path("version")
                        .asInt())
                .isEqualTo(version + 1);

        ObjectNode second = (ObjectNode) RegistryApiClient.JSON.readTree(RegistryApiClient.welding("Pipe Welding II"));
        second.put("version", version);
        HttpResponse<String> stale = api.send("PUT", path, second.toString());
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        JsonNode problem = RegistryApiClient.JSON.readTree(stale.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://openler.org/problems/conflict");
        assertThat(api.ok(api.send("GET", path, null), 200)
                        .path("draft")
                        .path("name")
                        .asString())
                .isEqualTo("Pipe Welding I");
    }

    @Test
    void aPublishedCredentialIsFoundForTheLeadsAchievementsByItsCtid() {
        String ctid = api.createDraft(RegistryApiClient.welding("Pipe Welding"));
        api.publish(ctid);
        PublishedCredential found = entries.findPublished(new Ctid(ctid)).orElseThrow();
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.credential().name()).isEqualTo("Pipe Welding");
        assertThat(found.url().toString()).endsWith("/registry/resources/" + ctid);
    }

    @Test
    void draftsWithMistakesAreRefusedFieldByField() {
        HttpResponse<String> refused = api.send("POST", "/api/v1/orgs/" + api.org + "/registry/entries", """
                {"type": "Spaceship", "name": "", "description": "x", "duration": "six months",
                 "teaches": [{"uri": "not a uri"}], "cost": {"amount": -5, "unit": "USD"}}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("duration", "teaches", "cost");
        assertThat(jdbc.sql("select count(*) from registry_entry where organization_id = ?")
                        .param(organizationId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherOrganizationCannotSeeOrChangeTheEntry() {
        String ctid = api.createDraft(RegistryApiClient.welding("Private Draft"));
        Fixtures.Org other = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(other);
        RegistryApiClient intruder = new RegistryApiClient(
                base, other.slug(), WebClient.clientToken(base, client.client().clientId(), client.secret()));
        assertThat(intruder.send(
                                "POST", "/api/v1/orgs/" + other.slug() + "/registry/entries/" + ctid + "/publish", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(intruder.send("GET", "/api/v1/orgs/" + other.slug() + "/registry/entries/" + ctid, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void credentialEnginesSeedCredentialsAreImportedAfterNormalisingAndExportedEquivalent() {
        // the organization imports its own credential: Credential Engine's record, owned by this organization
        String seed = data("db/seeds/ce_registry/credential.json")
                .replace(
                        "https://credentialengineregistry.org/graph/ce-8DDBF031-BAD6-4B19-B726-066D5F71AD01",
                        base + "/orgs/" + api.org);
        HttpResponse<String> imported = api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", seed);
        JsonNode stored = api.ok(imported, 201);
        assertThat(stored).hasSize(1);
        String ctid = stored.get(0).path("ctid").asString();
        assertThat(ctid).isEqualTo("ce-53bc7e5d-d39c-4687-ac89-0474f691055d");
        assertThat(stored.get(0).path("normalised").toString()).contains("language map");

        JsonNode exported = RegistryApiClient.JSON.readTree(
                api.resource(ctid, "application/ld+json").body());
        List<Ctdl.Normalisation> changes = new ArrayList<>();
        JsonNode expected = Ctdl.normalise(
                (tools.jackson.databind.node.ObjectNode)
                        RegistryApiClient.JSON.readTree(seed).path("@graph").get(0),
                changes);
        assertThat(exported).isEqualTo(expected);
        assertThat(exported.path("@context").asString())
                .as("a resource of a @graph has no context of its own; stored alone it gets one")
                .isEqualTo(Ctdl.CONTEXT);
        assertThat(new CtdlSchemas().validate(exported).errors()).isEmpty();

        JsonNode again = api.ok(api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", seed), 201);
        assertThat(again.get(0).path("created").asBoolean())
                .as("re-import adds a version")
                .isFalse();
        assertThat(again.get(0).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void anImportDoesNotPublishACredentialAnotherOrganizationOwns() throws Exception {
        int before = count();
        // Credential Engine's record of a credential another agent owns (ce-8DDBF031-…), as Capella's was once
        String capellas = data("db/seeds/ce_registry/credential.json");
        HttpResponse<String> refused = api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", capellas);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RegistryApiClient.JSON
                        .readTree(refused.body())
                        .path("detail")
                        .asString())
                .contains("only its owner may publish it");
        assertThat(count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void olderCtdlShapesAreRefusedWithTheSchemasReasonsAndNothingIsStored() {
        int before = count();
        String older = data("spec/support/fixtures/json/ce_registry/credential/1_valid.json");
        HttpResponse<String> refused = api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", older);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("subjectWebpage");

        String mixed = "[" + data("db/seeds/ce_registry/credential_provisional.json") + "," + older + "]";
        assertThat(api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", mixed)
                        .statusCode())
                .isEqualTo(422);
        assertThat(api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", "{\"@graph\": [1]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/orgs/" + api.org + "/registry/import", "{not json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(count()).as("a refused import leaves the registry untouched").isEqualTo(before);
    }

    @Test
    void searchFindsPublishedCredentialsByTextAndFacetsAndForgetsWithdrawnOnes() {
        String marker = "zircon" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String welding = api.createDraft(RegistryApiClient.welding("Welding " + marker));
        String nursing = api.createDraft("""
                {"type": "Certification", "name": "Nursing Assistant %s",
                 "description": "Patient care in hospitals and care homes.", "cost": {"amount": 0, "unit": "USD"},
                 "duration": "PT120H", "delivery": ["ONLINE", "BLENDED"],
                 "places": [{"locality": "Mobile", "region": "AL", "country": "US"}],
                 "teaches": [{"uri": "http://data.europa.eu/esco/skill/patient-care", "label": "patient care"}]}""".formatted(marker));
        api.publish(welding);
        api.publish(nursing);

        JsonNode text = api.search("q=" + marker);
        assertThat(text.path("total").asLong()).isEqualTo(2);
        JsonNode stemmed = api.search("q=welds+" + marker);
        assertThat(ctids(stemmed)).containsExactly(welding);

        JsonNode online = api.search("q=" + marker + "&delivery=ONLINE");
        assertThat(ctids(online)).containsExactly(nursing);
        JsonNode free = api.search("q=" + marker + "&cost=0-0");
        assertThat(ctids(free)).containsExactly(nursing);
        JsonNode longOnes = api.search("q=" + marker + "&duration=2190-");
        assertThat(ctids(longOnes)).containsExactly(welding);
        JsonNode byCompetency =
                api.search("provider=" + api.org + "&competency=http://data.europa.eu/esco/skill/patient-care");
        assertThat(ctids(byCompetency)).containsExactly(nursing);
        JsonNode byType = api.search("provider=" + api.org + "&type=Certificate");
        assertThat(ctids(byType)).containsExactly(welding);

        JsonNode facets = text.path("facets");
        assertThat(facet(facets, "type")).contains("Certificate=1", "Certification=1");
        assertThat(facet(facets, "delivery")).contains("IN_PERSON=1", "ONLINE=1", "BLENDED=1");
        assertThat(facet(facets, "cost")).contains("0-0=1", "1000-4999=1");
        assertThat(facet(facets, "provider")).contains(api.org + "=2");
        assertThat(facet(facets, "location")).contains("Birmingham, AL, US=1", "Mobile, AL, US=1");
        // a location is one value, commas and all; a state or a city and state finds the places in it
        assertThat(ctids(api.search("q=" + marker + "&location=" + encode("Mobile, AL, US"))))
                .containsExactly(nursing);
        assertThat(ctids(api.search("q=" + marker + "&location=" + encode("Birmingham, AL"))))
                .containsExactly(welding);
        assertThat(ctids(api.search("q=" + marker + "&location=AL"))).containsExactlyInAnyOrder(welding, nursing);
        assertThat(ctids(api.search("q=" + marker + "&location=al"))).containsExactlyInAnyOrder(welding, nursing);
        assertThat(ctids(api.search("q=" + marker + "&location=" + encode("Mobile, AL") + "&location=TX")))
                .containsExactly(nursing);
        assertThat(text.toString()).contains("weld metal", "Welders");

        api.withdraw(welding);
        assertThat(ctids(api.search("q=" + marker))).containsExactly(nursing);

        assertThat(api.send("GET", "/api/v1/registry/search?cost=abc", null).statusCode())
                .isEqualTo(400);
        assertThat(api.send("GET", "/api/v1/registry/search?limit=100000", null).statusCode())
                .isEqualTo(400);
    }

    private static List<String> ctids(JsonNode results) {
        List<String> ctids = new ArrayList<>();
        results.path("hits").forEach(hit -> ctids.add(hit.path("ctid").asString()));
        return ctids;
    }

    private static List<String> facet(JsonNode facets, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode facet : facets) {
            if (facet.path("name").asString().equals(name)) {
                facet.path("values")
                        .forEach(v -> values.add(v.path("value").asString() + "="
                                + v.path("count").asLong()));
            }
        }
        return values;
    }

    private java.util.UUID organizationId() {
        return jdbc.sql("select id from organization where slug = ?")
                .param(api.org)
                .query(java.util.UUID.class)
                .single();
    }

    private int count() {
        return jdbc.sql("select count(*) from registry_version")
                .query(Integer.class)
                .single();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String data(String path) {
        try (InputStream in = RegistryIT.class.getResourceAsStream("/org/openler/data/ctdl/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

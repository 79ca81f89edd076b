package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.Framework;
import org.openler.platform.skills.Frameworks;
import org.openler.platform.skills.load.FrameworkImports;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.skills.sources.NiceReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An achievement aligned to competencies of the platform's ontology and pointing at its own entry in the Credential
 * Registry: the issued Open Badges 3.0 credential names them as OB 3.0 alignments (type, framework, code) and verifies.
 */
@PlatformTest
class AchievementLinksIT {

    private static final String WELDING_ENTRY = """
            {"type": "Certificate", "name": "Welding Technician",
             "description": "Safe, code-compliant MIG and TIG welds on steel and aluminium.",
             "requirements": "Pass the practical assessment after 120 hours of shop time.",
             "cost": {"amount": 2450, "unit": "USD"}, "duration": "P6M", "delivery": ["IN_PERSON"],
             "places": [{"locality": "Birmingham", "region": "AL", "country": "US"}],
             "teaches": [{"uri": "http://data.europa.eu/esco/skill/welding-test", "label": "weld metal"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FrameworkImports imports;

    @Autowired
    Frameworks frameworks;

    @Autowired
    Competencies competencies;

    @Test
    void anAlignmentToAnOntologyCompetencyIsNamedTypedAndCodedAsTheOntologySays() {
        imports.load(NiceReader::read);
        Framework nice = frameworks.newest(NiceReader.SLUG).orElseThrow();
        Competency competency = competencies.page(nice.id(), 0, 1).get(0);
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);

        HttpResponse<String> created =
                issuer.post("/orgs/" + issuer.slug() + "/achievements", """
                {"name": "Cyber Defense Basics", "description": "Defends networks.", "criteria": "Passed the lab.",
                 "alignments": [{"targetUrl": "%s"}, {"targetUrl": "https://skills.example/other", "targetName": "other"}]}""".formatted(competency.uri()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JsonFields.strings(created.body(), "targetName")).contains(competency.label());
        assertThat(JsonFields.strings(created.body(), "targetType")).contains("ceasn:Competency");
        assertThat(JsonFields.strings(created.body(), "targetFramework"))
                .contains(Achievements.withVersion(nice.name(), nice.version()));
        assertThat(JsonFields.objectsWith(created.body(), "targetName"))
                .anyMatch(a -> a.path("targetName").asString().equals("other")
                        && a.path("targetType").isNull());
        String credential = issueFor(issuer, IssuerClient.field(created.body(), "id"));
        assertThat(JsonFields.strings(credential, "targetType")).contains("ceasn:Competency");
        assertThat(credential).contains(competency.uri().toString());
        assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);
    }

    @Test
    void anAchievementPointsAtItsOwnPublishedRegistryEntry() {
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);
        String ctid = publishedEntry(issuer);

        HttpResponse<String> created = issuer.post("/orgs/" + issuer.slug() + "/achievements", """
                {"name": "Welding Technician", "description": "Welds.", "criteria": "Passed.", "registryCtid": "%s"}""".formatted(ctid));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JsonFields.strings(created.body(), "registryCtid")).contains(ctid);
        assertThat(JsonFields.strings(created.body(), "targetType")).contains("ceterms:Credential");
        assertThat(created.body()).contains("/registry/resources/" + ctid);
        String credential = issueFor(issuer, IssuerClient.field(created.body(), "id"));
        assertThat(credential).contains("/registry/resources/" + ctid, "ceterms:Credential");
        assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);
    }

    @Test
    void aDraftOrAnotherOrganizationsEntryIsRefusedAndNothingIsMade() {
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);
        IssuerClient other = IssuerClient.aProvider(fixtures, port);
        String theirs = publishedEntry(other);
        HttpResponse<String> draft = issuer.post("/api/v1/orgs/" + issuer.slug() + "/registry/entries", WELDING_ENTRY);
        String unpublished = IssuerClient.field(draft.body(), "ctid");

        for (String ctid : new String[] {theirs, unpublished, "not-a-ctid"}) {
            HttpResponse<String> refused = issuer.post("/orgs/" + issuer.slug() + "/achievements", """
                    {"name": "Linked", "description": "d", "criteria": "c", "registryCtid": "%s"}""".formatted(ctid));
            assertThat(refused.statusCode()).as(ctid).isEqualTo(400);
            assertThat(refused.body()).contains("registryCtid");
        }
    }

    private static String publishedEntry(IssuerClient issuer) {
        HttpResponse<String> draft = issuer.post("/api/v1/orgs/" + issuer.slug() + "/registry/entries", WELDING_ENTRY);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String ctid = IssuerClient.field(draft.body(), "ctid");
        HttpResponse<String> published =
                issuer.post("/api/v1/orgs/" + issuer.slug() + "/registry/entries/" + ctid + "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return ctid;
    }

    private static String issueFor(IssuerClient issuer, String achievementId) {
        HttpResponse<String> issued =
                issuer.post("/orgs/" + issuer.slug() + "/credentials/issue", """
                {"achievementId": "%s", "recipient": {"email": "linked@example.org"}}""".formatted(achievementId));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return IssuerClient.unwrap(issued.body());
    }
}

package org.openler.platform.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verified resume: the page in the learner's order without hidden credentials, the PDF (its text read back with
 * PDFBox, Spanish accents included, font embedded), and the LER-RS export validated against HR Open's LER-RSType JSON
 * Schema (draft-04, bundled: the hropenstandards.org ids map to test resources, nothing is fetched).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LER_RS = "https://www.hropenstandards.org/recruiting/json/LER-RSType.json";

    @LocalServerPort
    int port;

    @Autowired
    ProfileKit kit;

    Schema lerRs;

    @BeforeAll
    void load() {
        kit.ontology();
        lerRs = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_4,
                        registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .schemaIdResolvers(ids -> ids.mapPrefix(
                                        "https://www.hropenstandards.org/",
                                        "classpath:ler-rs/www.hropenstandards.org/"))))
                .getSchema(SchemaLocation.of(LER_RS));
    }

    /** A learner with a claimed credential, two imported ones (one hidden, one moved first), a skill and a job. */
    private record Setup(Account learner, WebClient web, ProfileKit.Held welding, UUID marine) {}

    private Setup learnerWithAResume() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);
        ProfileKit.Held welding = kit.issueAndClaim(kit.weldingSchool(), learner, web);
        WalletKit.importText(web, WalletKit.elsewhere("Marine Biology 101"));
        WalletKit.importText(web, WalletKit.elsewhere("Secret Hobby"));
        UUID marine = held(web, "Marine Biology 101");
        UUID secret = held(web, "Secret Hobby");
        web.submit("/wallet", "/wallet/credentials/" + secret + "/hide", Map.of());
        web.submit("/wallet", "/wallet/credentials/" + marine + "/move", Map.of("direction", "up"));
        web.submit(
                "/wallet/resume",
                "/wallet/experiences",
                Map.of(
                        "kind", "work",
                        "title", "Soldador de estructuras",
                        "organization", "Fundación Técnica Añil",
                        "start", "2023-02-01",
                        "description", "Soldadura MIG y TIG en acero y aluminio; señalización de grúas."));
        web.submit(
                "/wallet/skills",
                "/wallet/skills",
                Map.of("ownWords", "knot tying for boats", "evidenceText", "Ten years of sailing."));
        return new Setup(learner, web, welding, marine);
    }

    @Test
    void thePageShowsExperiencesCredentialsInTheLearnersOrderAndSkillsWithTheirMarksButNoHiddenCredential() {
        Setup s = learnerWithAResume();

        HttpResponse<String> page = s.web().page("/wallet/resume");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body)
                .contains("Soldador de estructuras", "Fundación Técnica Añil", "use welding equipment", "Verified")
                .contains("knot tying for boats", "Self-asserted")
                .doesNotContain("Secret Hobby");
        assertThat(body.indexOf("Marine Biology 101"))
                .as("moved first in the wallet, first on the resume")
                .isPositive()
                .isLessThan(body.indexOf("Welding and Rigging"));
        assertThat(s.web().page("/wallet/resume?lang=es").body())
                .contains("Mi currículum verificado", "Verificada")
                .as("ESCO's Spanish label of the skill on the Spanish page")
                .contains("utilizar equipos de soldadura");
    }

    @Test
    void thePdfReadsBackTheSameResumeWithSpanishAccentsInAnEmbeddedFont() throws Exception {
        Setup s = learnerWithAResume();

        long started = System.nanoTime();
        byte[] english = download(s.web(), "/wallet/resume/pdf?lang=en");
        long millis = (System.nanoTime() - started) / 1_000_000;
        byte[] spanish = download(s.web(), "/wallet/resume/pdf?lang=es");

        try (PDDocument pdf = Loader.loadPDF(english)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains(s.learner().displayName())
                    .contains("Soldador de estructuras — Fundación Técnica Añil")
                    .contains("señalización de grúas")
                    .contains("Marine Biology 101", "Welding and Rigging", "Verified")
                    .contains("use welding equipment", "Verified: Welding and Rigging")
                    .contains("knot tying for boats", "Self-asserted")
                    .doesNotContain("Secret Hobby");
            assertThat(text.indexOf("Marine Biology 101")).isLessThan(text.indexOf("Welding and Rigging"));
            System.out.printf(
                    "Resume PDF: %d bytes, %d page(s), answered in %d ms (three credentials re-verified)%n",
                    english.length, pdf.getNumberOfPages(), millis);
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded())
                        .as(font.getName() + " is embedded")
                        .isTrue();
            }
        }
        try (PDDocument pdf = Loader.loadPDF(spanish)) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Experiencia", "Credenciales", "Habilidades", "Verificada", "Declarada por mí")
                    .contains("utilizar equipos de soldadura")
                    .doesNotContain("use welding equipment");
        }
    }

    @Test
    void theLerRsExportIsValidAgainstHrOpensSchemaWithEachCredentialEmbeddedAsHeld() throws Exception {
        Setup s = learnerWithAResume();
        WalletKit.importText(s.web(), WalletKit.jwt("Crane Signalling"));

        HttpResponse<String> exported = s.web().get("/api/v1/profile/resume", "application/json");
        HttpResponse<String> download = s.web().get("/wallet/resume/ler-rs", "application/json");

        assertThat(exported.statusCode()).isEqualTo(200);
        System.out.printf(
                "LER-RS export: %d bytes with three credentials embedded%n",
                exported.body().length());
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
        JsonNode resume = JSON.readTree(exported.body());
        List<Error> errors = lerRs.validate(resume);
        assertThat(errors).as("LER-RS schema errors").isEmpty();

        assertThat(resume.path("type").asString()).isEqualTo(LerRsExport.TYPE);
        assertThat(resume.path("employmentHistories")
                        .get(0)
                        .path("organization")
                        .path("name")
                        .asString())
                .isEqualTo("Fundación Técnica Añil");
        JsonNode education = resume.path("educationAndLearnings");
        assertThat(education).hasSize(3);
        JsonNode first = education.get(0).path("verifications").get(0).path("otherW3CVerifiableCredential");
        assertThat(first)
                .isEqualTo(JSON.readTree(s.web()
                        .get("/api/v1/wallet/credentials/" + s.marine(), "application/json")
                        .body()));
        JsonNode enveloped = education.get(2).path("verifications").get(0).path("otherW3CVerifiableCredential");
        assertThat(enveloped.path("type").asString()).isEqualTo("EnvelopedVerifiableCredential");
        assertThat(enveloped.path("id").asString()).startsWith("data:application/vc+jwt,ey");

        JsonNode welding = skillNamed(resume, "use welding equipment");
        assertThat(welding.path("definitionReference").path("reference").asString())
                .isEqualTo(ProfileKit.WELDING.toString());
        assertThat(welding.path("keywords").get(0).path("value").asString()).isEqualTo("verified");
        assertThat(welding.path("verifications")
                        .get(0)
                        .path("Verification")
                        .path("reference")
                        .asString())
                .startsWith("urn:uuid:");
        JsonNode own = skillNamed(resume, "knot tying for boats");
        assertThat(own.path("keywords").get(0).path("value").asString()).isEqualTo("self-asserted");
        assertThat(own.path("comments").toString()).contains("Self-asserted", "Ten years of sailing.");
    }

    @Test
    void theSchemaCheckRefusesAnExportWithAnotherTypeOrAnEmptyList() {
        Setup s = learnerWithAResume();
        ObjectNode resume = (ObjectNode) JSON.readTree(
                s.web().get("/api/v1/profile/resume", "application/json").body());
        assertThat(lerRs.validate(resume)).isEmpty();

        ObjectNode wrongType = resume.deepCopy().put("type", "https://example.org/resume");
        ObjectNode emptySkills = resume.deepCopy();
        emptySkills.putArray("skills");

        assertThat(lerRs.validate(wrongType)).isNotEmpty();
        assertThat(lerRs.validate(emptySkills)).isNotEmpty();
    }

    private static JsonNode skillNamed(JsonNode resume, String name) {
        for (JsonNode skill : resume.path("skills")) {
            if (skill.path("name").asString().equals(name)) {
                return skill;
            }
        }
        throw new AssertionError("No skill " + name + " in " + resume.path("skills"));
    }

    private static UUID held(WebClient web, String name) {
        JsonNode list = JSON.readTree(
                web.get("/api/v1/wallet/credentials", "application/json").body());
        for (JsonNode item : list) {
            if (item.path("name").asString().equals(name)) {
                return UUID.fromString(item.path("id").asString());
            }
        }
        throw new AssertionError("Not in the wallet: " + name);
    }

    private static byte[] download(WebClient web, String path) throws Exception {
        String url = web.base() + path;
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", web.cookieHeader(url))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }
}

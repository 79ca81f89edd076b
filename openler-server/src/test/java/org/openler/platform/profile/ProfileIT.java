package org.openler.platform.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.skills.SkillMapping;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The skills profile over real HTTP: each kind of provenance (verified from a credential's alignments, endorsed by an
 * imported EndorsementCredential, self-asserted and mapped with the free-text mapper), a revoked credential's skills
 * dropping, correcting and deleting one's own statements, isolation between two learners, and the privacy section's
 * export and restore.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ProfileKit kit;

    @Autowired
    SkillMapping mapping;

    @Autowired
    ProfilePersonalData personalData;

    @Autowired
    HolderKeys holderKeys;

    @BeforeAll
    void theOntologyIsLoaded() throws InterruptedException {
        kit.ontology();
        // the suggestion engine reads the catalogue in the background after an import (lexical at once)
        for (int i = 0; i < 120 && mapping.suggest("welding", 1).isEmpty(); i++) {
            Thread.sleep(500);
        }
    }

    @Test
    void aHeldCredentialsCompetencyAlignmentsBecomeVerifiedSkillsThatNameTheCredential() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);
        ProfileKit.Held held = kit.issueAndClaim(kit.weldingSchool(), learner, web);

        JsonNode skills = skills(web);

        assertThat(labels(skills)).containsExactlyInAnyOrder("use welding equipment", "Rigging");
        JsonNode welding = skill(skills, ProfileKit.WELDING).orElseThrow();
        assertThat(welding.path("sources")).hasSize(1);
        JsonNode source = welding.path("sources").get(0);
        assertThat(source.path("kind").asString()).isEqualTo("verified");
        assertThat(source.path("credential").asString()).isEqualTo(held.wallet().toString());
        assertThat(source.path("credentialName").asString()).isEqualTo("Welding and Rigging");
        assertThat(skill(skills, ProfileKit.COURSE)).as("a course is no skill").isEmpty();
        HttpResponse<String> page = web.page("/wallet/skills");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("use welding equipment", "data-provenance=\"verified\"", "Welding and Rigging");
    }

    @Test
    void aRevokedCredentialDropsItsSkillsAndAReinstatedOneBringsThemBack() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);
        WalletKit.Provider school = kit.weldingSchool();
        ProfileKit.Held held = kit.issueAndClaim(school, learner, web);
        assertThat(labels(skills(web))).contains("use welding equipment");

        kit.wallet.changeStatus(school, held.issued(), CredentialStatus.REVOKED);

        assertThat(skills(web)).isEmpty();
        assertThat(web.page("/wallet/skills").body()).doesNotContain("use welding equipment");
        assertThat(JsonFields.strings(
                        web.get("/api/v1/profile/resume", "application/json").body(), "name"))
                .as("the resume still lists the credential, with its state, but not its skills")
                .doesNotContain("use welding equipment");
    }

    @Test
    void anEndorsementByAThirdPartyShowsOnTheSkillItEndorsesWithTheEndorser() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);
        ProfileKit.Held held = kit.issueAndClaim(kit.weldingSchool(), learner, web);

        HttpResponse<String> imported = WalletKit.importText(
                web,
                ProfileKit.endorsement(ProfileKit.WELDING, "Harbour Welders Guild", "Welds cleanly under pressure."));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        // an endorsement of a skill the learner has no credential for still shows, endorsed only
        WalletKit.importText(web, ProfileKit.endorsement(ProfileKit.DATA_ANALYSIS, "Data Co-op", "Sharp analyst."));

        JsonNode skills = skills(web);
        JsonNode welding = skill(skills, ProfileKit.WELDING).orElseThrow();
        assertThat(kinds(welding)).containsExactly("verified", "endorsed");
        JsonNode endorsed = welding.path("sources").get(1);
        assertThat(endorsed.path("by").asString()).isEqualTo("Harbour Welders Guild");
        assertThat(endorsed.path("comment").asString()).isEqualTo("Welds cleanly under pressure.");
        JsonNode analysis = skill(skills, ProfileKit.DATA_ANALYSIS).orElseThrow();
        assertThat(kinds(analysis)).containsExactly("endorsed");
        assertThat(analysis.path("label").asString()).isEqualTo("perform data analysis");
        assertThat(web.page("/wallet/skills").body()).contains("Endorsed by Harbour Welders Guild");

        // endorsing the achievement endorses each skill it aligns to
        URI achievement = URI.create(JSON.readTree(web(web, "/api/v1/wallet/credentials/" + held.wallet()))
                .path("credentialSubject")
                .path("achievement")
                .path("id")
                .asString());
        WalletKit.importText(web, ProfileKit.endorsement(achievement, "Port Authority", "A safe rigger."));
        JsonNode after = skills(web);
        assertThat(kinds(skill(after, ProfileKit.WELDING).orElseThrow()))
                .containsExactly("verified", "endorsed", "endorsed");
        assertThat(skill(after, ProfileKit.RIGGING)
                        .orElseThrow()
                        .path("sources")
                        .toString())
                .contains("Port Authority", "A safe rigger.");
    }

    @Test
    void anEndorsementTheLearnerSignedWithTheirOwnKeyIsNoEndorsement() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);
        kit.issueAndClaim(kit.weldingSchool(), learner, web);
        HolderKeys.HolderKey own = holderKeys.signingKey(learner.id());

        HttpResponse<String> imported = WalletKit.importText(
                web, ProfileKit.endorsement(ProfileKit.WELDING, "Me, myself", "I am great.", own.keyPair()));

        assertThat(imported.statusCode())
                .as("it verifies, so the wallet takes it")
                .isEqualTo(302);
        assertThat(kinds(skill(skills(web), ProfileKit.WELDING).orElseThrow())).containsExactly("verified");
    }

    @Test
    void aSkillInTheLearnersOwnWordsIsMappedAtTheirChoiceAndAlwaysShownAsSelfAsserted() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);

        HttpResponse<String> offered = web.page("/wallet/skills?words=welding");
        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body()).contains("name=\"competency\"", "keep my own words");
        List<SkillMapping.Candidate> candidates = mapping.suggest("welding", ProfilePages.SUGGESTIONS);
        assertThat(candidates).isNotEmpty();
        SkillMapping.Candidate picked = candidates.get(0);
        assertThat(offered.body()).contains(picked.uri().toString());

        HttpResponse<String> added = web.submit(
                "/wallet/skills",
                "/wallet/skills",
                Map.of(
                        "ownWords", "welding",
                        "competency", picked.uri().toString(),
                        "evidenceUrl", "https://portfolio.example.org/my-welds",
                        "evidenceText", "Built a trailer frame, MIG welded."));
        assertThat(added.statusCode()).isEqualTo(302);
        web.submit("/wallet/skills", "/wallet/skills", Map.of("ownWords", "knot tying for boats", "competency", ""));

        JsonNode skills = skills(web);
        JsonNode mapped = skill(skills, picked.uri()).orElseThrow();
        assertThat(mapped.path("label").asString()).isEqualTo(picked.label());
        assertThat(kinds(mapped)).containsExactly("self-asserted");
        assertThat(mapped.path("sources").get(0).path("evidenceUrl").asString())
                .isEqualTo("https://portfolio.example.org/my-welds");
        JsonNode free = byLabel(skills, "knot tying for boats").orElseThrow();
        assertThat(free.path("competency").isNull()).isTrue();
        assertThat(kinds(free)).containsExactly("self-asserted");
        assertThat(web.page("/wallet/skills").body()).contains("data-provenance=\"self-asserted\"");

        UUID own = UUID.fromString(free.path("sources").get(0).path("skill").asString());
        HttpResponse<String> corrected = web.submit(
                "/wallet/skills/" + own + "/edit",
                "/wallet/skills/" + own,
                Map.of("ownWords", "sailing knots", "competency", ""));
        assertThat(corrected.statusCode()).isEqualTo(302);
        assertThat(labels(skills(web))).contains("sailing knots").doesNotContain("knot tying for boats");
        web.submit("/wallet/skills", "/wallet/skills/" + own + "/delete", Map.of());
        assertThat(labels(skills(web))).doesNotContain("sailing knots");
    }

    @Test
    void aSelfAssertedSkillWithoutWordsOrWithAScriptForEvidenceIsRefusedNamingTheField() {
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);

        HttpResponse<String> noWords = api(web, "POST", "/api/v1/profile/skills/own", "{\"ownWords\": \"  \"}");
        HttpResponse<String> script = api(
                web,
                "POST",
                "/api/v1/profile/skills/own",
                "{\"ownWords\": \"welding\", \"evidenceUrl\": \"javascript:alert(1)\"}");
        HttpResponse<String> unknown = api(
                web,
                "POST",
                "/api/v1/profile/skills/own",
                "{\"ownWords\": \"welding\", \"competency\": \"https://nowhere.example/skill\"}");

        assertThat(noWords.statusCode()).isEqualTo(400);
        assertThat(noWords.body()).contains("ownWords");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("evidenceUrl");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("competency");
        assertThat(skills(web)).isEmpty();
    }

    @Test
    void oneLearnerSeesAndChangesNothingOfAnothersProfile() {
        Account a = kit.fixtures.learner();
        Account b = kit.fixtures.learner();
        WebClient webA = WalletKit.signedIn(port, a);
        WebClient webB = WalletKit.signedIn(port, b);
        ProfileKit.Held heldByB = kit.issueAndClaim(kit.weldingSchool(), b, webB);
        HttpResponse<String> created =
                api(webB, "POST", "/api/v1/profile/skills/own", "{\"ownWords\": \"crane signalling\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String bSkill = JSON.readTree(created.body()).path("id").asString();
        HttpResponse<String> experience = api(
                webB,
                "POST",
                "/api/v1/profile/experiences",
                "{\"kind\": \"work\", \"title\": \"Rigger\", \"organization\": \"Port of B\"}");
        String bExperience = JSON.readTree(experience.body()).path("id").asString();

        assertThat(skills(webA)).isEmpty();
        assertThat(web(webA, "/api/v1/profile/experiences")).doesNotContain("Rigger");
        assertThat(webA.page("/wallet/skills/" + bSkill + "/edit").statusCode()).isEqualTo(404);
        assertThat(webA.page("/wallet/experiences/" + bExperience + "/edit").statusCode())
                .isEqualTo(404);
        assertThat(api(webA, "PUT", "/api/v1/profile/skills/own/" + bSkill, "{\"ownWords\": \"mine now\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api(webA, "DELETE", "/api/v1/profile/skills/own/" + bSkill, "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api(webA, "DELETE", "/api/v1/profile/experiences/" + bExperience, "")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> borrowed = api(
                webA,
                "POST",
                "/api/v1/profile/skills/own",
                "{\"ownWords\": \"welding\", \"evidenceCredential\": \"" + heldByB.wallet() + "\"}");
        assertThat(borrowed.statusCode())
                .as("another learner's credential is no evidence")
                .isEqualTo(400);
        assertThat(web(webA, "/api/v1/profile/resume")).doesNotContain("Rigger", "crane signalling", "Welding");

        assertThat(labels(skills(webB))).contains("crane signalling", "use welding equipment");
    }

    @Test
    void theSectionExportsAndRestoresIntoAFreshAccountWithItsEvidenceCredentialTranslated() {
        Account a = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, a);
        ProfileKit.Held held = kit.issueAndClaim(kit.weldingSchool(), a, web);
        api(
                web,
                "POST",
                "/api/v1/profile/skills/own",
                "{\"ownWords\": \"TIG on aluminium\", \"competency\": \"" + ProfileKit.WELDING
                        + "\", \"evidenceText\": \"Años de práctica\", \"evidenceCredential\": \"" + held.wallet()
                        + "\"}");
        api(
                web,
                "POST",
                "/api/v1/profile/experiences",
                "{\"kind\": \"education\", \"title\": \"Welding course\", \"organization\": \"Escuela Técnica\","
                        + " \"start\": \"2021-09-01\", \"end\": \"2022-06-30\"}");
        AccountId owner = a.id();
        JsonNode section = personalData.export(owner);
        assertThat(personalData.summary(owner)).extracting(item -> item.count()).containsExactly(1L, 1L);

        Account fresh = kit.fixtures.learner();
        WebClient freshWeb = WalletKit.signedIn(port, fresh);
        WalletKit.importText(freshWeb, WalletKit.elsewhere("Welding and Rigging, restored"));
        UUID restoredCredential = UUID.fromString(JSON.readTree(web(freshWeb, "/api/v1/wallet/credentials"))
                .get(0)
                .path("id")
                .asString());
        IdMap ids = new IdMap();
        // the wallet section, restored first (order 10), maps the bundle's credential ids to the new ones
        ids.put("wallet", held.wallet().toString(), restoredCredential);
        assertThat(personalData.restoreOrder()).isGreaterThan(10);
        personalData.restore(fresh.id(), section, ids);
        Account another = kit.fixtures.learner();
        personalData.restore(another.id(), section, new IdMap());

        JsonNode restored = personalData.export(fresh.id());
        JsonNode skill = restored.path("selfAssertedSkills").get(0);
        assertThat(skill.path("ownWords").asString()).isEqualTo("TIG on aluminium");
        assertThat(skill.path("competency").asString()).isEqualTo(ProfileKit.WELDING.toString());
        assertThat(skill.path("evidenceText").asString()).isEqualTo("Años de práctica");
        assertThat(skill.path("evidenceCredential").asString()).isEqualTo(restoredCredential.toString());
        assertThat(personalData
                        .export(another.id())
                        .path("selfAssertedSkills")
                        .get(0)
                        .path("evidenceCredential")
                        .isNull())
                .as("a credential the wallet did not bring back is dropped from the evidence")
                .isTrue();
        assertThat(restored.path("experiences").get(0).path("organization").asString())
                .isEqualTo("Escuela Técnica");
    }

    private static JsonNode skills(WebClient web) {
        return JSON.readTree(web(web, "/api/v1/profile/skills"));
    }

    private static String web(WebClient web, String path) {
        HttpResponse<String> response = web.get(path, "application/json");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static HttpResponse<String> api(WebClient web, String method, String path, String json) {
        String token = web.csrfToken("/wallet/skills");
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", token)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static List<String> labels(JsonNode skills) {
        List<String> labels = new ArrayList<>();
        skills.forEach(s -> labels.add(s.path("label").asString()));
        return labels;
    }

    private static List<String> kinds(JsonNode skill) {
        List<String> kinds = new ArrayList<>();
        skill.path("sources").forEach(s -> kinds.add(s.path("kind").asString()));
        return kinds;
    }

    private static Optional<JsonNode> skill(JsonNode skills, URI competency) {
        for (JsonNode s : skills) {
            if (competency.toString().equals(s.path("competency").asString(""))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> byLabel(JsonNode skills, String label) {
        for (JsonNode s : skills) {
            if (label.equals(s.path("label").asString())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

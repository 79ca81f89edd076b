package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An issuer states results (OB 3.0): the achievement defines a rubric with levels, a letter grade and a percent; a
 * credential issued with results carries them in {@code credentialSubject.result}, naming the achievement's result
 * descriptions and the rubric level reached; the signature covers them (the platform's verifier and both independent
 * verifiers of {@code interop/} accept the credential, and refuse it with a grade changed); results that name no
 * description or a value the description does not allow are a 400 problem.
 */
@PlatformTest
class IssuedResultsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String NURSING = """
            {"name": "Clinical Nursing Skills", "description": "Safe patient care at the bedside.",
             "criteria": "Observed in a supervised clinical placement.", "achievementType": "Competency",
             "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/0fbf8cd4-0d5c-4a1b-a1d3-0b5b4b2e4c38",
                             "targetName": "perform patient care"}],
             "resultDescription": [
               {"name": "Clinical proficiency", "resultType": "RubricCriterionLevel",
                "rubricCriterionLevel": [{"name": "Novice"}, {"name": "Competent"}, {"name": "Proficient"},
                                         {"name": "Expert"}]},
               {"name": "Final grade", "resultType": "LetterGrade"},
               {"name": "Exam score", "resultType": "Percent"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    InteropCheck interop;

    @TempDir
    Path dir;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWhoseAchievementStatesResults() {
        issuer = interop.aProvider(NURSING);
    }

    @Test
    void theAchievementKeepsItsResultDescriptionsWithIdsAndRubricLevels() {
        HttpResponse<String> listed = new WebClient(issuer.base)
                .send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(issuer.base + "/orgs/" + issuer.slug() + "/achievements"))
                        .header("Authorization", "Bearer " + issuer.token)
                        .header("Accept", "application/json")
                        .GET()
                        .build());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode descriptions = JSON.readTree(listed.body()).get(0).path("resultDescription");
        assertThat(descriptions).hasSize(3);
        assertThat(descriptions.get(0).path("id").asString()).startsWith("urn:uuid:");
        assertThat(descriptions.get(0).path("rubricCriterionLevel")).hasSize(4);
        assertThat(descriptions.get(1).path("allowedValue").toString()).isEqualTo("[\"A\",\"B\",\"C\",\"D\",\"F\"]");
    }

    @Test
    void aCredentialIssuedWithResultsCarriesThemSignedAndVerifiesHereAndInBothIndependentVerifiers() throws Exception {
        String credential = issuer.issue("nurse@example.org", """
                "results": [{"resultDescription": "Clinical proficiency", "achievedLevel": "Proficient"},
                            {"resultDescription": "final grade", "value": "b"},
                            {"resultDescription": "Exam score", "value": "87.5"}]""");

        JsonNode subject = JSON.readTree(credential).path("credentialSubject");
        JsonNode descriptions = subject.path("achievement").path("resultDescription");
        assertThat(descriptions).hasSize(3);
        JsonNode rubric = descriptions.get(0);
        assertThat(rubric.path("resultType").asString()).isEqualTo("RubricCriterionLevel");
        assertThat(rubric.path("alignment").get(0).path("targetUrl").asString())
                .as("the rubric measures the achievement's aligned skill")
                .endsWith("0fbf8cd4-0d5c-4a1b-a1d3-0b5b4b2e4c38");
        JsonNode results = subject.path("result");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("resultDescription").asString())
                .isEqualTo(rubric.path("id").asString());
        assertThat(results.get(0).path("achievedLevel").asString())
                .isEqualTo(rubric.path("rubricCriterionLevel").get(2).path("id").asString());
        assertThat(results.get(1).path("value").asString())
                .as("the letter as allowed")
                .isEqualTo("B");
        assertThat(results.get(2).path("value").asString()).isEqualTo("87.5");
        assertThat(descriptions.get(2).path("valueMax").asString()).isEqualTo("100");

        HttpResponse<String> verified = issuer.verify(credential);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JsonFields.verified(verified.body())).isTrue();
        String regraded = credential.replace("\"value\":\"B\"", "\"value\":\"A\"");
        assertThat(regraded).isNotEqualTo(credential);
        HttpResponse<String> refused = issuer.verify(regraded);
        assertThat(refused.statusCode()).as("the signature covers the results").isEqualTo(422);

        NodeCrossCheck.assertInstalled();
        NodeCrossCheck.Result both = interop.crossCheck(dir, "results", issuer, credential);
        assertThat(both.verdicts()).as(both.output()).containsOnly(true);
        NodeCrossCheck.Result tampered = interop.crossCheck(dir, "results-regraded", issuer, regraded);
        assertThat(tampered.verdicts()).as(tampered.output()).containsOnly(false);
    }

    @Test
    void resultsNamingNoDescriptionOrAValueTheDescriptionDoesNotAllowAreRefusedAsProblems() {
        List<String> bad = List.of(
                "{\"resultDescription\": \"Bedside manner\", \"value\": \"A\"}",
                "{\"resultDescription\": \"Final grade\", \"value\": \"A+\"}",
                "{\"resultDescription\": \"Exam score\", \"value\": \"120\"}",
                "{\"resultDescription\": \"Exam score\", \"value\": \"most of it\"}",
                "{\"resultDescription\": \"Exam score\", \"value\": \"-3%\"}",
                "{\"resultDescription\": \"Clinical proficiency\", \"achievedLevel\": \"Wizard\"}",
                "{\"resultDescription\": \"Final grade\", \"value\": \"A\"}, {\"resultDescription\": \"Final grade\","
                        + " \"value\": \"B\"}",
                "{\"resultDescription\": \"Final grade\"}");
        List<String> details = new ArrayList<>();
        for (String results : bad) {
            HttpResponse<String> refused =
                    issuer.issueRequest("nurse@example.org", null, "\"results\": [" + results + "]");
            assertThat(refused.statusCode())
                    .as(results + " → " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asString()).endsWith("/invalid-input");
            details.add(problem.toString());
        }
        assertThat(details.get(0)).contains("not one of this achievement's results");
        assertThat(details.get(1)).contains("A, B, C, D, F");
        assertThat(details.get(4)).contains("a number from 0 to 100", "-3%");
        assertThat(details.get(5)).contains("Novice, Competent, Proficient, Expert");
        HttpResponse<String> list = issuer.postOnce(
                "/orgs/" + issuer.slug() + "/credentials/issue",
                "{\"achievementId\": \"" + issuer.achievementId + "\", \"recipient\": {\"email\": \"n@example.org\"},"
                        + " \"format\": \"sd-jwt\", \"results\": [{\"resultDescription\": \"Final grade\", \"value\":"
                        + " \"A\"}]}",
                null);
        assertThat(list.statusCode()).as("an SD-JWT VC does not carry results").isEqualTo(400);
    }

    @Test
    void passMarksDefinedThroughTheApiAreAnsweredAndCarriedInTheCredentialsAchievement() {
        IssuerClient marked = interop.aProvider("""
                {"name": "Clinical Nursing Skills, with pass marks", "description": "Safe patient care.",
                 "criteria": "Observed in a supervised clinical placement.",
                 "resultDescription": [
                   {"name": "Clinical proficiency", "resultType": "RubricCriterionLevel",
                    "rubricCriterionLevel": [{"name": "Novice"}, {"name": "Competent"}, {"name": "Expert"}],
                    "requiredLevel": "competent"},
                   {"name": "Final grade", "resultType": "LetterGrade", "requiredValue": "c"},
                   {"name": "Exam score", "resultType": "Percent", "requiredValue": "70%"}]}""");
        String credential = marked.issue("marks@example.org", """
                "results": [{"resultDescription": "Exam score", "value": "65"}]""");

        JsonNode descriptions = JSON.readTree(credential)
                .path("credentialSubject")
                .path("achievement")
                .path("resultDescription");
        JsonNode rubric = descriptions.get(0);
        assertThat(rubric.path("requiredLevel").asString())
                .as("the id of the level named")
                .isEqualTo(rubric.path("rubricCriterionLevel").get(1).path("id").asString());
        assertThat(descriptions.get(1).path("requiredValue").asString())
                .as("as allowedValue spells it")
                .isEqualTo("C");
        assertThat(descriptions.get(2).path("requiredValue").asString()).isEqualTo("70");
        assertThat(JSON.readTree(credential)
                        .path("credentialSubject")
                        .path("result")
                        .get(0)
                        .path("value")
                        .asString())
                .as("a result below the pass mark is still issued: the pass mark is for readers to judge")
                .isEqualTo("65");
    }

    @Test
    void anAchievementWithAMalformedResultDescriptionIsRefused() {
        for (String description : List.of(
                "{\"name\": \"Proficiency\", \"resultType\": \"RubricCriterionLevel\", \"rubricCriterionLevel\":"
                        + " [{\"name\": \"Only one\"}]}",
                "{\"name\": \"\", \"resultType\": \"LetterGrade\"}",
                "{\"name\": \"Mood\", \"resultType\": \"Vibes\"}",
                "{\"name\": \"Exam\", \"resultType\": \"Percent\", \"requiredValue\": \"101\"}",
                "{\"name\": \"Grade\", \"resultType\": \"LetterGrade\", \"requiredValue\": \"E\"}",
                "{\"name\": \"Skill\", \"resultType\": \"RubricCriterionLevel\", \"rubricCriterionLevel\":"
                        + " [{\"name\": \"Low\"}, {\"name\": \"High\"}], \"requiredLevel\": \"Middle\"}")) {
            HttpResponse<String> refused = issuer.post(
                    "/orgs/" + issuer.slug() + "/achievements",
                    "{\"name\": \"X\", \"description\": \"Y\", \"criteria\": \"Z\", \"resultDescription\": ["
                            + description + "]}");
            assertThat(refused.statusCode())
                    .as(description + " → " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.body()).contains("results");
        }
    }

    @Test
    void onThePagesTheAchievementFormDefinesAResultAndTheIssueFormStatesItOrSaysWhatIsWrong() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        String path = "/orgs/" + org.slug();
        HttpResponse<String> defined = admin.submit(
                path + "/achievements",
                path + "/achievements/new",
                java.util.Map.of(
                        "name", "Food Safety Level 2",
                        "description", "Handles food safely.",
                        "criteria", "Passed the written test.",
                        "achievementType", "Certificate",
                        "resultType", "LetterGrade",
                        "resultName", "Final grade",
                        "resultValues", "Pass, Merit, Distinction"));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(302);

        String form = admin.page(path + "/issue").body();
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"(result:urn:uuid:[0-9a-f-]{36})\"")
                .matcher(form);
        assertThat(field.find()).as(form).isTrue();
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("<option value=\"([0-9a-f-]{36})\"")
                .matcher(form);
        assertThat(option.find()).isTrue();
        assertThat(form).contains("Final grade", "Distinction");

        HttpResponse<String> wrong = admin.submit(
                path + "/issue",
                path + "/issue",
                java.util.Map.of(
                        "achievement",
                        option.group(1),
                        "recipient",
                        "cook@example.org",
                        "idempotencyKey",
                        java.util.UUID.randomUUID().toString(),
                        field.group(1),
                        "A"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"results-error\"", "Pass, Merit, Distinction");

        HttpResponse<String> issued = admin.submit(
                path + "/issue",
                path + "/issue",
                java.util.Map.of(
                        "achievement",
                        option.group(1),
                        "recipient",
                        "cook@example.org",
                        "idempotencyKey",
                        java.util.UUID.randomUUID().toString(),
                        field.group(1),
                        "merit"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(302);
    }
}

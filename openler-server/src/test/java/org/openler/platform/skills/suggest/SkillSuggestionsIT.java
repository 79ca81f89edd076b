package org.openler.platform.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.skills.suggest.Concept;
import org.openler.skills.suggest.ConceptKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Suggestions and search over the ontology as imported into the real PostgreSQL: the catalogue read from the
 * ontology tables, label vectors computed into {@code skill_text_vector} once (for a few ESCO skills, to stay quick)
 * and not again, and the API's answers and limits.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillSuggestionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> EMBEDDED_WORDS = Set.of("rabbit", "python", "javascript", "poultry", "music");

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    SkillSuggestions suggestions;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    WebClient web;

    @BeforeAll
    void load() {
        bundled.loadAll();
        suggestions.refresh(true, SkillSuggestionsIT::embedded);
        web = WebClient.on(port);
    }

    private static boolean embedded(Concept concept) {
        return concept.framework().equals("esco")
                && concept.kind() == ConceptKind.COMPETENCY
                && EMBEDDED_WORDS.stream()
                        .anyMatch(w -> concept.preferredLabel().toLowerCase().contains(w));
    }

    private int vectorRows() {
        return jdbc.sql("select count(*) from skill_text_vector where model = ?")
                .param(suggestions.modelId())
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> post(String body) {
        return web.postJson("/skills/suggest", body);
    }

    @Test
    void labelVectorsAreStoredOnceAndARefreshComputesNoneAgain() {
        int rows = vectorRows();
        assertThat(rows).isGreaterThan(20);
        assertThat(suggestions.status().semantic()).isTrue();
        assertThat(suggestions.status().vectorsDone())
                .isEqualTo(suggestions.status().vectorsTotal());
        suggestions.refresh(true, SkillSuggestionsIT::embedded);
        assertThat(vectorRows()).isEqualTo(rows);
    }

    @Test
    void aSentenceGetsTheEscoSkillItNamesWithItsConceptUriAndScores() {
        HttpResponse<String> response =
                post("{\"texts\": [\"We breed rabbits for meat and fur\"], \"top\": 5, \"framework\": \"esco\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("semantic").asBoolean()).isTrue();
        JsonNode first = answer.get("results").get(0).get("suggestions").get(0);
        assertThat(first.get("label").asString()).isEqualTo("breed rabbits");
        assertThat(first.get("uri").asString()).startsWith("http://data.europa.eu/esco/skill/");
        assertThat(first.get("framework").asString()).isEqualTo("esco");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("semantic").asDouble()).isPositive();
        JsonNode fifth = answer.get("results").get(0).get("suggestions").get(4);
        assertThat(first.get("probability").asDouble())
                .as("the calibrated chance that the suggestion is right")
                .isBetween(0.0, 1.0)
                .isGreaterThan(fifth.get("probability").asDouble());
    }

    @Test
    void searchFindsOccupationsByAnAlternativeLabelInAnotherWordForm() {
        HttpResponse<String> response =
                web.get("/skills/search?q=programmers&type=occupation&framework=esco&limit=10", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> labels = JSON.readTree(response.body())
                .get("results")
                .valueStream()
                .map(r -> r.get("label").asString())
                .toList();
        // ESCO's "software developer" has the alternative label "programmer"
        assertThat(labels).contains("software developer");
        assertThat(JSON.readTree(response.body())
                        .get("results")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("occupation");
    }

    @Test
    void searchOverCompetenciesOfOneFrameworkStaysInIt() {
        HttpResponse<String> response =
                web.get("/skills/search?q=programming&type=competency&framework=onet", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.size()).isPositive();
        results.valueStream()
                .forEach(r -> assertThat(r.get("framework").asString()).isEqualTo("onet"));
    }

    @Test
    void requestsBeyondTheLimitsAreRefusedWithAProblem() {
        String tooMany = "{\"texts\": [" + "\"x\",".repeat(20) + "\"x\"]}";
        assertThat(post(tooMany).statusCode()).isEqualTo(400);
        assertThat(post("{\"texts\": [\"" + "a".repeat(1001) + "\"]}").statusCode())
                .isEqualTo(400);
        assertThat(post("{\"texts\": [\"java\"], \"top\": 51}").statusCode()).isEqualTo(400);
        assertThat(post("{\"texts\": []}").statusCode()).isEqualTo(400);
        assertThat(post("{\"texts\": [42]}").statusCode()).isEqualTo(400);
        HttpResponse<String> badType = web.get("/skills/search?q=java&type=planet", "application/json");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(web.get("/skills/search", "application/json").statusCode()).isEqualTo(400);
    }
}

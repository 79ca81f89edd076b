package org.openler.platform.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.skills.TitleMapper;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /skills/titles/suggest} on the running platform: answers, the O*NET code, and a client's mistakes. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleSuggestApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TitleMapper titles;

    @LocalServerPort
    int port;

    WebClient web;

    @BeforeAll
    void start() {
        web = WebClient.on(port);
    }

    private HttpResponse<String> post(String body) {
        return web.postJson("/skills/titles/suggest", body);
    }

    @Test
    void answersEachTitleWithOccupationsTheirOnetCodeAndAScore() {
        HttpResponse<String> response =
                post("{\"titles\": [\"CNC machinist\", \"Ingeniero de software\"], \"top\": 3}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0).get("suggestions").get(0);
        assertThat(results.get(0).get("input").asString()).isEqualTo("CNC machinist");
        assertThat(first.get("uri").asString())
                .isEqualTo("http://data.europa.eu/esco/occupation/5c082067-ea18-4ccb-8c43-e70b18ad8120");
        assertThat(first.get("onet").asString()).matches("\\d{2}-\\d{4}\\.\\d{2}");
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(results.get(1).get("suggestions")).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void theServiceOtherFeaturesCallAnswersTheSame() {
        assertThat(titles.suggest("CNC machinist", 1).getFirst().label())
                .isEqualTo("computer numerical control machine operator");
        assertThat(titles.suggest("  ", 5)).isEmpty();
    }

    @Test
    void aRequestWithoutTitlesIsTheClientsMistake() {
        HttpResponse<String> response = post("{\"top\": 3}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(post("{\"titles\": [\"nurse\"], \"top\": 0}").statusCode()).isEqualTo(400);
        assertThat(post("{\"titles\": [42]}").statusCode()).isEqualTo(400);
    }
}

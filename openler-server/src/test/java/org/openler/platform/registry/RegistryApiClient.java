package org.openler.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry API as a provider's machine client calls it, for the registry's integration tests. */
final class RegistryApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;
    final String org;
    private final @Nullable String token;
    private final WebClient http;

    RegistryApiClient(String base, String org, @Nullable String token) {
        this.base = base;
        this.org = org;
        this.token = token;
        this.http = new WebClient(base);
    }

    /** A welding certificate draft body with one competency taught and one occupation. */
    static String welding(String name) {
        return """
                {"type": "Certificate", "name": "%s",
                 "description": "Safe, code-compliant MIG and TIG welds on steel and aluminium.",
                 "requirements": "Pass the practical assessment after 120 hours of shop time.",
                 "cost": {"amount": 2450, "unit": "USD"}, "duration": "P6M", "delivery": ["IN_PERSON"],
                 "places": [{"locality": "Birmingham", "region": "AL", "country": "US"}],
                 "teaches": [{"uri": "http://data.europa.eu/esco/skill/welding-test", "label": "weld metal"}],
                 "occupations": [{"uri": "https://www.onetonline.org/link/summary/51-4121.06", "label": "Welders"}],
                 "credit": {"amount": 12, "unit": "DegreeCredit"}, "keywords": ["welding"]}""".formatted(name);
    }

    HttpResponse<String> send(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build());
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    String createDraft(String body) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/registry/entries", body), 201)
                .path("ctid")
                .asString();
    }

    JsonNode publish(String ctid) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/registry/entries/" + ctid + "/publish", null), 200);
    }

    JsonNode withdraw(String ctid) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/registry/entries/" + ctid + "/withdraw", null), 200);
    }

    JsonNode update(String ctid, String body) {
        return ok(send("PUT", "/api/v1/orgs/" + org + "/registry/entries/" + ctid, body), 200);
    }

    HttpResponse<String> resource(String ctid, String accept) {
        return http.get("/registry/resources/" + ctid, accept);
    }

    JsonNode search(String query) {
        return ok(http.get("/api/v1/registry/search?" + query, "application/json"), 200);
    }
}

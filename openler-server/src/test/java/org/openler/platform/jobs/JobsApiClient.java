package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The jobs API as an employer's machine client calls it, for the jobs integration tests. */
final class JobsApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;
    final String org;
    private final @Nullable String token;
    private final WebClient http;

    JobsApiClient(String base, String org, @Nullable String token) {
        this.base = base;
        this.org = org;
        this.token = token;
        this.http = new WebClient(base);
    }

    HttpResponse<String> send(String method, String path, @Nullable String body) {
        return send(method, path, body, "application/json");
    }

    HttpResponse<String> send(String method, String path, @Nullable String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
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

    JsonNode draft(String title, @Nullable String occupation) {
        var body = JSON.createObjectNode().put("title", title);
        if (occupation != null) {
            body.put("occupation", occupation);
        }
        return ok(send("POST", "/api/v1/orgs/" + org + "/jobs/draft", body.toString()), 200);
    }

    JsonNode create(String body) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/jobs", body), 201);
    }

    JsonNode get(String id) {
        return ok(send("GET", "/api/v1/orgs/" + org + "/jobs/" + id, null), 200);
    }
}

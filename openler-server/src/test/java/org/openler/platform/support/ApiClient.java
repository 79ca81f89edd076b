package org.openler.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization's machine client of the JSON API (bearer token, JSON in and out), which the features' test clients
 * (registry, jobs) extend with their routes.
 */
public class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public final String base;
    public final String org;
    private final @Nullable String token;
    protected final WebClient http;

    protected ApiClient(String base, String org, @Nullable String token) {
        this.base = base;
        this.org = org;
        this.token = token;
        this.http = new WebClient(base);
    }

    public HttpResponse<String> send(String method, String path, @Nullable String body) {
        return send(method, path, body, "application/json");
    }

    public HttpResponse<String> send(String method, String path, @Nullable String body, String accept) {
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

    /** The body as JSON, after asserting the status. */
    public JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}

package org.openler.platform.jobs;

import org.jspecify.annotations.Nullable;
import org.openler.platform.support.ApiClient;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.JsonNode;

/** The jobs API as an employer's machine client calls it, for the jobs integration tests. */
final class JobsApiClient extends ApiClient {

    private final @Nullable String bearer;

    JobsApiClient(String base, String org, @Nullable String token) {
        super(base, org, token);
        this.bearer = token;
    }

    /** The organization's own machine client (a new one), with its token. */
    static JobsApiClient of(Fixtures fixtures, String base, Fixtures.Org org) {
        var client = fixtures.client(org);
        return new JobsApiClient(
                base, org.slug(), WebClient.clientToken(base, client.client().clientId(), client.secret()));
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

    /** {@code POST /orgs/<org>/jobs} with an {@code Idempotency-Key}: the response as it comes. */
    java.net.http.HttpResponse<String> post(String body, String idempotencyKey) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/orgs/" + org + "/jobs"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("Authorization", "Bearer " + bearer)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return new WebClient(base).send(request.build());
    }

    JsonNode get(String id) {
        return ok(send("GET", "/api/v1/orgs/" + org + "/jobs/" + id, null), 200);
    }
}

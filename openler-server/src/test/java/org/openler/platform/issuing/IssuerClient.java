package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;

/**
 * A provider as its machine client sees the API, for tests: a fresh organization with a client token and one
 * achievement, and the calls a test makes over HTTP (issue, change status, verify).
 */
public final class IssuerClient {

    public final String base;
    public final Fixtures.Org provider;
    public final String token;
    public final String achievementId;

    private IssuerClient(String base, Fixtures.Org provider, String token, String achievementId) {
        this.base = base;
        this.provider = provider;
        this.token = token;
        this.achievementId = achievementId;
    }

    public static final String WELDING = """
            {"name": "Welding Fundamentals", "description": "Safe, code-compliant MIG and TIG welds.",
             "criteria": "Passed the practical assessment.", "achievementType": "Certificate",
             "alignments": [{"targetUrl": "http://data.europa.eu/esco/skill/0fbf8cd4-0d5c-4a1b-a1d3-0b5b4b2e4c38",
                             "targetName": "weld metal"}]}""";

    /** A new provider organization with a machine client and a "Welding Fundamentals" achievement. */
    public static IssuerClient aProvider(Fixtures fixtures, int port) {
        return aProvider(fixtures, port, WELDING);
    }

    /** A new provider organization with a machine client and the achievement {@code achievementJson} defines. */
    public static IssuerClient aProvider(Fixtures fixtures, int port, String achievementJson) {
        String base = "http://localhost:" + port;
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        IssuerClient partial = new IssuerClient(base, provider, token, "");
        HttpResponse<String> created = partial.post("/orgs/" + provider.slug() + "/achievements", achievementJson);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new IssuerClient(base, provider, token, field(created.body(), "id"));
    }

    public String slug() {
        return provider.slug();
    }

    /** Issues to an e-mail address with extra request members (e.g. {@code "didMethod": "key"}); answers 201. */
    public String issue(String email, String extraMembers) {
        HttpResponse<String> issued = issueRequest(email, null, extraMembers);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return unwrap(issued.body());
    }

    /** {@code POST /orgs/<org>/credentials/issue} to an e-mail address, whatever the answer. */
    public HttpResponse<String> issueRequest(String email, @Nullable String idempotencyKey, String extraMembers) {
        return postOnce(
                "/orgs/" + slug() + "/credentials/issue",
                """
                {"achievementId": "%s", "recipient": {"email": "%s"}%s}""".formatted(achievementId, email, extraMembers.isEmpty() ? "" : ", " + extraMembers),
                idempotencyKey);
    }

    public String issue(String email) {
        return issue(email, "");
    }

    /** {@code POST /orgs/<org>/credentials/status} with one change ("revoked", "suspended", "active"). */
    public HttpResponse<String> changeStatus(String credential, String status) {
        return post("/orgs/" + slug() + "/credentials/status", """
                {"credentialId": "urn:uuid:%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "%s"}]}""".formatted(field(credential, "id"), status));
    }

    /** {@code POST /credentials/verify}, anonymous. */
    public HttpResponse<String> verify(String credential) {
        return new WebClient(base)
                .send(HttpRequest.newBuilder(URI.create(base + "/credentials/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"verifiableCredential\":" + credential + "}"))
                        .build());
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, json, token);
    }

    public HttpResponse<String> post(String path, String json, @Nullable String bearer) {
        return post(path, json, bearer, null);
    }

    /** A POST with the client's token and, unless null, an {@code Idempotency-Key}. */
    public HttpResponse<String> postOnce(String path, String json, @Nullable String idempotencyKey) {
        return post(path, json, token, idempotencyKey);
    }

    private HttpResponse<String> post(
            String path, String json, @Nullable String bearer, @Nullable String idempotencyKey) {
        WebClient web = new WebClient(base);
        HttpRequest.Builder request = web.jsonPost(path, json);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return web.send(request.build());
    }

    public static String unwrap(String body) {
        return body.substring("{\"verifiableCredential\":".length(), body.length() - 1);
    }

    /** The first string member {@code name} in a JSON text, without a {@code urn:uuid:} prefix. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1).replace("urn:uuid:", "");
    }
}

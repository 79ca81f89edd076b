package org.openler.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.KeyStoreOutage;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19: a signer that cannot load its key for a reason that passes (the key store is unreachable) answers a
 * retryable {@code 503} problem with {@code Retry-After} — it used to be a {@code 500} with an incident — and leaves
 * nothing behind: no credential, no log entry, no idempotency record. The same request retried with its key once the
 * store is back issues exactly one credential. (The {@code -Pfaults} trial does the same at 20 % of calls.)
 */
@PlatformTest
class SignerUnavailableIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void storeBack() {
        KeyStoreOutage.DOWN.set(false);
    }

    @Test
    void anUnreachableKeyStoreIsARetryable503WithNothingWrittenAndTheRetryIssuesOnce() throws Exception {
        String base = "http://localhost:" + port;
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        HttpResponse<String> created = post(base, token, "/orgs/" + provider.slug() + "/achievements", null, """
                {"name": "Patience", "description": "Issued after the key store came back.",
                 "criteria": "Waited.", "achievementType": "Certificate"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String achievementId = JSON.readTree(created.body()).get("id").asString();
        String key = UUID.randomUUID().toString();
        String issue = """
                {"achievementId": "%s", "recipient": {"email": "patient@example.org"}}""".formatted(achievementId);
        UUID org = provider.organization().id().value();
        long logBefore = count("select count(*) from transparency_entry where event_type = 'credential.issued'");

        KeyStoreOutage.DOWN.set(true);
        HttpResponse<String> refused = post(base, token, "/orgs/" + provider.slug() + "/credentials/issue", key, issue);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("key store did not answer");
        assertThat(count("select count(*) from issued_credential where organization_id = '" + org + "'"))
                .as("no credential half-written")
                .isZero();
        assertThat(count("select count(*) from transparency_entry where event_type = 'credential.issued'"))
                .as("no log entry")
                .isEqualTo(logBefore);

        KeyStoreOutage.DOWN.set(false);
        HttpResponse<String> issued = post(base, token, "/orgs/" + provider.slug() + "/credentials/issue", key, issue);
        HttpResponse<String> again = post(base, token, "/orgs/" + provider.slug() + "/credentials/issue", key, issue);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(again.statusCode() / 100).as(again.body()).isEqualTo(2);
        assertThat(JSON.readTree(again.body()).get("verifiableCredential").get("id"))
                .isEqualTo(
                        JSON.readTree(issued.body()).get("verifiableCredential").get("id"));
        assertThat(count("select count(*) from issued_credential where organization_id = '" + org + "'"))
                .isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private HttpResponse<String> post(String base, String token, String path, String key, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

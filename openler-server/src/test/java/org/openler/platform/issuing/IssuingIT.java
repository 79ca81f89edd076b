package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue, verify, revoke over the real API, as a provider's machine client and as anyone verifying. */
@PlatformTest
class IssuingIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWithAnAchievement() {
        issuer = IssuerClient.aProvider(fixtures, port);
    }

    @Test
    void anIssuedCredentialVerifiesAndATamperedCopyDoesNot() {
        HttpResponse<String> issued = issue("learner@example.org", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String credential = issued.body()
                .substring("{\"verifiableCredential\":".length(), issued.body().length() - 1);
        assertThat(credential)
                .contains("OpenBadgeCredential", "eddsa-rdfc-2022", "BitstringStatusListEntry", "did:web:")
                .doesNotContain("learner@example.org");

        HttpResponse<String> verified =
                post("/credentials/verify", "{\"verifiableCredential\":" + credential + "}", null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JsonFields.verified(verified.body())).isTrue();

        String tampered = credential.replace("Welding Fundamentals", "Welding Mastery");
        HttpResponse<String> rejected =
                post("/credentials/verify", "{\"verifiableCredential\":" + tampered + "}", null);
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonFields.booleans(rejected.body(), "verified")).contains(false);
        assertThat(rejected.body()).contains("CRYPTOGRAPHIC_SECURITY_ERROR");
    }

    @Test
    void anyoneCanVerifyWithoutASessionOrToken() {
        String credential = unwrap(issue("anyone@example.org", null).body());

        HttpResponse<String> verified = new WebClient(issuer.base)
                .send(HttpRequest.newBuilder(URI.create(issuer.base + "/credentials/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"verifiableCredential\":" + credential + "}"))
                        .build());

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    @Test
    void aRevokedCredentialNoLongerVerifies() {
        String credential = unwrap(issue("revoked@example.org", null).body());
        String id = field(credential, "id");

        HttpResponse<String> revoked =
                post("/orgs/" + issuer.provider.slug() + "/credentials/status", """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "revoked"}]}""".formatted(id), null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        HttpResponse<String> verified =
                post("/credentials/verify", "{\"verifiableCredential\":" + credential + "}", null);
        assertThat(verified.statusCode()).isEqualTo(422);
        assertThat(JsonFields.strings(verified.body(), "check")).contains("status");
        assertThat(JsonFields.strings(verified.body(), "result")).contains("failed");
    }

    @Test
    void theStatusListAndDidDocumentArePublicAndCacheable() {
        String credential = unwrap(issue("public@example.org", null).body());
        Matcher list = Pattern.compile("\"statusListCredential\":\"([^\"]+)\"").matcher(credential);
        assertThat(list.find()).isTrue();

        HttpResponse<String> statusList =
                WebClient.on(port).get(URI.create(list.group(1)).getPath(), "application/json");
        assertThat(statusList.statusCode()).isEqualTo(200);
        assertThat(statusList.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("max-age=300"));
        assertThat(statusList.body()).contains("BitstringStatusListCredential");
        assertThat(JsonFields.strings(statusList.body(), "statusPurpose")).contains("revocation");

        HttpResponse<String> did =
                WebClient.on(port).get("/orgs/" + issuer.provider.slug() + "/did.json", "application/json");
        assertThat(did.statusCode()).isEqualTo(200);
        assertThat(did.body()).contains("Multikey", "#key-1", "z6Mk");
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameCredentialAndHoldsOneStatusIndex() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = issue("retry@example.org", key);
        HttpResponse<String> again = issue("retry@example.org", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from issued_credential where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentIssuanceNeverReusesAStatusIndex() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            results.add(pool.submit(() -> issue("many" + n + "@example.org", null)));
        }
        for (Future<HttpResponse<String>> result : results) {
            assertThat(result.get().statusCode()).isEqualTo(201);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(distinct status_index) from issued_credential where organization_id = ?")
                        .param(issuer.provider.organization().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(40);
    }

    @Test
    void rotatingTheIssuerKeyKeepsOldCredentialsVerifyingAndSignsNewOnesWithTheNewKey() {
        String before = unwrap(issue("rotate@example.org", null).body());
        fixtures.rotateIssuerKey(issuer.provider);
        String after = unwrap(issue("rotate@example.org", null).body());

        assertThat(before).contains("#key-1");
        assertThat(after).contains("#key-2");
        for (String credential : List.of(before, after)) {
            HttpResponse<String> verified =
                    post("/credentials/verify", "{\"verifiableCredential\":" + credential + "}", null);
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        }
    }

    @Test
    void aClientOfAnotherOrganizationCannotIssueHere() {
        Fixtures.Org other = fixtures.organization(Organization.Kind.PROVIDER);
        var otherClient = fixtures.client(other);
        String otherToken =
                WebClient.clientToken(issuer.base, otherClient.client().clientId(), otherClient.secret());

        HttpResponse<String> refused = post(
                "/orgs/" + issuer.provider.slug() + "/credentials/issue",
                """
                {"achievementId": "%s", "recipient": {"email": "x@example.org"}}""".formatted(issuer.achievementId),
                otherToken);
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> issue(String email, String idempotencyKey) {
        return issuer.issueRequest(email, idempotencyKey, "");
    }

    private HttpResponse<String> post(String path, String json, String bearer) {
        return issuer.post(path, json, bearer == null ? issuer.token : bearer);
    }

    private static String unwrap(String body) {
        return IssuerClient.unwrap(body);
    }

    private static String field(String json, String name) {
        return IssuerClient.field(json, name);
    }
}

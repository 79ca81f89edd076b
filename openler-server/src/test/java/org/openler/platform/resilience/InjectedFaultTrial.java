package org.openler.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.transparency.MerkleHash;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, "Injected faults": the repository (every fifth database connection fails at a random statement or at its
 * commit) and the signer (every fifth signing-key load fails) misbehave while a provider issues single credentials
 * with idempotency keys and a bulk CSV job runs. It proves that every failed request is a problem+json (503 with
 * Retry-After for the database, a 500 with an incident for the signer), never a stack trace; that retrying with the
 * same key gives exactly one credential; that no credential is half-written (each has its transparency-log entry and
 * its status-list index, and no entry lacks its credential); and that the bulk job resumes its failed rows and ends
 * with every row issued once or reported by row number. Run with {@code -Pfaults} (docs/resilience.md).
 */
@PlatformTest
@Import(Faults.class)
@TestPropertySource(properties = {"openler.bulk.claim-timeout=2s", "openler.bulk.poll-interval=200ms"})
class InjectedFaultTrial {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    String base;
    Fixtures.Org provider;
    String token;
    String achievementId;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void aProvider() throws Exception {
        base = "http://localhost:" + port;
        provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        HttpResponse<String> created =
                post("/orgs/" + provider.slug() + "/achievements", "application/json", null, """
                {"name": "Fault Tolerance", "description": "Issued through injected faults.",
                 "criteria": "Survived.", "achievementType": "Certificate"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        achievementId = JSON.readTree(created.body()).get("id").asString();
    }

    @AfterEach
    void disarm() {
        Faults.ARMED.set(false);
    }

    @Test
    void singleIssuesUnderRepositoryAndSignerFaultsAreCleanProblemsAndRetriesGiveOneCredentialEach() throws Exception {
        int keys = Integer.getInteger("faults.keys", 60);
        Map<String, String> issued = new HashMap<>();
        Map<Integer, Integer> failures = new HashMap<>();
        Faults.ARMED.set(true);
        for (int k = 0; k < keys; k++) {
            String key = UUID.randomUUID().toString();
            for (int attempt = 1; attempt <= 40 && !issued.containsKey(key); attempt++) {
                HttpResponse<String> answer =
                        post("/orgs/" + provider.slug() + "/credentials/issue", "application/json", key, """
                        {"achievementId": "%s", "recipient": {"email": "fault-%s@example.org"}}""".formatted(
                                        achievementId, key));
                if (answer.statusCode() / 100 == 2) {
                    issued.put(
                            key,
                            JSON.readTree(answer.body())
                                    .get("verifiableCredential")
                                    .get("id")
                                    .asString());
                    continue;
                }
                failures.merge(answer.statusCode(), 1, Integer::sum);
                assertCleanProblem(answer);
            }
        }
        Faults.ARMED.set(false);
        System.out.printf(
                "Injected faults, single issues: %d keys, %d database and %d signer faults, failures %s%n",
                keys, Faults.DATABASE_FAULTS.get(), Faults.SIGNER_FAULTS.get(), failures);

        assertThat(issued).as("every key issued in the end").hasSize(keys);
        assertThat(failures.keySet()).as("the only failures").isSubsetOf(500, 503);
        assertThat(failures.getOrDefault(503, 0)).as("database faults were met").isPositive();
        // a 500 is a signer fault, never a database one (those are 503s)
        assertThat(failures.getOrDefault(500, 0)).isLessThanOrEqualTo((int) Faults.SIGNER_FAULTS.get());
        for (Map.Entry<String, String> e : issued.entrySet()) {
            List<UUID> rows = jdbc.sql(
                            "select id from issued_credential where organization_id = ? and idempotency_key = ?")
                    .params(provider.organization().id().value(), e.getKey())
                    .query(UUID.class)
                    .list();
            assertThat(rows).as("credentials under key " + e.getKey()).hasSize(1);
            assertThat("urn:uuid:" + rows.getFirst()).isEqualTo(e.getValue());
        }
        assertNothingHalfWritten();
    }

    @Test
    void aBulkJobUnderFaultsResumesItsFailedRowsAndReportsEveryRow() throws Exception {
        int rows = Integer.getInteger("faults.bulk-rows", 60);
        StringBuilder csv = new StringBuilder("achievement_id,recipient_email,idempotency_key\n");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String key = "bulk-" + UUID.randomUUID();
            keys.add(key);
            csv.append(achievementId)
                    .append(",bulk-fault-")
                    .append(i)
                    .append("@example.org,")
                    .append(key)
                    .append('\n');
        }
        Faults.ARMED.set(true);
        String submissionKey = UUID.randomUUID().toString();
        HttpResponse<String> submitted = null;
        for (int attempt = 1; attempt <= 40; attempt++) {
            submitted =
                    post("/orgs/" + provider.slug() + "/credentials/bulk", "text/csv", submissionKey, csv.toString());
            if (submitted.statusCode() / 100 == 2) {
                break;
            }
            assertCleanProblem(submitted);
        }
        assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 202);
        String job = JSON.readTree(submitted.body()).get("id").asString();
        JsonNode progress = null;
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> answer = get("/orgs/" + provider.slug() + "/credentials/bulk/" + job + "?rows=true");
            if (answer.statusCode() == 200) {
                progress = JSON.readTree(answer.body());
                if (progress.get("done").asInt() == rows) {
                    break;
                }
            } else {
                assertCleanProblem(answer);
            }
            Thread.sleep(500);
        }
        Faults.ARMED.set(false);
        assertThat(progress).isNotNull();
        System.out.println("Injected faults, bulk job: " + progress.get("status") + ", done " + progress.get("done")
                + " of " + rows + ", errors " + progress.get("errors").size() + "; database faults so far "
                + Faults.DATABASE_FAULTS.get());
        assertThat(progress.get("done").asInt())
                .as("every row reached an outcome")
                .isEqualTo(rows);
        int errors = progress.get("errors").size();
        for (JsonNode error : progress.get("errors")) {
            assertThat(error.get("row").asInt()).as("an error names its row").isBetween(2, rows + 1);
        }
        for (String key : keys) {
            long count = jdbc.sql(
                            "select count(*) from issued_credential where organization_id = ? and idempotency_key = ?")
                    .params(provider.organization().id().value(), key)
                    .query(Long.class)
                    .single();
            assertThat(count).as("credentials under row key " + key).isLessThanOrEqualTo(1);
        }
        long issuedCount = jdbc.sql("select count(*) from issued_credential where organization_id = ?")
                .param(provider.organization().id().value())
                .query(Long.class)
                .single();
        assertThat(issuedCount + errors).as("issued plus reported rows").isEqualTo(rows);
        assertNothingHalfWritten();
    }

    /** Every credential of the provider has its log entry and status index; every issuance entry has its credential. */
    private void assertNothingHalfWritten() {
        List<Map<String, Object>> credentials = jdbc.sql(
                        "select id, status_index from issued_credential where organization_id = ?")
                .param(provider.organization().id().value())
                .query()
                .listOfRows();
        for (Map<String, Object> credential : credentials) {
            byte[] subject = MerkleHash.sha256(("urn:uuid:" + credential.get("id")).getBytes(StandardCharsets.UTF_8));
            long entries = jdbc.sql("select count(*) from transparency_entry where event_type = 'credential.issued'"
                            + " and subject_hash = ?")
                    .param(subject)
                    .query(Long.class)
                    .single();
            assertThat(entries)
                    .as("log entries of credential " + HexFormat.of().formatHex(subject))
                    .isEqualTo(1);
            assertThat(credential.get("status_index")).as("status index").isNotNull();
        }
    }

    private static void assertCleanProblem(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(500, 503);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(answer.statusCode());
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("Injected");
        if (answer.statusCode() == 503) {
            assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        } else {
            assertThat(problem.get("instance").asString()).startsWith("urn:openler:incident:");
        }
    }

    private HttpResponse<String> post(String path, String type, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", type)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

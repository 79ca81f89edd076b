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
import org.openler.platform.accounts.Account;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
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
 * Retry-After, for the database and for the signer's key store alike), never a stack trace; that retrying with the
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
        // database and signer (key store) faults alike are retryable 503s, never a 500
        assertThat(failures.keySet()).as("the only failures").containsOnly(503);
        assertThat(Faults.SIGNER_FAULTS.get()).as("signer faults were met").isPositive();
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

    @Autowired
    WalletKit kit;

    /**
     * Shares under database faults: a learner makes share links and an employer opens them while every fifth
     * connection fails. Each answer is a share made whole (all its items) or a clean 503; a failed attempt leaves no
     * share behind, so retrying gives exactly as many shares as 201 answers; every share opens once the faults stop.
     */
    @Test
    void sharesUnderFaultsAreWholeOrAbsentAndRetriesMakeNoExtraShare() throws Exception {
        int wanted = Integer.getInteger("faults.shares", 30);
        Account learner = kit.fixtures.learner();
        WalletKit.Provider issuer = kit.provider("Shared Under Faults");
        WebClient web = WalletKit.signedIn(port, learner);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            kit.issue(issuer, learner.email().value());
            held.add(WalletKit.walletId(
                            WalletKit.claim(web, kit.claimToken(learner.email().value())))
                    .toString());
        }
        String csrf = web.csrfToken("/wallet");
        String body = JSON.writeValueAsString(
                Map.of("credentials", held, "party", "Faulty Employer", "purpose", "Checking under faults"));
        Map<Integer, Integer> failures = new HashMap<>();
        List<String> links = new ArrayList<>();
        long faultsBefore = Faults.DATABASE_FAULTS.get();
        Faults.ARMED.set(true);
        for (int made = 0, attempts = 0; made < wanted && attempts < wanted * 20; attempts++) {
            HttpResponse<String> answer = web.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/shares"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            if (answer.statusCode() == 201) {
                made++;
                // the link's path on this test server (its base is the configured public URL)
                links.add(base
                        + URI.create(JSON.readTree(answer.body()).get("url").asString())
                                .getRawPath());
            } else {
                failures.merge(answer.statusCode(), 1, Integer::sum);
                assertCleanProblem(answer);
            }
        }
        Map<Integer, Integer> opened = new HashMap<>();
        for (String link : links) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(link))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            opened.merge(page.statusCode(), 1, Integer::sum);
            if (page.statusCode() != 200) {
                assertCleanProblem(page);
            }
        }
        Faults.ARMED.set(false);
        System.out.printf(
                "Injected faults, shares: %d made, failures %s, %d database faults; opened under faults %s%n",
                links.size(), failures, Faults.DATABASE_FAULTS.get() - faultsBefore, opened);

        assertThat(links).hasSize(wanted);
        assertThat(opened.keySet()).isSubsetOf(200, 503);
        List<Integer> items = jdbc.sql("select (select count(*) from credential_share_item i where i.share_id = s.id)"
                        + " from credential_share s where s.account_id = ?")
                .param(learner.id().value())
                .query(Integer.class)
                .list();
        assertThat(items)
                .as("one share per 201 answer, none from failed attempts")
                .hasSize(wanted);
        assertThat(items).as("every share whole").containsOnly(3);
        for (String link : links) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(link))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(link).isEqualTo(200);
        }
    }

    /**
     * Framework imports under database faults, through the operator's upload: each attempt imports the framework whole
     * or answers a clean 503 and leaves nothing; retrying gives one framework with all its skills; a second upload of
     * the same file is "the same" and adds nothing.
     */
    @Test
    void frameworkImportsUnderFaultsAreWholeOrAbsentAndRetriesImportOnce() throws Exception {
        int frameworks = Integer.getInteger("faults.imports", 6);
        int skills = Integer.getInteger("faults.import-skills", 400);
        Account operator = kit.fixtures.staff();
        jdbc.sql("update account set platform_operator = true where id = ?")
                .param(operator.id().value())
                .update();
        WebClient web = WebClient.on(port);
        web.signIn(operator.email().value(), Fixtures.PASSWORD);
        String csrf = web.csrfToken("/skills/import");
        Map<Integer, Integer> failures = new HashMap<>();
        List<String> names = new ArrayList<>();
        long faultsBefore = Faults.DATABASE_FAULTS.get();
        Faults.ARMED.set(true);
        for (int f = 0; f < frameworks; f++) {
            String name = "Fault Import " + UUID.randomUUID().toString().substring(0, 8);
            names.add(name);
            StringBuilder csv =
                    new StringBuilder("Skill Name,Skill Category,Contextualized Skill Statement,Keywords\n");
            for (int k = 0; k < skills; k++) {
                csv.append("Skill ")
                        .append(f)
                        .append('-')
                        .append(k)
                        .append(",Category ")
                        .append(k % 10)
                        .append(",Performs task ")
                        .append(k)
                        .append(" of ")
                        .append(name)
                        .append(".,task\n");
            }
            boolean done = false;
            for (int attempt = 1; attempt <= 30 && !done; attempt++) {
                HttpResponse<String> answer = upload(web, csrf, name, csv.toString());
                if (answer.statusCode() == 302) {
                    done = true;
                } else {
                    failures.merge(answer.statusCode(), 1, Integer::sum);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("Injected");
                }
            }
            assertThat(done).as("imported in the end: " + name).isTrue();
        }
        Faults.ARMED.set(false);
        System.out.printf(
                "Injected faults, framework imports: %d of %d skills each, failures %s, %d database faults%n",
                frameworks, skills, failures, Faults.DATABASE_FAULTS.get() - faultsBefore);
        for (String name : names) {
            List<Integer> counts = jdbc.sql(
                            "select (select count(*) from skill_competency c where c.framework_id = f.id"
                                    + " and c.kind = 'skill') from skill_framework f where f.name = ?")
                    .param(name)
                    .query(Integer.class)
                    .list();
            assertThat(counts).as("one framework, whole: " + name).containsExactly(skills);
        }
    }

    private HttpResponse<String> upload(WebClient web, String csrf, String name, String csv) {
        String boundary = "----fault" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nrsd-csv\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"skills.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return web.send(HttpRequest.newBuilder(URI.create(base + "/skills/import"))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
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
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(answer.statusCode());
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("Injected");
        assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
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

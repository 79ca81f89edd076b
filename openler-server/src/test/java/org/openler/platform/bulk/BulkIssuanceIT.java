package org.openler.platform.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bulk issuance from CSV over the real API: good rows are issued exactly once, bad rows are reported by row number
 * with a reason, and neither re-sending the upload nor re-running the rows makes a second credential or draws a
 * second status index.
 */
@PlatformTest
class BulkIssuanceIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BulkRetention retention;

    Fixtures.Org provider;
    BulkClient api;
    String achievement;

    @BeforeEach
    void aProviderWithAnAchievementAndAClient() {
        String base = "http://localhost:" + port;
        provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        api = new BulkClient(
                base,
                provider.slug(),
                WebClient.clientToken(base, client.client().clientId(), client.secret()));
        achievement = api.createAchievement("Forklift Safety");
    }

    @Test
    void aCsvOf200RowsIssuesEveryGoodRowOnceAndReportsEachBadRowByItsNumber() throws Exception {
        StringBuilder csv =
                new StringBuilder("achievement_id,recipient_email,recipient_did,valid_until,idempotency_key\n");
        Map<Integer, String> expectedErrors = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            int row = i + 2; // the header is row 1
            String achievementId = achievement;
            String email = "learner" + i + "@example.org";
            String did = "";
            String validUntil = i % 3 == 0 ? "2031-06-30T00:00:00Z" : "";
            String key = i % 2 == 0 ? "key-" + UUID.randomUUID() : "";
            switch (i % 25) {
                case 3 -> {
                    achievementId = UUID.randomUUID().toString();
                    expectedErrors.put(row, "achievement-unknown");
                }
                case 7 -> {
                    email = "not an e-mail";
                    expectedErrors.put(row, "email");
                }
                case 11 -> {
                    validUntil = "2020-01-01T00:00:00Z";
                    expectedErrors.put(row, "valid-until-past");
                }
                case 17 -> {
                    achievementId = "no-such-id";
                    expectedErrors.put(row, "achievement-id");
                }
                case 19 -> {
                    email = "";
                    did = "did:web:learners.example.org:ana";
                }
                default -> {}
            }
            csv.append(String.join(",", achievementId, email, did, validUntil, key))
                    .append('\n');
        }

        HttpResponse<String> submitted = api.submit(csv.toString(), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        JsonNode accepted = BulkClient.JSON.readTree(submitted.body());
        String job = accepted.path("id").asString();
        assertThat(location).isEqualTo("/orgs/" + provider.slug() + "/credentials/bulk/" + job);
        assertThat(accepted.path("total").asInt()).isEqualTo(200);

        long started = System.nanoTime();
        JsonNode finished = api.awaitCompletion(job, PATIENCE);
        double seconds = (System.nanoTime() - started) / 1e9;
        int good = 200 - expectedErrors.size();
        System.out.printf(
                "Bulk job of 200 rows: %d issued, %d failed, in %.1f s (%.0f rows/s)%n",
                finished.path("done").asInt(), finished.path("failed").asInt(), seconds, 200 / seconds);

        assertThat(finished.path("done").asInt()).isEqualTo(good);
        assertThat(finished.path("failed").asInt()).isEqualTo(expectedErrors.size());
        Map<Integer, String> reported = new TreeMap<>();
        for (JsonNode error : finished.path("errors")) {
            reported.put(error.path("row").asInt(), error.path("code").asString());
            assertThat(error.path("reason").asString()).isNotBlank();
        }
        assertThat(reported).isEqualTo(expectedErrors);

        assertExactlyOnce(good);
        Set<String> credentials = new HashSet<>();
        finished.path("issued")
                .forEach(row -> credentials.add(row.path("credentialId").asString()));
        assertThat(credentials).hasSize(good);

        // Resuming: as if every worker had crashed before recording its rows, all rows run again. Each row's
        // idempotency key (its own, or the one derived from the job and row) returns the credential made before.
        jdbc.sql("update bulk_row set state = 'PENDING', credential_id = null, claimed_at = null, finished_at = null"
                        + " where job_id = ? and state = 'DONE'")
                .param(UUID.fromString(job))
                .update();
        JsonNode resumed = api.awaitCompletion(job, PATIENCE);
        Set<String> again = new HashSet<>();
        resumed.path("issued").forEach(row -> again.add(row.path("credentialId").asString()));
        assertThat(again).isEqualTo(credentials);
        assertExactlyOnce(good);
    }

    @Test
    void reSendingAnUploadWithItsIdempotencyKeyReturnsTheSameJob() throws Exception {
        String csv = csv(20, true);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.submit(csv, key);
        HttpResponse<String> again = api.submit(csv, key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        String job = BulkClient.JSON.readTree(first.body()).path("id").asString();
        assertThat(BulkClient.JSON.readTree(again.body()).path("id").asString()).isEqualTo(job);
        api.awaitCompletion(job, PATIENCE);
        assertThat(jdbc.sql("select count(*) from bulk_job where organization_id = ?")
                        .param(provider.organization().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertExactlyOnce(20);
    }

    @Test
    void aSecondUploadOfRowsWithTheirOwnKeysIssuesNothingNew() throws Exception {
        String csv = csv(20, true);
        JsonNode first = api.awaitCompletion(
                BulkClient.JSON
                        .readTree(api.submit(csv, null).body())
                        .path("id")
                        .asString(),
                PATIENCE);
        JsonNode second = api.awaitCompletion(
                BulkClient.JSON
                        .readTree(api.submit(csv, null).body())
                        .path("id")
                        .asString(),
                PATIENCE);

        assertThat(second.path("done").asInt()).isEqualTo(20);
        assertThat(credentialsByRow(second)).isEqualTo(credentialsByRow(first));
        assertExactlyOnce(20);
    }

    @Test
    void aFileThatIsNotABulkCsvIsRefusedWithAReasonAndMakesNoJob() {
        for (String bad : List.of(
                "",
                "name,email\nx,y\n",
                "achievement_id,recipient_email\n",
                "achievement_id,recipient_email\n\"open\n")) {
            HttpResponse<String> refused = api.submit(bad, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> json =
                api.send(HttpRequest.newBuilder(URI.create(api.base + "/orgs/" + provider.slug() + "/credentials/bulk"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(jdbc.sql("select count(*) from bulk_job where organization_id = ?")
                        .param(provider.organization().id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anIssuerUploadsThroughThePageAndFollowsTheJobInEnglishAndSpanish() throws Exception {
        var issuer = fixtures.member(provider, StaffRole.ISSUER);
        WebClient browser = WebClient.on(port);
        browser.signIn(issuer.email().value(), Fixtures.PASSWORD);
        String page = "/orgs/" + provider.slug() + "/credentials/bulk";
        assertThat(browser.page("/orgs/" + provider.slug()).body()).contains("href=\"" + page + "\"");
        HttpResponse<String> upload = browser.page(page);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("enctype=\"multipart/form-data\"", "name=\"file\"");

        String boundary = "openler" + UUID.randomUUID().toString().replace("-", "");
        String csv = "achievement_id,recipient_email\n" + achievement + ",page@example.org\n" + achievement
                + ",not-an-email\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + browser.csrfToken(page) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + page))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String progress = URI.create(posted.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(progress).endsWith("/progress");

        String job = progress.split("/")[5];
        api.awaitCompletion(job, PATIENCE);
        HttpResponse<String> english = browser.page(progress);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Refresh")).isEmpty();
        assertThat(english.body()).contains("Finished", "recipient_email is not a valid e-mail address.", ">3<");
        HttpResponse<String> spanish = browser.page(progress + "?lang=es");
        assertThat(spanish.body()).contains("Terminado", "recipient_email no es una dirección de correo válida.");
    }

    @Test
    void anIssuerDownloadsTheFileForAnAchievementAndIssuesByItsNameWithAClearReasonForUnknownAndAmbiguousNames()
            throws Exception {
        String twinA = api.createAchievement("Crane Operation");
        api.createAchievement("crane operation ");
        var issuer = fixtures.member(provider, StaffRole.ISSUER);
        WebClient browser = WebClient.on(port);
        browser.signIn(issuer.email().value(), Fixtures.PASSWORD);
        String page = "/orgs/" + provider.slug() + "/credentials/bulk";
        String templateLink = page + "/template?achievement=" + achievement;
        assertThat(browser.page(page + "?lang=en").body())
                .contains("CSV for Forklift Safety", templateLink.replace("&", "&amp;"));
        assertThat(browser.page(page + "?lang=es").body()).contains("CSV para Forklift Safety");
        HttpResponse<String> template = browser.get(templateLink, "text/csv,*/*");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(template.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
        assertThat(template.body())
                .as("the achievement by name; its id is not needed while the name is its own")
                .startsWith(
                        "achievement,achievement_id,recipient_email,recipient_did,valid_until,idempotency_key,results\r\n"
                                + "\"Forklift Safety\",,learner@example.org,,,,\r\n");
        assertThat(browser.get(page + "/template?achievement=" + twinA, "text/csv")
                        .body())
                .as("a name two achievements share comes with the id")
                .contains("\"Crane Operation\"," + twinA + ",");
        assertThat(browser.get(page + "/template?achievement=" + UUID.randomUUID(), "text/csv")
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.get(page + "/template?achievement=forklift", "text/csv")
                        .statusCode())
                .isEqualTo(400);

        // the template as filled in, plus rows naming no achievement, two, or one that does not exist
        String filled = template.body().replace("learner@example.org", "by-name@example.org")
                + "forklift safety,,lower-case@example.org,,,,\r\n"
                + "Crane Operation,,twin@example.org,,,,\r\n"
                + "Crane Operation," + twinA + ",twin-by-id@example.org,,,,\r\n"
                + "Welding,,unknown@example.org,,,,\r\n"
                + "Forklift Safety," + twinA + ",mismatch@example.org,,,,\r\n"
                + ",,nothing@example.org,,,,\r\n";
        HttpResponse<String> submitted = api.submit(filled, null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode finished = api.awaitCompletion(
                BulkClient.JSON.readTree(submitted.body()).path("id").asString(), PATIENCE);
        assertThat(finished.path("done").asInt()).isEqualTo(3);
        Map<Integer, String> reported = new TreeMap<>();
        finished.path("errors")
                .forEach(e -> reported.put(e.path("row").asInt(), e.path("code").asString()));
        assertThat(reported)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        4, "achievement-name-ambiguous",
                        6, "achievement-name-unknown",
                        7, "achievement-mismatch",
                        8, "achievement-missing")));
        assertThat(jdbc.sql("select count(*) from issued_credential where organization_id = ? and achievement_id = ?")
                        .params(provider.organization().id().value(), UUID.fromString(achievement))
                        .query(Long.class)
                        .single())
                .as("the rows that named Forklift Safety issued it")
                .isEqualTo(2);
        String progress = page + "/" + finished.path("id").asString() + "/progress";
        assertThat(browser.page(progress + "?lang=en").body())
                .contains("several achievements of this organization have this name; give its achievement_id instead.");
        assertThat(browser.page(progress + "?lang=es").body())
                .contains("ningún logro de esta organización tiene este nombre.");
    }

    @Test
    void theTemplateHasAResultsColumnAndEachRowsResultsAreCheckedByLineBeforeAnythingIsIssued() throws Exception {
        String graded = api.createAchievement("Nursing Practice", """
                [{"name": "Final grade", "resultType": "LetterGrade", "allowedValue": ["A", "B+", "B", "C", "F"]},
                 {"name": "Exam score", "resultType": "Percent"},
                 {"name": "Clinical proficiency", "resultType": "RubricCriterionLevel",
                  "rubricCriterionLevel": [{"name": "Novice"}, {"name": "Competent"}, {"name": "Expert"}]}]""");
        HttpResponse<String> template = api.send(HttpRequest.newBuilder(URI.create(
                        api.base + "/orgs/" + provider.slug() + "/credentials/bulk/template?achievement=" + graded))
                .GET());
        assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
        assertThat(template.body())
                .as("an example of each result the achievement describes, in the documented cell format")
                .isEqualTo(
                        "achievement,achievement_id,recipient_email,recipient_did,valid_until,idempotency_key,results\r\n"
                                + "\"Nursing Practice\",,learner@example.org,,,,"
                                + "\"Final grade=A; Exam score=87; Clinical proficiency=Expert\"\r\n");

        String filled = template.body()
                + "Nursing Practice,,b-plus@example.org,,,,\"Final grade=B+; Exam score=87%\"\r\n"
                + "Nursing Practice,,no-results@example.org,,,,\r\n"
                + "Nursing Practice,,wrong-letter@example.org,,,,Final grade=E\r\n"
                + "Nursing Practice,,too-high@example.org,,,,Exam score=120\r\n"
                + "Nursing Practice,,unknown@example.org,,,,Bedside manner=Good\r\n"
                + "Nursing Practice,,twice@example.org,,,,Final grade=A; final grade=B\r\n"
                + "Nursing Practice,,no-value@example.org,,,,Final grade\r\n"
                + "Nursing Practice,,level@example.org,,,,Clinical proficiency=Wizard\r\n";
        HttpResponse<String> submitted = api.submit(filled, null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String job = BulkClient.JSON.readTree(submitted.body()).path("id").asString();
        JsonNode accepted = api.job(job, false);
        assertThat(accepted.path("failed").asInt())
                .as("the six wrong rows are refused when the file is taken, before any row is issued")
                .isEqualTo(6);
        JsonNode finished = api.awaitCompletion(job, PATIENCE);
        assertThat(finished.path("done").asInt()).isEqualTo(3);
        Map<Integer, String> reported = new TreeMap<>();
        finished.path("errors")
                .forEach(e -> reported.put(
                        e.path("row").asInt(),
                        e.path("code").asString() + " " + e.path("reason").asString()));
        assertThat(reported).containsOnlyKeys(5, 6, 7, 8, 9, 10);
        assertThat(reported.get(5)).startsWith("results results: ").contains("\"E\"", "A, B+, B, C, F");
        assertThat(reported.get(6)).contains("a number from 0 to 100");
        assertThat(reported.get(7)).contains("not one of this achievement's results", "\"Final grade\"");
        assertThat(reported.get(8)).contains("stated twice");
        assertThat(reported.get(9)).startsWith("results-format ");
        assertThat(reported.get(10)).contains("Novice, Competent, Expert");
        String bPlus = jdbc.sql("select document from issued_credential where recipient_email = ?")
                .params("b-plus@example.org")
                .query(String.class)
                .single();
        assertThat(bPlus).contains("\"value\":\"B+\"", "\"value\":\"87\"");
    }

    private String csv(int rows, boolean keys) {
        StringBuilder csv = new StringBuilder("achievement_id,recipient_email,idempotency_key\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(achievement)
                    .append(",keyed")
                    .append(i)
                    .append("@example.org,")
                    .append(keys ? provider.slug() + "-row-" + i : "")
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Map<Integer, String> credentialsByRow(JsonNode job) {
        Map<Integer, String> byRow = new HashMap<>();
        job.path("issued")
                .forEach(row -> byRow.put(
                        row.path("row").asInt(), row.path("credentialId").asString()));
        return byRow;
    }

    @Test
    void aFinishedJobsRecipientsAreErasedAfterTheRetentionAndItsReportStillAddsUp() throws Exception {
        String csv = "achievement_id,recipient_email\n" + achievement + ",kept@example.org\n" + achievement
                + ",not-an-email\n";
        String job = BulkClient.JSON
                .readTree(api.submit(csv, null).body())
                .path("id")
                .asString();
        api.awaitCompletion(job, PATIENCE);
        UUID jobId = UUID.fromString(job);

        assertThat(retention.eraseExpired()).as("nothing is old enough yet").isZero();
        jdbc.sql("update bulk_row set finished_at = ? where job_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(31))), jobId)
                .update();
        assertThat(retention.eraseExpired()).isEqualTo(2);

        assertThat(jdbc.sql("select count(*) from bulk_row where job_id = ? and (recipient_email is not null"
                                + " or recipient_did is not null or error is not null)")
                        .param(jobId)
                        .query(Long.class)
                        .single())
                .isZero();
        JsonNode report = api.job(job, true);
        assertThat(report.path("done").asInt()).isEqualTo(1);
        assertThat(report.path("failed").asInt()).isEqualTo(1);
        assertThat(report.toString()).doesNotContain("kept@example.org").doesNotContain("not-an-email");
    }

    /** The organization holds exactly {@code expected} credentials, each key and status index once. */
    private void assertExactlyOnce(int expected) {
        UUID organization = provider.organization().id().value();
        List<Long> counts = new ArrayList<>();
        for (String sql : List.of(
                "select count(*) from issued_credential where organization_id = ?",
                "select count(distinct idempotency_key) from issued_credential where organization_id = ?",
                "select count(*) from (select distinct status_list_id, status_index from issued_credential"
                        + " where organization_id = ?) d",
                "select count(*) from (select distinct suspension_list_id, suspension_index from issued_credential"
                        + " where organization_id = ?) d",
                "select count(*) from status_allocation a join status_list l on l.id = a.status_list_id"
                        + " where l.organization_id = ? and l.purpose = 'revocation'",
                "select count(*) from status_allocation a join status_list l on l.id = a.status_list_id"
                        + " where l.organization_id = ? and l.purpose = 'suspension'")) {
            counts.add(jdbc.sql(sql).param(organization).query(Long.class).single());
        }
        assertThat(counts)
                .as("credentials, distinct keys, distinct revocation and suspension indexes, allocated of each")
                .containsOnly((long) expected);
    }
}

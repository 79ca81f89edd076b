package org.openler.platform.articulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.accounts.Account;
import org.openler.platform.matching.HeldCredit;
import org.openler.platform.matching.TrainingOption;
import org.openler.platform.organizations.Organization;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.RegistryCourse;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The articulation index over the real API and PostgreSQL: rules, the public index, credit requests and awards. */
@PlatformTest
class ArticulationIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Claims claims;

    @Autowired
    RegistryEntries registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<HeldCredit> heldCredit;

    @Autowired
    TransferValueProfiles profiles;

    Fixtures.Org college;
    String token;
    String base;

    @BeforeEach
    void aCollege() {
        base = "http://localhost:" + port;
        college = kit.fixturesForTests().organization(Organization.Kind.PROVIDER);
        var client = kit.fixturesForTests().client(college);
        token = WebClient.clientToken(base, client.client().clientId(), client.secret());
    }

    // ---- rules

    @Test
    void rulesAreVersionedAndOnlyTheOwningCollegeChangesThem() {
        String name = Fixtures.unique("CompTIA A+");
        JsonNode created = ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", rule(name, "3")), 201);
        String id = created.path("id").asString();
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(created.path("totalCredits").decimalValue()).isEqualByComparingTo("3");
        assertThat(created.path("source").path("issuer").asString()).isEqualTo("CompTIA");

        JsonNode updated =
                ok(api("PUT", "/orgs/" + college.slug() + "/articulation/rules/" + id, rule(name, "4")), 200);
        assertThat(updated.path("version").asInt()).isEqualTo(2);
        assertThat(updated.path("totalCredits").decimalValue()).isEqualByComparingTo("4");
        assertThat(jdbc.sql("select count(*) from articulation_rule_version where rule_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        Fixtures.Org other = kit.fixturesForTests().organization(Organization.Kind.PROVIDER);
        var otherClient = kit.fixturesForTests().client(other);
        String otherToken = WebClient.clientToken(base, otherClient.client().clientId(), otherClient.secret());
        HttpResponse<String> foreign = send(
                "PUT",
                "/orgs/" + other.slug() + "/articulation/rules/" + id,
                rule(name, "9").toString(),
                otherToken);
        assertThat(foreign.statusCode()).isEqualTo(404);
        HttpResponse<String> intoOther = send(
                "PUT",
                "/orgs/" + college.slug() + "/articulation/rules/" + id,
                rule(name, "9").toString(),
                otherToken);
        assertThat(intoOther.statusCode()).isIn(401, 403);
        assertThat(ok(api("GET", "/orgs/" + college.slug() + "/articulation/rules/" + id, null), 200)
                        .path("totalCredits")
                        .decimalValue())
                .isEqualByComparingTo("4");

        JsonNode withdrawn =
                ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules/" + id + "/withdraw", null), 200);
        assertThat(withdrawn.path("status").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.path("version").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownSourceNegativeOrAbsurdCreditHoursAndABadRuleEachGetAClearProblem() {
        ObjectNode unknown = rule("x", "3");
        unknown.putObject("source").put("kind", "credential").put("ctid", "ce-" + UUID.randomUUID());
        problem(api("POST", "/orgs/" + college.slug() + "/articulation/rules", unknown), 422, "unprocessable");

        JsonNode negative = problem(
                api("POST", "/orgs/" + college.slug() + "/articulation/rules", rule("x", "-3")), 400, "invalid-input");
        assertThat(fields(negative)).contains("courses[0].creditHours");

        JsonNode absurd = problem(
                api("POST", "/orgs/" + college.slug() + "/articulation/rules", rule("x", "500")), 400, "invalid-input");
        assertThat(fields(absurd)).contains("courses[0].creditHours");

        ObjectNode platformAchievement = rule("No Such Achievement", "3");
        ((ObjectNode) platformAchievement.path("source")).put("issuer", college.slug());
        problem(
                api("POST", "/orgs/" + college.slug() + "/articulation/rules", platformAchievement),
                422,
                "unprocessable");

        HttpResponse<String> notJson = send("POST", "/orgs/" + college.slug() + "/articulation/rules", "[1,2]", token);
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void aRuleThatWouldCloseALoopOfCreditIsRefused() {
        String a = publish("Network Basics " + UUID.randomUUID());
        String b = publish("Networking Certificate " + UUID.randomUUID());
        ObjectNode aForB = rule("", "3");
        aForB.putObject("source").put("kind", "credential").put("ctid", a);
        ((ObjectNode) aForB.path("courses").get(0)).put("ctid", b);
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", aForB), 201);

        ObjectNode bForA = rule("", "3");
        bForA.putObject("source").put("kind", "credential").put("ctid", b);
        ((ObjectNode) bForA.path("courses").get(0)).put("ctid", a);
        JsonNode refused =
                problem(api("POST", "/orgs/" + college.slug() + "/articulation/rules", bForA), 422, "unprocessable");
        assertThat(refused.path("detail").asString()).contains("loop");
    }

    // ---- the public index

    @Test
    void theIndexAnswersByCredentialCollegeCourseAndSkill() {
        String ctid = publish("Cloud Practitioner " + UUID.randomUUID());
        ObjectNode byCtid = rule("", "3");
        byCtid.putObject("source").put("kind", "credential").put("ctid", ctid);
        ((ObjectNode) byCtid.path("courses").get(0)).put("code", "CIS 150").put("title", "Cloud Computing Essentials");
        String id = ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", byCtid), 201)
                .path("id")
                .asString();
        String draftName = Fixtures.unique("Draft Only");
        ObjectNode draft = rule(draftName, "3");
        draft.put("status", "draft");
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", draft), 201);

        WebClient anyone = new WebClient(base);
        assertThat(ids(anyone, "/articulation?credential=" + ctid)).containsExactly(id);
        assertThat(ids(anyone, "/articulation?college=" + college.slug())).contains(id);
        assertThat(ids(anyone, "/articulation?college=" + college.slug() + "&course=cloud+computing"))
                .containsExactly(id);
        assertThat(ids(anyone, "/articulation?skill=http://example.org/skills/cloud"))
                .contains(id);
        assertThat(ids(anyone, "/articulation?credential=" + draftName)).isEmpty();
        HttpResponse<String> page = anyone.get("/articulation/rules/" + id, "application/json");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> tooLong = anyone.get("/articulation?course=" + "x".repeat(300), "application/json");
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    // ---- credit requests

    @Test
    void aLearnerAsksForCreditOnceAndAnAutomaticRuleAwardsACredentialIntoTheirWalletLoggedInThePublicLog() {
        WalletKit.Provider certifier = kit.provider(Fixtures.unique("Welding Fundamentals"));
        Account learner = kit.fixturesForTests().learner();
        UUID held = claims.placeForDemo(
                learner.id(), kit.issue(certifier, learner.email().value()).id());
        ObjectNode automatic = rule(certifier.achievement().name(), "3");
        ((ObjectNode) automatic.path("source")).put("issuer", certifier.org().slug());
        automatic.put("automatic", true);
        String rule = ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", automatic), 201)
                .path("id")
                .asString();
        WebClient web = WalletKit.signedIn(port, learner);

        JsonNode offers =
                JSON.readTree(web.get("/me/credit", "application/json").body());
        assertThat(offers.size()).isEqualTo(1);
        assertThat(offers.get(0).path("credits").decimalValue()).isEqualByComparingTo("3");

        HttpResponse<String> first = learnerPost(web, "{\"rule\":\"" + rule + "\"}");
        JsonNode request = ok(first, 201);
        assertThat(request.path("status").asString()).isEqualTo("APPROVED");
        assertThat(request.path("verified").asBoolean()).isTrue();
        assertThat(request.path("awarded").size()).isEqualTo(1);
        HttpResponse<String> again = learnerPost(web, "{\"rule\":\"" + rule + "\"}");
        JsonNode replayed = ok(again, 200);
        assertThat(replayed.path("id").asString()).isEqualTo(request.path("id").asString());
        assertThat(jdbc.sql("select count(*) from articulation_award a join articulation_request q on q.id ="
                                + " a.request_id where q.account_id = ?")
                        .param(learner.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // the credit credential: in the wallet, the course as achievement, credit hours, the source as evidence
        UUID awarded = UUID.fromString(request.path("awarded").get(0).asString());
        String document = jdbc.sql(
                        "select document from wallet_credential where account_id = ? and" + " issued_credential_id = ?")
                .params(learner.id().value(), awarded)
                .query(String.class)
                .single();
        JsonNode credential = JSON.readTree(document);
        assertThat(credential
                        .path("credentialSubject")
                        .path("achievement")
                        .path("name")
                        .asString())
                .isEqualTo("WLD 110: Welding I");
        assertThat(credential.path("credentialSubject").path("creditsEarned").decimalValue())
                .isEqualByComparingTo("3");
        assertThat(credential
                        .path("credentialSubject")
                        .path("result")
                        .get(0)
                        .path("value")
                        .asString())
                .startsWith("3 semester credit hours");
        assertThat(credential.path("evidence").get(0).path("name").asString())
                .isEqualTo(certifier.achievement().name());
        assertThat(credential.path("issuer").path("name").asString())
                .isEqualTo(college.organization().name());
        // it verifies
        assertVerifies(web, document);
        // the share: only the source credential, to the college, for credit evaluation
        JsonNode shared = JSON.readTree(jdbc.sql("select credentials from articulation_request where id = ?")
                .param(UUID.fromString(request.path("id").asString()))
                .query(String.class)
                .single());
        assertThat(shared.size()).isEqualTo(1);
        assertThat(shared.get(0).asString()).isEqualTo(held.toString());
        assertThat(jdbc.sql("select party from credential_share where account_id = ? and purpose like ?")
                        .params(learner.id().value(), "Credit evaluation%")
                        .query(String.class)
                        .list())
                .containsExactly(college.organization().name());
        // the public log: one articulation entry, with no personal data
        List<String> entries = jdbc.sql(
                        "select entry from transparency_entry where event_type = ? and subject_hash = ?")
                .params("articulation.awarded", LogEvent.credentialSubject("urn:uuid:" + awarded))
                .query(String.class)
                .list();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).contains(rule).doesNotContain(learner.email().value());

        // withdrawing the rule takes nothing back
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules/" + rule + "/withdraw", null), 200);
        assertThat(jdbc.sql("select count(*) from wallet_credential where account_id = ? and issued_credential_id = ?")
                        .params(learner.id().value(), awarded)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(JSON.readTree(web.get("/me/credit-requests", "application/json")
                                .body())
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aClrTranscriptOfEverythingTheCollegeAwardedIsSignedByTheCollegeAndVerifiesHereAndInTheCrossCheck(
            @TempDir Path dir) throws Exception {
        WalletKit.Provider certifier = kit.provider(Fixtures.unique("Network Fundamentals"));
        Account learner = kit.fixturesForTests().learner();
        claims.placeForDemo(
                learner.id(), kit.issue(certifier, learner.email().value()).id());
        ObjectNode twoCourses = rule(certifier.achievement().name(), "3");
        ((ObjectNode) twoCourses.path("source")).put("issuer", certifier.org().slug());
        twoCourses.put("automatic", true);
        ((ArrayNode) twoCourses.path("courses"))
                .addObject()
                .put("code", "NET 120")
                .put("title", "Routing and Switching")
                .put("creditType", "semester")
                .put("level", "lower-division")
                .put("creditHours", new BigDecimal("1.5"));
        String rule = ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", twoCourses), 201)
                .path("id")
                .asString();
        WebClient web = WalletKit.signedIn(port, learner);
        // nothing awarded yet: nothing to put in a transcript
        assertThat(learnerSend(web, "/me/credit-transcripts", "{\"college\":\"" + college.slug() + "\"}")
                        .statusCode())
                .isEqualTo(404);
        JsonNode request = ok(learnerSend(web, "/me/credit-requests", "{\"rule\":\"" + rule + "\"}"), 201);
        assertThat(request.path("awarded").size()).isEqualTo(2);

        // the college asks for it from the queue: one ClrCredential, both credit credentials inside, exactly as signed
        JsonNode transcript = ok(
                api(
                        "POST",
                        "/orgs/" + college.slug() + "/articulation/requests/"
                                + request.path("id").asString() + "/transcript",
                        null),
                201);
        assertThat(transcript.path("courses").asInt()).isEqualTo(2);
        JsonNode clr = transcript.path("verifiableCredential");
        assertThat(clr.path("type").toString()).contains("ClrCredential");
        assertThat(clr.path("name").asString())
                .isEqualTo("Transcript of credit by articulation from "
                        + college.organization().name());
        assertThat(clr.path("issuer").path("name").asString())
                .isEqualTo(college.organization().name());
        JsonNode bundled = clr.path("credentialSubject").path("verifiableCredential");
        assertThat(bundled.size()).isEqualTo(2);
        List<String> courses = new ArrayList<>();
        for (JsonNode credit : bundled) {
            courses.add(credit.path("credentialSubject")
                    .path("achievement")
                    .path("name")
                    .asString());
            assertThat(credit.path("credentialSubject").has("creditsEarned")).isTrue();
            assertThat(credit.path("credentialSubject")
                            .path("result")
                            .get(0)
                            .path("value")
                            .asString())
                    .contains("semester credit hours");
            assertThat(credit.path("evidence").get(0).path("name").asString())
                    .isEqualTo(certifier.achievement().name());
        }
        assertThat(courses).containsExactlyInAnyOrder("WLD 110: Welding I", "NET 120: Routing and Switching");
        // the platform's verifier accepts the stored bytes; they are in the learner's wallet
        UUID transcriptId = UUID.fromString(transcript.path("id").asString());
        String document = jdbc.sql("select document from issued_credential where id = ?")
                .param(transcriptId)
                .query(String.class)
                .single();
        assertVerifies(web, document);
        assertThat(jdbc.sql("select count(*) from wallet_credential where account_id = ? and issued_credential_id = ?")
                        .params(learner.id().value(), transcriptId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // asked again (by the learner) with nothing new awarded: the same transcript, not a second one
        JsonNode again =
                ok(learnerSend(web, "/me/credit-transcripts", "{\"college\":\"" + college.slug() + "\"}"), 200);
        assertThat(again.path("id").asString()).isEqualTo(transcriptId.toString());
        // another college's staff cannot ask for it; an unknown request is 404
        assertThat(api(
                                "POST",
                                "/orgs/" + college.slug() + "/articulation/requests/" + UUID.randomUUID()
                                        + "/transcript",
                                null)
                        .statusCode())
                .isEqualTo(404);

        // the learner's data: the request and its awards are in the privacy export and the "what we hold" summary
        JsonNode exported = JSON.readTree(
                        web.get("/privacy/export", "application/json").body())
                .path("sections")
                .path("articulation")
                .path("creditRequests");
        assertThat(exported.size()).isEqualTo(1);
        assertThat(exported.get(0).path("college").asString()).isEqualTo(college.slug());
        assertThat(exported.get(0).path("status").asString()).isEqualTo("APPROVED");
        assertThat(exported.get(0).path("awardedCredentials").size()).isEqualTo(2);
        assertThat(web.page("/privacy").body()).contains("Credit requests you made: 1");

        // digitalbazaar and DCC verify the very bytes, with this server's DID document and status lists
        if (Files.isDirectory(NodeCrossCheck.INTEROP.resolve("node_modules"))) {
            NodeCrossCheck.Result result = NodeCrossCheck.run(
                    dir, "transcript", document, NodeCrossCheck.documents(port, college.slug(), document));
            assertThat(result.verdicts()).as(result.output()).containsOnly(true);
        }
    }

    @Test
    void aLargeImportRunsAsAJobWhoseProgressTheCollegeWatchesAndAfterACrashItContinuesWhereItStopped()
            throws Exception {
        String label = Fixtures.unique("Cert");
        StringBuilder csv = new StringBuilder(String.join(",", RuleCsv.COLUMNS)).append("\r\n");
        for (int i = 0; i < 300; i++) {
            csv.append(csvRow(label + " " + i, "CIS " + (100 + i), i == 10 ? "-1" : "3"));
        }
        String path = "/orgs/" + college.slug() + "/articulation/imports";
        HttpResponse<String> submitted = sendWithKey(path, csv.toString(), "text/csv", "registrar-upload-1");
        JsonNode job = ok(submitted, 202);
        assertThat(submitted.headers().firstValue("Location"))
                .contains(path + "/" + job.path("id").asString());
        // the same upload again (a retry): the same job, not a second one
        JsonNode again = ok(sendWithKey(path, csv.toString(), "text/csv", "registrar-upload-1"), 200);
        assertThat(again.path("id").asString()).isEqualTo(job.path("id").asString());

        JsonNode done = awaitImport(path + "/" + job.path("id").asString());
        assertThat(done.path("total").asInt()).isEqualTo(300);
        assertThat(done.path("done").asInt()).isEqualTo(300);
        assertThat(done.path("created").asInt()).isEqualTo(299);
        assertThat(done.path("errorCount").asInt()).isEqualTo(1);
        assertThat(done.path("errors").get(0).path("row").asInt()).isEqualTo(12);
        assertThat(done.path("errors").get(0).path("code").asString()).isEqualTo("invalid");
        assertThat(done.path("errors").get(0).path("reason").asString()).contains("creditHours");
        assertThat(jdbc.sql("select count(*) from articulation_rule where organization_id = ?")
                        .param(college.organization().id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(299);
        // the college watches it on its page
        WebClient staff = WalletKit.signedIn(port, college.admin());
        HttpResponse<String> page = staff.page(path + "/" + job.path("id").asString() + "/progress");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Done.").contains("299");
        // a file that is not what it says is refused at once, before any job
        assertThat(sendWithKey(path, "not,a,header\r\n", "text/csv", null).statusCode())
                .isEqualTo(400);
        assertThat(sendWithKey(path, "{not json", "application/ld+json", null).statusCode())
                .isEqualTo(400);

        // a worker killed after committing 2 of 5 rules: its heartbeat is old, another worker takes the job over and
        // saves rules 3 to 5 only (rules 1 and 2, committed by the dead worker, are not saved again)
        Fixtures.Org other = kit.fixturesForTests().organization(Organization.Kind.PROVIDER);
        StringBuilder five = new StringBuilder(String.join(",", RuleCsv.COLUMNS)).append("\r\n");
        for (int i = 0; i < 5; i++) {
            five.append(csvRow(label + " resumed " + i, "HIT " + (110 + i), "3"));
        }
        UUID crashed = UUID.randomUUID();
        jdbc.sql("insert into articulation_import (id, organization_id, submitted_by, submitted_at, format, body,"
                        + " state, total, done, created, claimed_by, heartbeat_at)"
                        + " values (?, ?, 'account:' || ?, now(), 'CSV', ?, 'RUNNING', 5, 2, 2, 'killed-worker',"
                        + " now() - interval '1 hour')")
                .params(
                        crashed,
                        other.organization().id().value(),
                        other.admin().id().value().toString(),
                        five.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
        JsonNode resumed = awaitImport("/orgs/" + other.slug() + "/articulation/imports/" + crashed, other);
        assertThat(resumed.path("done").asInt()).isEqualTo(5);
        assertThat(resumed.path("created").asInt()).isEqualTo(5);
        List<String> saved = jdbc.sql(
                        "select source_name from articulation_rule where organization_id = ?" + " order by source_name")
                .param(other.organization().id().value())
                .query(String.class)
                .list();
        assertThat(saved).containsExactly(label + " resumed 2", label + " resumed 3", label + " resumed 4");
    }

    static String csvRow(String source, String course, String hours) {
        return ",published,achievement,,CompTIA," + source + ",direct," + course + ",A course," + hours
                + ",semester,lower-division,,2026-01-01,,Articulation Committee,false,,,,,\r\n";
    }

    HttpResponse<String> sendWithKey(String path, String body, String contentType, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return WebClient.on(port).send(request.build());
    }

    JsonNode awaitImport(String path) throws InterruptedException {
        return awaitImport(path, null);
    }

    JsonNode awaitImport(String path, Fixtures.Org as) throws InterruptedException {
        String bearer = token;
        if (as != null) {
            var client = kit.fixturesForTests().client(as);
            bearer = WebClient.clientToken(base, client.client().clientId(), client.secret());
        }
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (true) {
            JsonNode status = ok(send("GET", path, null, bearer), 200);
            if (status.path("state").asString().equals("done") || System.nanoTime() > until) {
                assertThat(status.path("state").asString())
                        .as(status.toString())
                        .isEqualTo("done");
                return status;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aManualRuleWaitsInTheQueueThenIsDeclinedWithAReasonOrApproved() {
        WalletKit.Provider certifier = kit.provider(Fixtures.unique("Certified Nursing Assistant"));
        Account declinedLearner = kit.fixturesForTests().learner();
        Account approvedLearner = kit.fixturesForTests().learner();
        claims.placeForDemo(
                declinedLearner.id(),
                kit.issue(certifier, declinedLearner.email().value()).id());
        claims.placeForDemo(
                approvedLearner.id(),
                kit.issue(certifier, approvedLearner.email().value()).id());
        ObjectNode manual = rule(certifier.achievement().name(), "4");
        ((ObjectNode) manual.path("source")).put("issuer", certifier.org().slug());
        String rule = ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", manual), 201)
                .path("id")
                .asString();

        JsonNode pending =
                ok(learnerPost(WalletKit.signedIn(port, declinedLearner), "{\"rule\":\"" + rule + "\"}"), 201);
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        JsonNode queued =
                ok(api("GET", "/orgs/" + college.slug() + "/articulation/requests?status=pending", null), 200);
        assertThat(queued.size()).isEqualTo(1);
        String id = queued.get(0).path("id").asString();
        problem(
                api(
                        "POST",
                        "/orgs/" + college.slug() + "/articulation/requests/" + id + "/decline",
                        JSON.createObjectNode()),
                400,
                "invalid-input");
        JsonNode declined = ok(
                api(
                        "POST",
                        "/orgs/" + college.slug() + "/articulation/requests/" + id + "/decline",
                        JSON.createObjectNode().put("reason", "Older than our five-year limit.")),
                200);
        assertThat(declined.path("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.path("reason").asString()).isEqualTo("Older than our five-year limit.");

        String second = ok(learnerPost(WalletKit.signedIn(port, approvedLearner), "{\"rule\":\"" + rule + "\"}"), 201)
                .path("id")
                .asString();
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/requests/" + second + "/verify", null), 200);
        JsonNode approved =
                ok(api("POST", "/orgs/" + college.slug() + "/articulation/requests/" + second + "/approve", null), 200);
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("awarded").size()).isEqualTo(1);
        JsonNode twice =
                ok(api("POST", "/orgs/" + college.slug() + "/articulation/requests/" + second + "/approve", null), 200);
        assertThat(twice.path("awarded").size()).isEqualTo(1);
    }

    @Test
    void aCredentialTheRuleDoesNotNameIsRefusedClearly() {
        WalletKit.Provider certifier = kit.provider(Fixtures.unique("Forklift Operator"));
        Account learner = kit.fixturesForTests().learner();
        claims.placeForDemo(
                learner.id(), kit.issue(certifier, learner.email().value()).id());
        String rule = ok(
                        api(
                                "POST",
                                "/orgs/" + college.slug() + "/articulation/rules",
                                rule(Fixtures.unique("Other"), "3")),
                        201)
                .path("id")
                .asString();
        WebClient web = WalletKit.signedIn(port, learner);
        problem(learnerPost(web, "{\"rule\":\"" + rule + "\"}"), 422, "unprocessable");
        problem(learnerPost(web, "{\"rule\":\"not-an-id\"}"), 400, "invalid-input");
        problem(learnerPost(web, "{\"rule\":\"" + UUID.randomUUID() + "\"}"), 404, "not-found");
    }

    // ---- CSV and CTDL

    @Test
    void aRegistrarCsvSavesTheGoodRowsAndNamesEveryBadRowWithItsReason() {
        String header = String.join(",", RuleCsv.COLUMNS);
        String good = ",published,achievement,,NCCER,NCCER Core Curriculum,block,CON 100,Construction Core,6,semester,"
                + "lower-division,,2026-01-01,,Dean of Workforce,true,,,,,";
        String twoCourses1 = "mos,published,achievement,,U.S. Army,\"MOS 25B, IT Specialist\",direct,CIS 120,"
                + "Networking I,3,semester,lower-division,,2026-01-01,,Articulation Committee,false,,,,,";
        String twoCourses2 = "mos,published,achievement,,U.S. Army,\"MOS 25B, IT Specialist\",direct,CIS 121,"
                + "Networking II,3,semester,lower-division,,2026-01-01,,Articulation Committee,false,,,,,";
        String negative = ",published,achievement,,CompTIA,CompTIA A+,direct,CIS 110,Intro,-3,semester,"
                + "lower-division,,2026-01-01,,Dean,false,,,,,";
        String unknown = ",published,credential,ce-" + UUID.randomUUID() + ",,,direct,CIS 110,Intro,3,semester,"
                + "lower-division,,2026-01-01,,Dean,false,,,,,";
        String shortRow = ",published,achievement";
        String csv = String.join("\r\n", header, good, twoCourses1, twoCourses2, negative, unknown, shortRow) + "\r\n";

        HttpResponse<String> response =
                send("POST", "/orgs/" + college.slug() + "/articulation/import", csv, token, "text/csv");
        JsonNode report = ok(response, 200);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        List<String> errors = new ArrayList<>();
        report.path("errors")
                .forEach(e ->
                        errors.add(e.path("row").asInt() + ":" + e.path("code").asString()));
        assertThat(errors).containsExactlyInAnyOrder("5:invalid", "6:unknown-source", "7:columns");

        HttpResponse<String> exported = new WebClient(base)
                .send(HttpRequest.newBuilder(URI.create(base + "/orgs/" + college.slug() + "/articulation/export.csv"))
                        .header("Accept", "text/csv")
                        .header("Authorization", "Bearer " + token)
                        .build());
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.body().split("\r\n")).hasSize(1 + 3); // header, the block rule, the two MOS courses
        // exported, imported again: the same rules replaced, none added
        JsonNode again = ok(
                send("POST", "/orgs/" + college.slug() + "/articulation/import", exported.body(), token, "text/csv"),
                200);
        assertThat(again.path("updated").asInt()).isEqualTo(2);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("errors").size()).isZero();
    }

    @Test
    void rulesGoOutAsCtdlTransferValueProfilesThatPassTheSchemaAndComeBackTheSame() {
        String ctid = publish("Certified Cloud Practitioner " + UUID.randomUUID());
        ObjectNode byCtid = rule("", "3");
        byCtid.putObject("source").put("kind", "credential").put("ctid", ctid);
        byCtid.putObject("conditions").put("maxAgeYears", 5).put("issuedAfter", "2020-01-01");
        byCtid.put("automatic", true).put("type", "elective");
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", byCtid), 201);
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", rule(Fixtures.unique("AWS"), "4.5")), 201);

        HttpResponse<String> exported =
                send("GET", "/orgs/" + college.slug() + "/articulation/export.jsonld", null, token);
        JsonNode graph = ok(exported, 200);
        assertThat(graph.path("@graph").size()).isEqualTo(2);
        JsonNode profile = graph.path("@graph").get(0);
        assertThat(profile.path("@type").asString()).isEqualTo("ceterms:TransferValueProfile");
        assertThat(profile.path("ceterms:ctid").asString()).startsWith("ce-");
        assertThat(profile.has("ceterms:transferValue")).isTrue();
        for (JsonNode each : graph.path("@graph")) {
            assertThat(profiles.schemaErrors(each)).as(each.toString()).isEmpty();
        }

        Fixtures.Org other = kit.fixturesForTests().organization(Organization.Kind.PROVIDER);
        var otherClient = kit.fixturesForTests().client(other);
        String otherToken = WebClient.clientToken(base, otherClient.client().clientId(), otherClient.secret());
        JsonNode report = ok(
                send(
                        "POST",
                        "/orgs/" + other.slug() + "/articulation/import",
                        exported.body(),
                        otherToken,
                        "application/ld+json"),
                200);
        assertThat(report.path("errors")).as(report.toString()).isEmpty();
        assertThat(report.path("created").asInt()).isEqualTo(2);
        JsonNode mine = ok(api("GET", "/orgs/" + college.slug() + "/articulation/rules", null), 200);
        JsonNode theirs = ok(send("GET", "/orgs/" + other.slug() + "/articulation/rules", null, otherToken), 200);
        assertThat(comparable(theirs)).isEqualTo(comparable(mine));

        JsonNode broken = ok(
                send(
                        "POST",
                        "/orgs/" + other.slug() + "/articulation/import",
                        "{\"@graph\":[{\"@type\":\"ceterms:TransferValueProfile\",\"@id\":\"x\"}]}",
                        otherToken,
                        "application/ld+json"),
                200);
        assertThat(broken.path("errors").get(0).path("code").asString()).isEqualTo("schema");
    }

    // ---- training plans

    @Test
    void aTrainingPlanCountsCreditTheLearnerCanGet() {
        WalletKit.Provider certifier = kit.provider(Fixtures.unique("Medical Terminology"));
        Account learner = kit.fixturesForTests().learner();
        claims.placeForDemo(
                learner.id(), kit.issue(certifier, learner.email().value()).id());
        String program = publish("Health Information Technology " + UUID.randomUUID());
        ObjectNode toward = rule(certifier.achievement().name(), "3");
        ((ObjectNode) toward.path("source")).put("issuer", certifier.org().slug());
        ((ObjectNode) toward.path("courses").get(0)).put("ctid", program);
        ok(api("POST", "/orgs/" + college.slug() + "/articulation/rules", toward), 201);

        TrainingOption option = new TrainingOption(
                program,
                "HIT",
                "College",
                Set.of(),
                Optional.of(2400.0),
                "USD",
                Optional.of(240.0),
                List.of(),
                List.of(),
                "");
        TrainingOption counted = option;
        for (HeldCredit credit : heldCredit) {
            counted = credit.forLearner(learner.id(), counted);
        }
        assertThat(counted.hours()).contains(195.0);
        assertThat(counted.cost().orElseThrow()).isCloseTo(1950.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counted.note()).contains("Shorter by 45 hours");
        Account nobody = kit.fixturesForTests().learner();
        TrainingOption unchanged = option;
        for (HeldCredit credit : heldCredit) {
            unchanged = credit.forLearner(nobody.id(), unchanged);
        }
        assertThat(unchanged).isEqualTo(option);
    }

    // ---- helpers

    static List<JsonNode> comparable(JsonNode rules) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : rules) {
            ObjectNode copy = (ObjectNode) r.deepCopy();
            for (String f : List.of("id", "college", "collegeName", "updatedAt", "version")) {
                copy.remove(f);
            }
            out.add(copy);
        }
        out.sort(java.util.Comparator.comparing(JsonNode::toString));
        return out;
    }

    String publish(String name) {
        return RegistryCourse.certificate(name, "A credential for the articulation tests.", "Pass the exam.")
                .costingUsd(300)
                .taking("PT40H")
                .delivered(CredentialOfValue.DeliveryMode.ONLINE)
                .teaching(URI.create("http://example.org/skills/cloud"), "cloud")
                .publishedBy(registry, college);
    }

    static ObjectNode rule(String sourceName, String hours) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("source")
                .put("kind", "achievement")
                .put("issuer", "CompTIA")
                .put("name", sourceName);
        body.put("type", "direct");
        ObjectNode course = body.putArray("courses").addObject();
        course.put("code", "WLD 110").put("title", "Welding I").put("creditType", "semester");
        course.put("level", "lower-division");
        course.set("creditHours", JSON.getNodeFactory().numberNode(new BigDecimal(hours)));
        body.put("effectiveFrom", "2026-01-01");
        body.put("approvedBy", "Articulation Committee, 12 January 2026");
        body.put("status", "published");
        body.putArray("skills")
                .addObject()
                .put("uri", "http://example.org/skills/cloud")
                .put("label", "cloud");
        return body;
    }

    List<String> ids(WebClient web, String path) {
        HttpResponse<String> response = web.get(path.replace(" ", "+"), "application/json");
        JsonNode found = ok(response, 200);
        List<String> ids = new ArrayList<>();
        found.path("rules").forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }

    HttpResponse<String> learnerPost(WebClient web, String body) {
        return learnerSend(web, "/me/credit-requests", body);
    }

    HttpResponse<String> learnerSend(WebClient web, String path, String body) {
        return web.send(web.jsonPost(path, body)
                .header("X-CSRF-TOKEN", web.csrfToken("/wallet"))
                .build());
    }

    HttpResponse<String> api(String method, String path, JsonNode body) {
        return send(method, path, body == null ? null : body.toString(), token);
    }

    HttpResponse<String> send(String method, String path, String body, String bearer) {
        return send(method, path, body, bearer, "application/json");
    }

    HttpResponse<String> send(String method, String path, String body, String bearer, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return new WebClient(base).send(request.build());
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static JsonNode problem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).endsWith(type);
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** The platform's verifier accepts this credential document. */
    private static void assertVerifies(WebClient web, String document) {
        HttpResponse<String> verified =
                web.postJson("/credentials/verify", "{\"verifiableCredential\":" + document + "}");
        assertThat(JSON.readTree(verified.body()).path("verified").asBoolean())
                .as(verified.body())
                .isTrue();
    }
}

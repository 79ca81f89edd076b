package org.openler.platform.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, "kill -9 during a bulk CSV issue and during a framework import": the packaged server on the demo's H2
 * file database is killed (SIGKILL) in the middle of each, its database is inspected as left, and it is started again
 * on the same data. A bulk job must be resumed by the restarted server and end with every row issued exactly once; a
 * framework import must be there whole or not at all, never half, and the restarted server imports it whole. Part of
 * {@code -Pfaults} (docs/resilience.md); each start of the server takes a minute or more on a loaded machine.
 */
class KillDuringLongWritesFaultTrial {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aBulkJobKilledMidwayIsResumedAfterRestartWithEveryRowIssuedOnce() throws Exception {
        int rows = Integer.getInteger("faults.kill-rows", 300);
        Path data = dir.resolve("data");
        int port = OpenlerProcess.freePort();
        String base = "http://localhost:" + port;
        String[] flags = {"--openler.skills.load-bundled=false", "--openler.bulk.claim-timeout=2s"};
        List<String> keys = new ArrayList<>();
        String job;
        int doneAtKill;
        try (OpenlerProcess server = OpenlerProcess.demo(data, port, dir.resolve("first.log"), flags)) {
            server.awaitLog(Pattern.compile("Demo data ready"), PATIENCE);
            String token = WebClient.clientToken(base, "demo-issuer", "demo-issuer-secret");
            String achievement = JSON.readTree(get(base, token, "/orgs/demo-university/achievements")
                            .body())
                    .get(0)
                    .get("id")
                    .asString();
            StringBuilder csv = new StringBuilder("achievement_id,recipient_email,idempotency_key\n");
            for (int i = 0; i < rows; i++) {
                String key = "kill-" + UUID.randomUUID();
                keys.add(key);
                csv.append(achievement)
                        .append(",killed-")
                        .append(i)
                        .append("@example.org,")
                        .append(key)
                        .append('\n');
            }
            HttpResponse<String> submitted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/orgs/demo-university/credentials/bulk"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "text/csv")
                                    .header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            job = JSON.readTree(submitted.body()).get("id").asString();
            doneAtKill = 0;
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (doneAtKill < rows / 10 && System.nanoTime() < until) {
                doneAtKill = JSON.readTree(get(base, token, "/orgs/demo-university/credentials/bulk/" + job)
                                .body())
                        .get("done")
                        .asInt();
                Thread.sleep(100);
            }
            server.kill();
        }
        // As the kill left it: no row is half-done, no key has two credentials, every credential is logged.
        int doneAfterKill = checkBulk(data, job, keys, false);
        System.out.printf(
                "kill -9 during a bulk job of %d rows: %d done when the kill was sent, %d on disk%n",
                rows, doneAtKill, doneAfterKill);
        assertThat(doneAfterKill).as("the job was killed midway").isLessThan(rows);

        try (OpenlerProcess again = OpenlerProcess.demo(data, port, dir.resolve("again.log"), flags)) {
            again.awaitLog(Pattern.compile("Demo data ready"), PATIENCE);
            String token = WebClient.clientToken(base, "demo-issuer", "demo-issuer-secret");
            JsonNode progress = null;
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < until) {
                progress = JSON.readTree(get(base, token, "/orgs/demo-university/credentials/bulk/" + job)
                        .body());
                if (progress.get("done").asInt() == rows) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(progress).isNotNull();
            assertThat(progress.get("done").asInt()).as("resumed to the end").isEqualTo(rows);
            assertThat(progress.get("errors")).as("row errors").isEmpty();
            again.terminate();
        }
        assertThat(checkBulk(data, job, keys, true)).isEqualTo(rows);
    }

    @Test
    void aFrameworkImportKilledMidwayIsWholeOrAbsentAndIsImportedWholeAfterRestart() throws Exception {
        int skills = Integer.getInteger("faults.kill-skills", 8000);
        Path data = dir.resolve("data");
        List<String> specs = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path file = dir.resolve("big-" + i + ".csv");
            StringBuilder csv =
                    new StringBuilder("Skill Name,Skill Category,Contextualized Skill Statement,Keywords\n");
            for (int s = 0; s < skills; s++) {
                csv.append("Skill ")
                        .append(i)
                        .append('-')
                        .append(s)
                        .append(",Category ")
                        .append(s % 40)
                        .append(",Performs task number ")
                        .append(s)
                        .append(" of set ")
                        .append(i)
                        .append(" safely and to standard.,task; set ")
                        .append(i)
                        .append('\n');
            }
            Files.writeString(file, csv);
            specs.add("rsd-csv:" + file + ":Half " + i);
            slugs.add("rsd-half-" + i);
        }
        String[] flags = {"--openler.skills.load-bundled=false", "--openler.skills.imports=" + String.join(",", specs)};
        try (OpenlerProcess server =
                OpenlerProcess.demo(data, OpenlerProcess.freePort(), dir.resolve("first.log"), flags)) {
            // The first file is in: the second one is being written now.
            server.awaitLog(Pattern.compile("Imported rsd-half-1 "), PATIENCE);
            server.kill();
        }
        List<Integer> counts = new ArrayList<>();
        for (String slug : slugs) {
            counts.add(skillCount(data, slug));
        }
        System.out.printf("kill -9 during framework imports of %d skills each: stored %s%n", skills, counts);
        assertThat(counts.getFirst()).isEqualTo(skills);
        assertThat(counts).as("each import whole or absent").allMatch(count -> count == 0 || count == skills);

        try (OpenlerProcess again =
                OpenlerProcess.demo(data, OpenlerProcess.freePort(), dir.resolve("again.log"), flags)) {
            again.awaitLog(Pattern.compile("Skills frameworks ready"), PATIENCE);
            again.terminate();
        }
        for (String slug : slugs) {
            assertThat(skillCount(data, slug)).as(slug + " after restart").isEqualTo(skills);
        }
    }

    /** Checks the job's rows on disk and answers how many are done. */
    private static int checkBulk(Path data, String job, List<String> keys, boolean finished) throws SQLException {
        int done = 0;
        try (Connection c = OpenlerProcess.h2(data);
                PreparedStatement rows = c.prepareStatement(
                        "select state, credential_id, idempotency_key from bulk_row where job_id = ?");
                PreparedStatement credentials =
                        c.prepareStatement("select id from issued_credential where idempotency_key = ?");
                PreparedStatement logged = c.prepareStatement("select count(*) from transparency_entry"
                        + " where event_type = 'credential.issued' and entry like ?")) {
            rows.setObject(1, UUID.fromString(job));
            try (ResultSet r = rows.executeQuery()) {
                while (r.next()) {
                    String state = r.getString(1);
                    Object credential = r.getObject(2);
                    assertThat(keys).contains(r.getString(3));
                    credentials.setString(1, r.getString(3));
                    List<Object> issued = new ArrayList<>();
                    try (ResultSet i = credentials.executeQuery()) {
                        while (i.next()) {
                            issued.add(i.getObject(1));
                        }
                    }
                    assertThat(issued).as("credentials under one row's key").hasSizeLessThanOrEqualTo(1);
                    if (state.equals("DONE")) {
                        done++;
                        assertThat(issued).as("a done row's credential").containsExactly(credential);
                    } else {
                        assertThat(finished).as("a row still " + state).isFalse();
                    }
                }
            }
            try (PreparedStatement all = c.prepareStatement(
                    "select count(*) from issued_credential i join bulk_row b on b.idempotency_key = i.idempotency_key"
                            + " where b.job_id = ?")) {
                all.setObject(1, UUID.fromString(job));
                try (ResultSet r = all.executeQuery()) {
                    r.next();
                    // a credential can commit only with its row marked done (one transaction), so none is extra
                    assertThat(r.getInt(1)).as("credentials of the job").isEqualTo(done);
                }
            }
            logged.setString(1, "%credential.issued%");
            try (ResultSet r = logged.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("issuance log entries").isGreaterThanOrEqualTo(done);
            }
        }
        return done;
    }

    private static int skillCount(Path data, String slug) throws SQLException {
        try (Connection c = OpenlerProcess.h2(data);
                PreparedStatement s =
                        c.prepareStatement("select count(*) from skill_competency c join skill_framework f"
                                + " on f.id = c.framework_id where f.slug = ? and c.kind = 'skill'")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static HttpResponse<String> get(String base, String token, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer;
    }
}

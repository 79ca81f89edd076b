package org.openler.platform.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A provider's machine client talking to the bulk issuance API of one instance, for tests. */
final class BulkClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;
    final String org;
    final String token;

    BulkClient(String base, String org, String token) {
        this.base = base;
        this.org = org;
        this.token = token;
    }

    BulkClient at(String otherBase) {
        return new BulkClient(otherBase, org, token);
    }

    String createAchievement(String name) {
        return createAchievement(name, "[]");
    }

    /** An achievement with these OB 3.0 result descriptions (a JSON array, as the achievements API takes them). */
    String createAchievement(String name, String resultDescriptions) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/orgs/" + org + "/achievements"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "%s", "description": "Bulk test.", "criteria": "Passed.",
                         "achievementType": "Certificate", "resultDescription": %s}""".formatted(name, resultDescriptions))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    HttpResponse<String> submit(String csv, @Nullable String submissionKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/orgs/" + org + "/credentials/bulk"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv));
        if (submissionKey != null) {
            request.header("Idempotency-Key", submissionKey);
        }
        return send(request);
    }

    JsonNode job(String id, boolean rows) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/orgs/" + org + "/credentials/bulk/" + id + (rows ? "?rows=true" : "")))
                .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls until the job has no pending row, then answers it with every issued row. */
    JsonNode awaitCompletion(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = job(id, false);
            if ("completed".equals(job.path("status").asString())) {
                return job(id, true);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Bulk job " + id + " not completed within " + timeout + ": " + job(id, false));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return new WebClient(base)
                .send(request.header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build());
    }
}

package org.openler.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, "Database outage": a mixed load (providers issuing with idempotency keys, anonymous readers of the log
 * and the registry, a readiness probe every 250 ms) runs against OpenLER on a PostgreSQL cluster of this test's own
 * ({@link ScratchPostgres}); the cluster is stopped in immediate mode (a crash: no checkpoint, every connection cut),
 * left down, and started again, with OpenLER left running throughout. It proves:
 *
 * <ul>
 *   <li>during the outage every answer is either served without the database or a {@code 503} problem+json with
 *       {@code Retry-After}, never another status, a stack trace, or a wait beyond the request timeout (the pool's
 *       5 s connection timeout plus margin), and readiness is DOWN;
 *   <li>after the restart OpenLER takes writes again and is ready within 5 s, without being restarted;
 *   <li>no acknowledged write is lost, and a write retried with its idempotency key exists once.
 * </ul>
 *
 * Run with {@code ./mvnw -Poutage -pl openler-server -am verify} (docs/resilience.md). Never touches the shared cluster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTrial {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);
    static final Duration BEFORE = Duration.ofSeconds(Long.getLong("outage.before-seconds", 8));
    static final Duration DOWN = Duration.ofSeconds(Long.getLong("outage.down-seconds", 12));
    static final Duration AFTER = Duration.ofSeconds(Long.getLong("outage.after-seconds", 15));

    static ScratchPostgres postgres;

    @DynamicPropertySource
    static void ownCluster(DynamicPropertyRegistry registry) throws Exception {
        postgres = ScratchPostgres.create();
        registry.add("spring.datasource.url", postgres::url);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("openler.data-dir", () -> "target/outage-data");
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @AfterAll
    void removeTheCluster() throws Exception {
        // The application context stays cached until the JVM ends (closing it here upsets the test framework); its
        // schedulers then knock at a closed port for a moment, which they survive.
        postgres.close();
    }

    /** One answer the load got. */
    record Sample(
            String kind,
            long startNanos,
            long endNanos,
            int status,
            String contentType,
            String retryAfter,
            String body) {
        Duration took() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    @Test
    void aPostgresCrashIsAnsweredWith503AndRetryAfterThenRecoversWithinFiveSecondsLosingNoAcknowledgedWrite()
            throws Exception {
        String base = "http://localhost:" + port;
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/orgs/" + provider.slug() + "/achievements"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"name": "Outage Drill", "description": "Kept working through one.",
                                 "criteria": "Did.", "achievementType": "Certificate"}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String achievementId = JSON.readTree(created.body()).get("id").asString();

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // idempotency key -> credential id
        AtomicLong retried = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        String issuePath = base + "/orgs/" + provider.slug() + "/credentials/issue";
        for (int w = 0; w < 3; w++) {
            load.submit(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    boolean first = true;
                    while (running.get()) {
                        if (!first) {
                            retried.incrementAndGet();
                        }
                        first = false;
                        Sample s = send(
                                http,
                                "issue",
                                HttpRequest.newBuilder(URI.create(issuePath))
                                        .header("Content-Type", "application/json")
                                        .header("Accept", "application/json")
                                        .header("Authorization", "Bearer " + token)
                                        .header("Idempotency-Key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"achievementId": "%s", "recipient": {"email": "outage-%s@example.org"}}""".formatted(achievementId, key))));
                        samples.add(s);
                        if (s.status() == 200 || s.status() == 201) {
                            acknowledged.put(
                                    key,
                                    JSON.readTree(s.body())
                                            .get("verifiableCredential")
                                            .get("id")
                                            .asString());
                            break;
                        }
                        if (s.status() != 503) {
                            break; // counted as a failure below
                        }
                        pause(200); // a client in a hurry; Retry-After says 5 s
                    }
                }
                return null;
            });
        }
        for (int r = 0; r < 2; r++) {
            load.submit(() -> {
                while (running.get()) {
                    samples.add(send(
                            http,
                            "checkpoint",
                            HttpRequest.newBuilder(URI.create(base + "/log/checkpoint"))
                                    .header("Accept", "*/*")));
                    samples.add(send(
                            http,
                            "registry-search",
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/registry/search?q=care"))
                                    .header("Accept", "application/json")));
                    pause(50);
                }
                return null;
            });
        }
        load.submit(() -> {
            while (running.get()) {
                samples.add(send(
                        http,
                        "readiness",
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                .header("Accept", "application/json")));
                pause(250);
            }
            return null;
        });

        pause(BEFORE.toMillis());
        long stopAt = System.nanoTime();
        postgres.stopImmediately();
        long stopped = System.nanoTime();
        pause(DOWN.toMillis());
        long startAt = System.nanoTime();
        postgres.start();
        long started = System.nanoTime(); // pg_ctl -w: accepting connections
        pause(AFTER.toMillis());
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        List<Sample> all = new ArrayList<>(samples);
        // 1. Every answer is a success or a clean 503 problem; none hangs beyond the request timeout.
        List<Sample> unexpected = all.stream()
                .filter(s -> s.status() != 200 && s.status() != 201 && s.status() != 503)
                .toList();
        assertThat(unexpected).as("answers other than 2xx or 503").isEmpty();
        List<Sample> unavailable = all.stream().filter(s -> s.status() == 503).toList();
        for (Sample s : unavailable) {
            if (s.kind().equals("readiness")) {
                assertThat(JSON.readTree(s.body()).get("status").asString()).isEqualTo("DOWN");
                continue;
            }
            assertThat(s.contentType()).as(s.kind()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(s.body());
            assertThat(problem.get("type").asString()).endsWith("/service-unavailable");
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(Integer.parseInt(s.retryAfter())).isPositive();
            assertThat(s.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        Duration slowest =
                all.stream().map(Sample::took).max(Duration::compareTo).orElseThrow();
        assertThat(slowest).as("the slowest answer").isLessThan(REQUEST_TIMEOUT);
        assertThat(unavailable).as("the outage was seen by the load").isNotEmpty();
        // 2. Readiness went DOWN during the outage, and came back.
        assertThat(all.stream()
                        .filter(s -> s.kind().equals("readiness") && s.startNanos() > stopped && s.endNanos() < startAt)
                        .map(Sample::status))
                .as("readiness during the outage")
                .isNotEmpty()
                .allMatch(status -> status == 503);
        // 3. Recovery without restarting OpenLER.
        long firstWrite = all.stream()
                .filter(s -> s.kind().equals("issue") && s.status() / 100 == 2 && s.endNanos() > started)
                .mapToLong(Sample::endNanos)
                .min()
                .orElseThrow();
        long firstReady = all.stream()
                .filter(s -> s.kind().equals("readiness") && s.status() == 200 && s.endNanos() > started)
                .mapToLong(Sample::endNanos)
                .min()
                .orElseThrow();
        Duration writeRecovery = Duration.ofNanos(Math.max(0, firstWrite - started));
        Duration readyRecovery = Duration.ofNanos(Math.max(0, firstReady - started));
        assertThat(writeRecovery).as("first acknowledged write after restart").isLessThan(RECOVERY_LIMIT);
        assertThat(readyRecovery).as("ready again after restart").isLessThan(RECOVERY_LIMIT);
        // 4. No acknowledged write lost; each idempotency key issued once.
        int found = 0;
        try (Connection c = DriverManager.getConnection(postgres.url(), "root", "");
                PreparedStatement byKey =
                        c.prepareStatement("select id from issued_credential where idempotency_key = ?")) {
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                byKey.setString(1, ack.getKey());
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = byKey.executeQuery()) {
                    while (rs.next()) {
                        ids.add("urn:uuid:" + rs.getString(1));
                    }
                }
                assertThat(ids).as("credentials under key " + ack.getKey()).hasSize(1);
                assertThat(ids.getFirst()).isEqualTo(ack.getValue());
                found++;
            }
        }
        assertThat(found).isEqualTo(acknowledged.size()).isPositive();

        String report = report(
                all,
                acknowledged.size(),
                retried.get(),
                stopAt,
                stopped,
                startAt,
                started,
                writeRecovery,
                readyRecovery,
                slowest);
        System.out.println(report);
        Files.writeString(Path.of("target", "outage-report.txt"), report, StandardCharsets.UTF_8);
    }

    private static String report(
            List<Sample> all,
            int acknowledged,
            long retried,
            long stopAt,
            long stopped,
            long startAt,
            long started,
            Duration writeRecovery,
            Duration readyRecovery,
            Duration slowest) {
        StringBuilder out = new StringBuilder("Database outage trial\n");
        out.append("  stop -m immediate took %d ms; down %d s; start -w took %d ms%n"
                .formatted(
                        (stopped - stopAt) / 1_000_000,
                        (startAt - stopped) / 1_000_000_000,
                        (started - startAt) / 1_000_000));
        for (String kind : List.of("issue", "checkpoint", "registry-search", "readiness")) {
            List<Sample> of = all.stream().filter(s -> s.kind().equals(kind)).toList();
            long during = of.stream()
                    .filter(s -> s.endNanos() > stopped && s.startNanos() < started)
                    .count();
            long unavailable = of.stream().filter(s -> s.status() == 503).count();
            long maxDuring = of.stream()
                    .filter(s -> s.endNanos() > stopped && s.startNanos() < started)
                    .mapToLong(s -> s.took().toMillis())
                    .max()
                    .orElse(0);
            out.append("  %-16s %5d requests, %4d answered 503, %4d overlapping the outage (slowest %d ms)%n"
                    .formatted(kind, of.size(), unavailable, during, maxDuring));
        }
        out.append("  acknowledged writes %d, all found after restart; %d retries with the same key%n"
                .formatted(acknowledged, retried));
        out.append("  recovery after start: first acknowledged write %d ms, ready %d ms; slowest answer %d ms%n"
                .formatted(writeRecovery.toMillis(), readyRecovery.toMillis(), slowest.toMillis()));
        return out.toString();
    }

    private static Sample send(HttpClient http, String kind, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Sample(
                    kind,
                    start,
                    System.nanoTime(),
                    response.statusCode(),
                    header(response, "Content-Type"),
                    header(response, "Retry-After"),
                    response.body());
        } catch (IOException e) {
            return new Sample(kind, start, System.nanoTime(), -1, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(kind, start, System.nanoTime(), -2, "", "", "interrupted");
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        Optional<String> value = response.headers().firstValue(name);
        return value.orElse("");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

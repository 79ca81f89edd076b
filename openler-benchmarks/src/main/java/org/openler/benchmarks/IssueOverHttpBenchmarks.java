package org.openler.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue + persist over HTTP: {@code POST /orgs/<org>/credentials/issue} against a running server, from several client
 * threads at once so the server is saturated, in credentials per second. Each call is one whole issuance (status
 * index drawn and held, credential signed with eddsa-rdfc-2022, stored, audited) answered 201; anything else fails the
 * run. Needs a server: {@code scripts/bench-issue.sh} starts one on its own database and passes the parameters below
 * ({@code -p url=… -p org=… -p clientId=… -p clientSecret=… -p achievementId=…}). An empty {@code achievementId}
 * takes the organization's first achievement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(16)
@Fork(1)
public class IssueOverHttpBenchmarks {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    @Param("http://127.0.0.1:18092")
    public String url;

    @Param("demo-university")
    public String org;

    @Param("demo-issuer")
    public String clientId;

    @Param("demo-issuer-secret")
    public String clientSecret;

    @Param("")
    public String achievementId;

    private final AtomicLong sequence = new AtomicLong();
    private HttpClient http;
    private URI issue;
    private String authorization;
    private String achievement;
    private Instant tokenFetchedAt = Instant.EPOCH;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        http = MachineClient.http();
        issue = URI.create(url + "/orgs/" + org + "/credentials/issue");
        authorization = "Bearer " + token();
        achievement = achievementId.isBlank() ? firstAchievement() : achievementId;
        issueOne(); // fails the run at once if the server refuses
    }

    /**
     * Tokens live 15 minutes, so a long run gets a fresh one after ten — as a real client does, not at every
     * iteration: each token request checks the client secret with Argon2, and fetching them per iteration put that
     * (a tenth of the server's time) into the measurement.
     */
    @Setup(Level.Iteration)
    public void refreshToken() throws IOException, InterruptedException {
        if (Duration.between(tokenFetchedAt, Instant.now()).compareTo(Duration.ofMinutes(10)) > 0) {
            authorization = "Bearer " + token();
        }
    }

    @Benchmark
    public int issueOne() throws IOException, InterruptedException {
        String body = "{\"achievementId\":\"" + achievement + "\",\"recipient\":{\"email\":\"bench"
                + sequence.incrementAndGet() + "@example.org\"}}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(issue)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Issue answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().length();
    }

    private String token() throws IOException, InterruptedException {
        tokenFetchedAt = Instant.now();
        return MachineClient.token(http, url, clientId, clientSecret);
    }

    private String firstAchievement() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/orgs/" + org + "/achievements"))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return MachineClient.find(FIRST_ID, response, "an achievement");
    }
}

package org.openler.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Job generation from a title, end to end: {@code POST /api/v1/orgs/<org>/jobs/draft} against a running server (the
 * demo, with O*NET, ESCO and the crosswalk loaded), one caller, titles taken in turn from twenty real ones. Each call
 * ranks occupations for the title and proposes the top one's requirements (rated skills, technology, ESCO through the
 * crosswalk, related occupations). Sample time, so JMH reports the percentiles; the target is p95 under 300 ms.
 * {@code -p url=… -p org=… -p clientId=… -p clientSecret=…}: a machine client of any organization may draft.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class JobDraftBenchmark {

    private static final List<String> TITLES = List.of(
            "CNC machinist",
            "Registered nurse",
            "RN night shift",
            "Software developer",
            "IT support specialist",
            "Welder",
            "Medical assistant",
            "Medical coder",
            "Cybersecurity analyst",
            "Retail store manager",
            "Electrician",
            "HVAC technician",
            "Pharmacy technician",
            "Truck driver",
            "Nurse practitioner",
            "Network administrator",
            "Web developer",
            "Maintenance technician",
            "Quality inspector",
            "Ingeniero de software");

    @Param("http://127.0.0.1:8103")
    public String url;

    @Param("demo-university")
    public String org;

    @Param("demo-issuer")
    public String clientId;

    @Param("demo-issuer-secret")
    public String clientSecret;

    private HttpClient http;
    private URI draft;
    private String authorization;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        http = MachineClient.http();
        draft = URI.create(url + "/api/v1/orgs/" + org + "/jobs/draft");
        authorization = "Bearer " + MachineClient.token(http, url, clientId, clientSecret);
    }

    @Benchmark
    public int draftFromTitle() throws IOException, InterruptedException {
        String title = TITLES.get(next++ % TITLES.size());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(draft)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(title + ": " + response.statusCode());
        }
        return response.body().length();
    }
}

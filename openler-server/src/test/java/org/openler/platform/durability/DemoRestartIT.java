package org.openler.platform.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's whole start-up on H2 (demo people, the bundled frameworks, the skill-suggestion warm-up and its vectors,
 * the registry index), then a sign-in and an issue, then a stop at a different moment of the warm-ups each round,
 * again and again. A demo once closed its own database this way (an interrupt inside H2's file I/O) and answered
 * every later request with 500 while readiness said UP. Every round must start ready, sign in, issue, and keep every
 * credential issued before.
 *
 * <p>Three whole demo start-ups with the ontology load: under {@code -Pdurability} only (docs/resilience.md). The
 * default suite keeps the cheaper pieces: DemoModeIT restarts the demo on the same H2 folder and keeps its data,
 * FrameworkImportDurabilityIT stops a server with SIGTERM while a warm-up reads the database, and
 * H2CommitSurvivesKillIT kills a JVM right after a commit.
 */
@Tag("durability")
class DemoRestartIT {

    private static final int ROUNDS = Integer.getInteger("openler.test.restarts", 3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theDemoStartsSignsInIssuesAndStopsAgainAndAgainWithoutLosingOrClosingAnything() throws Exception {
        Path data = dir.resolve("data");
        List<String> issued = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            int port = OpenlerProcess.freePort();
            try (OpenlerProcess demo = OpenlerProcess.demo(data, port, dir.resolve("round-" + round + ".log"))) {
                String base = "http://localhost:" + port;
                awaitReady(demo, base);
                signIn(base, "andre@demo.openler.org");
                issued.add(issue(base, "restart-" + round + "@example.org"));
                assertThat(countIssued(base, issued))
                        .as("round %d sees every credential issued before", round)
                        .isEqualTo(issued.size());

                // stop at a different point of the warm-ups each round: loading frameworks, reading the catalogue,
                // computing vectors, or idle
                Thread.sleep(Duration.ofSeconds(2L * round));
                boolean gracefully = round % 2 == 1;
                if (gracefully) {
                    assertThat(demo.terminate()).as(demo.tail()).isIn(0, 143);
                } else {
                    demo.kill();
                }
                assertThat(demo.output())
                        .as("round %d", round)
                        .doesNotContain("The database has been closed")
                        .doesNotContain("ClosedByInterruptException");
            }
        }
        try (var c = OpenlerProcess.h2(data);
                var rows = c.createStatement()
                        .executeQuery(
                                "select count(*) from issued_credential where recipient_email like 'restart-%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(issued.size());
        }
    }

    private static void awaitReady(OpenlerProcess demo, String base) throws Exception {
        demo.awaitLog(Pattern.compile("Started OpenLerApplication"), Duration.ofMinutes(10));
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200
                    && JSON.readTree(ready.body()).path("status").asString().equals("UP")) {
                demo.awaitLog(Pattern.compile("Demo data ready"), Duration.ofMinutes(5));
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not ready within 5 minutes:\n" + demo.tail());
    }

    /** The sign-in form, as a browser sends it: the page's CSRF token, then the form post. */
    private static void signIn(String base, String email) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the sign-in page has a CSRF token").isTrue();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=demo-password-1&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> wallet = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/wallet")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wallet.statusCode()).as("the signed-in learner's wallet").isEqualTo(200);
    }

    private static String token(String base) throws IOException, InterruptedException {
        HttpResponse<String> token = WebClient.clientCredentials(base, "demo-issuer", "demo-issuer-secret");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).path("access_token").asString();
    }

    private static String issue(String base, String recipient) throws IOException, InterruptedException {
        String token = token(base);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode achievements = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/orgs/demo-university/achievements"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String achievement = achievements.get(0).path("id").asString();
        var body = JSON.createObjectNode();
        body.put("achievementId", achievement);
        body.putObject("recipient").put("email", recipient);
        HttpResponse<String> issued = http.send(
                HttpRequest.newBuilder(URI.create(base + "/orgs/demo-university/credentials/issue"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return recipient;
    }

    /** How many of the recipients have a credential, as the API lists them. */
    private static int countIssued(String base, List<String> recipients) throws IOException, InterruptedException {
        String token = token(base);
        HttpResponse<String> list = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/orgs/demo-university/credentials"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        String text = list.body();
        return (int) recipients.stream().filter(text::contains).count();
    }
}

package org.openler.benchmarks.soak;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 19's realistic mix against a running demo (on PostgreSQL, see docs/resilience.md), for a bounded time
 * ({@code -Dsoak.duration=PT10M}, default 10 minutes). Every simulated person is a <em>closed</em> user: a fixed number
 * of them, each with an account of its own, visiting again and again with a person's pauses until the time is up, so
 * the load follows what the server can serve instead of piling up behind it (the open arrival rates of the first runs
 * queued thousands of requests on a saturated machine, and their timeouts were the harness's, not the platform's):
 *
 * <ul>
 *   <li>learners ({@code soak.learners}, 8: the four demo learners with their credentials and ones who signed up for
 *       the soak): sign in, browse their wallet and their job matches five times, 2–5 s apart, leave for 5–10 s;
 *   <li>employers ({@code soak.employers}, 6): each the admin of an employer organization of its own, signed up for the
 *       soak (the per-employer limit of 30 talent searches a minute is per organization: one shared recruiter took
 *       all of them, and 51 searches answered 429): open a learner's share link, verify a credential, search talent
 *       by skill, then 6–12 s to read the results — at most about 8 searches a minute each;
 *   <li>providers ({@code soak.providers}, 2): the demo issuing system takes a token, issues a CSV of 20 rows in bulk
 *       and polls the job three times 2 s apart, then waits 20–40 s;
 *   <li>anonymous visitors ({@code soak.visitors}, 6): verify a credential, search the registry, read the log
 *       checkpoint, then 2–5 s.
 * </ul>
 *
 * The credential verified, the share opened and the accounts are made in {@link SoakRun} before the load starts.
 * Every request checks its status, so an error is a failed request in the report; a request unanswered after
 * {@code soak.request-timeout} (120 s, set where Gatling is started) is one too. Latency is not the soak's target:
 * errors and the live heap are.
 */
public class PlatformMixSimulation extends Simulation {

    static final String BASE = System.getProperty("soak.base-url", "http://localhost:8080");
    static final Duration DURATION = Duration.parse(System.getProperty("soak.duration", "PT10M"));
    static final double SCALE = Double.parseDouble(System.getProperty("soak.scale", "1"));
    static final int LEARNER_USERS = users("soak.learners", 8);
    static final int EMPLOYER_USERS = users("soak.employers", 6);
    static final int PROVIDER_USERS = users("soak.providers", 2);
    static final int VISITORS = users("soak.visitors", 6);
    static final List<String> DEMO_LEARNERS = List.of(
            "andre@demo.openler.org", "izzy@demo.openler.org", "marcus@demo.openler.org", "claire@demo.openler.org");
    static final String PASSWORD = "demo-password-1";
    static final String WELDING = "http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc";
    static final String CSRF = "name=\"_csrf\" value=\"([^\"]+)\"";

    /** How many users of a kind: the property's number times {@code soak.scale}, at least one. */
    static int users(String property, int standard) {
        return Math.max(1, (int) Math.round(Integer.getInteger(property, standard) * SCALE));
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("application/json")
            .acceptLanguageHeader("en")
            .userAgentHeader("openler-soak");

    static ChainBuilder signIn() {
        return exec(flushCookieJar())
                .exec(http("sign-in page")
                        .get("/login")
                        .header("Accept", "text/html")
                        .check(regex(CSRF).saveAs("csrf")))
                .exec(http("sign in")
                        .post("/login")
                        .header("Accept", "text/html")
                        .formParam("email", "#{who}")
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        // a refused sign-in lands on the sign-in page again (also a 200): only a session counts
                        .check(status().is(200))
                        .check(currentLocationRegex("/login").notExists()));
    }

    static ScenarioBuilder learners(Iterator<Map<String, Object>> people) {
        return scenario("learners")
            .feed(people)
            .during(DURATION)
            .on(exec(signIn())
                    .exitHereIfFailed()
                    .repeat(5)
                    .on(exec(http("wallet page").get("/wallet").header("Accept", "text/html"))
                            .exec(http("wallet api").get("/api/v1/wallet/credentials"))
                            .exec(http("job matches").get("/me/jobs"))
                            .pause(Duration.ofSeconds(2), Duration.ofSeconds(5)))
                    .pause(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    static ScenarioBuilder employers(Iterator<Map<String, Object>> people) {
        return scenario("employers")
            .feed(people)
            .during(DURATION)
            .on(exec(signIn())
                    .exitHereIfFailed()
                    .exec(http("home for csrf")
                            .get("/")
                            .header("Accept", "text/html")
                            .check(regex(CSRF).saveAs("csrf")))
                    .exitHereIfFailed()
                    .repeat(3)
                    .on(exec(http("open share").get("#{share}").header("Accept", "text/html"))
                            .exec(http("verify credential (employer)")
                                    .post("/credentials/verify")
                                    .header("Content-Type", "application/json")
                                    .header("X-CSRF-TOKEN", "#{csrf}")
                                    .body(StringBody("#{credential}"))
                                    .check(jsonPath("$.verified").is("true")))
                            .exec(http("talent search")
                                    .post("/orgs/#{org}/talent/search")
                                    .header("Content-Type", "application/json")
                                    .header("X-CSRF-TOKEN", "#{csrf}")
                                    .body(StringBody("{\"skills\": [{\"uri\": \"" + WELDING + "\"}]}")))
                            .pause(Duration.ofSeconds(6), Duration.ofSeconds(12))));
    }

    static ScenarioBuilder providers(Iterator<Map<String, Object>> prepared) {
        return scenario("providers")
            .feed(prepared)
            .during(DURATION)
            .on(exec(http("client token")
                            .post("/oauth2/token")
                            .basicAuth(SoakRun.CLIENT_ID, SoakRun.CLIENT_SECRET)
                            .formParam("grant_type", "client_credentials")
                            .check(jsonPath("$.access_token").saveAs("token")))
                    .exitHereIfFailed()
                    .exec(session -> session.set("csv", csv(session.getString("achievement")))
                            .set("csvKey", UUID.randomUUID().toString()))
                    .exec(http("bulk issue (20 rows)")
                            .post("/orgs/demo-university/credentials/bulk")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "text/csv")
                            .header("Idempotency-Key", "#{csvKey}")
                            .body(StringBody("#{csv}"))
                            .check(status().is(202))
                            .check(jsonPath("$.id").saveAs("job")))
                    .exitHereIfFailed()
                    .repeat(3)
                    .on(exec(http("bulk progress")
                                    .get("/orgs/demo-university/credentials/bulk/#{job}")
                                    .header("Authorization", "Bearer #{token}"))
                            .pause(Duration.ofSeconds(2)))
                    .pause(Duration.ofSeconds(20), Duration.ofSeconds(40)));
    }

    static ScenarioBuilder anonymous(Iterator<Map<String, Object>> prepared) {
        return scenario("anonymous")
            .feed(prepared)
            .during(DURATION)
            .on(exec(http("verify credential (anonymous)")
                            .post("/credentials/verify")
                            .header("Content-Type", "application/json")
                            .body(StringBody("#{credential}"))
                            .check(jsonPath("$.verified").is("true")))
                    .exec(http("registry search")
                            .get(session -> "/api/v1/registry/search?q="
                                    + List.of("nurse", "welding", "data", "care", "electric")
                                            .get(ThreadLocalRandom.current().nextInt(5))))
                    .exec(http("log checkpoint").get("/log/checkpoint").header("Accept", "text/plain"))
                    .pause(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    static String csv(String achievement) {
        StringBuilder csv = new StringBuilder("achievement_id,recipient_email,idempotency_key\n");
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            csv.append(achievement).append(",soak-").append(id, 0, 8).append("@example.org,").append(id).append('\n');
        }
        return csv.toString();
    }

    {
        SoakRun.Prepared prepared = SoakRun.prepared();
        Map<String, Object> common = Map.of(
                "credential", prepared.credential(),
                "share", prepared.sharePath(),
                "achievement", prepared.achievementId());
        // The feed comes first in each scenario: ScenarioBuilder.feed(...) appends a step at the END of the chain.
        // Each learner and employer user takes one account of its own (a queue: never two users on one account), so
        // no account signs in twice at once and no employer shares another's search limit.
        Iterator<Map<String, Object>> learnerAccounts = prepared.learners().stream()
                .map(who -> with(common, Map.of("who", who)))
                .iterator();
        Iterator<Map<String, Object>> employerAccounts = prepared.employers().stream()
                .map(e -> with(common, Map.of("who", e.email(), "org", e.slug())))
                .iterator();
        Iterator<Map<String, Object>> everyone =
                java.util.stream.Stream.generate(() -> common).iterator();
        setUp(
                        learners(learnerAccounts).injectOpen(atOnceUsers(LEARNER_USERS)),
                        employers(employerAccounts).injectOpen(atOnceUsers(EMPLOYER_USERS)),
                        providers(everyone).injectOpen(atOnceUsers(PROVIDER_USERS)),
                        anonymous(everyone).injectOpen(atOnceUsers(VISITORS)))
                .protocols(protocol)
                // every user ends its last visit after DURATION; a visit takes at most a few minutes
                .maxDuration(DURATION.plusMinutes(3))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static Map<String, Object> with(Map<String, Object> common, Map<String, Object> own) {
        Map<String, Object> all = new java.util.HashMap<>(common);
        all.putAll(own);
        return all;
    }
}

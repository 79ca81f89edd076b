package org.openler.benchmarks.soak;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
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
 * ({@code -Dsoak.duration=PT10M}, default 10 minutes):
 *
 * <ul>
 *   <li>learners sign in and browse their wallet and their job matches;
 *   <li>employers sign in, open a learner's share link, verify a credential and search talent by skill;
 *   <li>providers issue in bulk (a CSV job of 20 rows over the API with the demo client) and poll the job;
 *   <li>anonymous visitors verify a credential and search the registry.
 * </ul>
 *
 * The credential verified and the share opened are made once in {@link SoakRun} before the load starts. Every
 * request checks its status, so an error is a failed request in the report.
 */
public class PlatformMixSimulation extends Simulation {

    static final String BASE = System.getProperty("soak.base-url", "http://localhost:8080");
    static final Duration DURATION = Duration.parse(System.getProperty("soak.duration", "PT10M"));
    static final double SCALE = Double.parseDouble(System.getProperty("soak.scale", "1"));
    static final List<String> LEARNERS = List.of(
            "andre@demo.openler.org", "izzy@demo.openler.org", "marcus@demo.openler.org", "claire@demo.openler.org");
    static final String PASSWORD = "demo-password-1";
    static final String WELDING = "http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc";
    static final String CSRF = "name=\"_csrf\" value=\"([^\"]+)\"";

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("application/json")
            .acceptLanguageHeader("en")
            .userAgentHeader("openler-soak");

    static ChainBuilder signIn(String who) {
        return exec(http("sign-in page").get("/login").header("Accept", "text/html").check(regex(CSRF).saveAs("csrf")))
                .exec(http("sign in")
                        .post("/login")
                        .header("Accept", "text/html")
                        .formParam("email", who)
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200)));
    }

    static ScenarioBuilder learners(Iterator<Map<String, Object>> feed) {
        return scenario("learners")
            .feed(feed)
            .exec(session -> session.set("who", LEARNERS.get(ThreadLocalRandom.current().nextInt(LEARNERS.size()))))
            .exec(signIn("#{who}"))
            .exitHereIfFailed()
            .repeat(5)
            .on(exec(http("wallet page").get("/wallet").header("Accept", "text/html"))
                    .exec(http("wallet api").get("/api/v1/wallet/credentials"))
                    .exec(http("job matches").get("/me/jobs"))
                    .pause(Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    static ScenarioBuilder employers(Iterator<Map<String, Object>> feed) {
        return scenario("employers")
            .feed(feed)
            .exec(signIn("recruiter@demo.openler.org"))
            .exitHereIfFailed()
            .exec(http("home for csrf").get("/").header("Accept", "text/html").check(regex(CSRF).saveAs("csrf")))
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
                            .post("/orgs/demo-employer/talent/search")
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", "#{csrf}")
                            .body(StringBody("{\"skills\": [{\"uri\": \"" + WELDING + "\"}]}")))
                    .pause(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    static ScenarioBuilder providers(Iterator<Map<String, Object>> feed) {
        return scenario("providers")
            .feed(feed)
            .exec(session -> session.set("csv", csv(session.getString("achievement"))))
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
                    .pause(Duration.ofSeconds(2)));
    }

    static ScenarioBuilder anonymous(Iterator<Map<String, Object>> feed) {
        return scenario("anonymous")
            .feed(feed)
            .exec(http("verify credential (anonymous)")
                    .post("/credentials/verify")
                    .header("Content-Type", "application/json")
                    .body(StringBody("#{credential}"))
                    .check(jsonPath("$.verified").is("true")))
            .exec(http("registry search")
                    .get(session -> "/api/v1/registry/search?q="
                            + List.of("nurse", "welding", "data", "care", "electric")
                                    .get(ThreadLocalRandom.current().nextInt(5))))
            .exec(http("log checkpoint").get("/log/checkpoint").header("Accept", "text/plain"));
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
        // The feed comes first in each scenario: ScenarioBuilder.feed(...) appends a step at the END of the chain, so
        // the first soak's learners, employers, providers and anonymous users never had these attributes.
        Iterator<Map<String, Object>> feed = java.util.stream.Stream.generate(() -> Map.<String, Object>of(
                        "credential", prepared.credential(),
                        "share", prepared.sharePath(),
                        "token", prepared.token(),
                        "achievement", prepared.achievementId(),
                        "csvKey", UUID.randomUUID().toString()))
                .iterator();
        setUp(
                        learners(feed).injectOpen(constantUsersPerSec(1.0 * SCALE).during(DURATION)),
                        employers(feed).injectOpen(constantUsersPerSec(0.5 * SCALE).during(DURATION)),
                        providers(feed).injectOpen(constantUsersPerSec(0.2 * SCALE).during(DURATION)),
                        anonymous(feed).injectOpen(constantUsersPerSec(3.0 * SCALE).during(DURATION)))
                .protocols(protocol)
                .maxDuration(DURATION.plusMinutes(1))
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}

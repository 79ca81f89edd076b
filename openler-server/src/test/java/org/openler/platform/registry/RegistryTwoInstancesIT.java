package org.openler.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Instances;
import org.openler.platform.support.WebClient;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one database, each with its own search index: what is published, changed or withdrawn through
 * one is found (or no longer found) through the other within a few poll intervals, and an instance started later
 * builds the same index from the database.
 */
class RegistryTwoInstancesIT {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = Instances.start("--openler.registry.poll-interval=200ms");
        second = Instances.start("--openler.registry.poll-interval=200ms");
    }

    @AfterAll
    static void stop() {
        Instances.stop(first, second);
    }

    @Test
    void bothInstancesIndexesAgreeAfterPublishUpdateAndWithdrawalOnEither() {
        Fixtures fixtures = first.getBean(Fixtures.class);
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        String token =
                WebClient.clientToken(Instances.base(first), client.client().clientId(), client.secret());
        RegistryApiClient onFirst = new RegistryApiClient(Instances.base(first), provider.slug(), token);
        RegistryApiClient onSecond = new RegistryApiClient(Instances.base(second), provider.slug(), token);
        String marker =
                "nebula" + Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "n");

        String welding = onFirst.createDraft(RegistryApiClient.welding("Welding " + marker));
        onFirst.publish(welding);
        assertThat(ctids(onFirst.search("q=" + marker)))
                .as("the instance that published finds it at once")
                .containsExactly(welding);
        eventually(onSecond, "q=" + marker, results -> ctids(results).equals(List.of(welding)));

        onSecond.update(welding, RegistryApiClient.welding("Underwater Welding " + marker));
        onSecond.publish(welding);
        eventually(onFirst, "q=underwater+" + marker, results -> ctids(results).equals(List.of(welding)));

        onSecond.withdraw(welding);
        eventually(onFirst, "q=" + marker, results -> results.path("total").asLong() == 0);

        String second = onSecond.createDraft(RegistryApiClient.welding("Pipe Welding " + marker));
        onSecond.publish(second);
        eventually(onFirst, "q=" + marker, results -> ctids(results).equals(List.of(second)));

        JsonNode statusFirst = onFirst.ok(onFirst.send("GET", "/api/v1/registry/index", null), 200);
        ConfigurableApplicationContext third = Instances.start("--openler.registry.poll-interval=200ms");
        try {
            RegistryApiClient onThird = new RegistryApiClient(Instances.base(third), provider.slug(), token);
            assertThat(ctids(onThird.search("q=" + marker)))
                    .as("an instance started later builds its index from the database")
                    .containsExactly(second);
            eventually(
                    onThird,
                    "",
                    results -> results.path("total").asLong()
                            == onFirst.search("").path("total").asLong());
            JsonNode statusThird = onThird.ok(onThird.send("GET", "/api/v1/registry/index", null), 200);
            assertThat(statusThird.path("sequence").asLong())
                    .isGreaterThanOrEqualTo(statusFirst.path("sequence").asLong());
        } finally {
            Instances.stop(third);
        }
    }

    private static void eventually(RegistryApiClient api, String query, Predicate<JsonNode> agreed) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode last = api.search(query);
        while (!agreed.test(last)) {
            assertThat(Instant.now())
                    .as("the other instance's index caught up; last answer: " + last)
                    .isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = api.search(query);
        }
    }

    private static List<String> ctids(JsonNode results) {
        List<String> ctids = new ArrayList<>();
        results.path("hits").forEach(hit -> ctids.add(hit.path("ctid").asString()));
        return ctids;
    }
}

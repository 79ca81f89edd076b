package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Instances;
import org.openler.platform.support.WebClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances on one PostgreSQL, as behind a load balancer: a session made on one is good on the other, a
 * token from one is accepted by the other, and a revocation on one takes effect on both.
 */
class TwoInstancesIT {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        Instances.stop(first, second);
    }

    static ConfigurableApplicationContext start() {
        return Instances.start();
    }

    static String base(ConfigurableApplicationContext context) {
        return Instances.base(context);
    }

    @Test
    void aSessionStartedOnOneInstanceIsRecognisedByTheOther() {
        Account learner = first.getBean(Fixtures.class).learner();
        WebClient onFirst = new WebClient(base(first));
        onFirst.signIn(learner.email().value(), Fixtures.PASSWORD);
        String cookie = sessionCookie(onFirst, base(first));

        HttpResponse<String> me = onFirst.send(HttpRequest.newBuilder(URI.create(base(second) + "/api/v1/me"))
                .header("Cookie", cookie)
                .header("Accept", "application/json")
                .build());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(learner.id().toString());
    }

    @Test
    void aTokenFromOneInstanceWorksOnTheOtherUntilRevokedOnEither() {
        Fixtures fixtures = first.getBean(Fixtures.class);
        Fixtures.Org organization = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(organization);
        String token = WebClient.clientToken(base(first), client.client().clientId(), client.secret());

        assertThat(get(base(second) + "/api/v1/orgs/" + organization.slug(), token)
                        .statusCode())
                .isEqualTo(200);

        second.getBean(MachineClientService.class)
                .rotateSecret(
                        organization.organization().id(),
                        client.client().clientId(),
                        Fixtures.person(organization.admin()));

        assertThat(get(base(first) + "/api/v1/orgs/" + organization.slug(), token)
                        .statusCode())
                .isEqualTo(401);
    }

    private static HttpResponse<String> get(String url, String token) {
        return new WebClient(url)
                .send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build());
    }

    private static String sessionCookie(WebClient client, String base) {
        HttpResponse<String> page = client.page("/home");
        assertThat(page.statusCode()).isIn(200, 302);
        return client.cookieHeader(base);
    }
}

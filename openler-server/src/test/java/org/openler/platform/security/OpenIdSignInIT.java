package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openler.platform.OpenLerApplication;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.secondfactor.SecondFactors;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.TestDatabase;
import org.openler.platform.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * One sign-on through OpenID Connect, end to end over real HTTP: OpenLER instance A is the OpenID provider (its
 * embedded authorization server and local accounts); instance B, with its own database schema, is configured with
 * A as an external provider through the standard Spring properties. A person signs in to B with their A account:
 * authorization code flow with PKCE, A's sign-in form, the code exchanged for tokens, the account linked on B.
 */
class OpenIdSignInIT {

    static ConfigurableApplicationContext provider;
    static ConfigurableApplicationContext relyingParty;
    static String providerBase;
    static String relyingBase;

    @BeforeAll
    static void startProviderAndRelyingParty() throws IOException {
        provider = new SpringApplicationBuilder(OpenLerApplication.class, TestDatabase.class)
                .profiles("test")
                .run("--server.port=0");
        providerBase = "http://localhost:" + provider.getBean(Environment.class).getProperty("local.server.port");

        int relyingPort = freePort();
        // Another host name than the provider's: cookies are per host, not per port, as in a real browser.
        relyingBase = "http://127.0.0.1:" + relyingPort;
        provider.getBean(RegisteredClientRepository.class)
                .save(RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId("relying-party-" + relyingPort)
                        .clientSecret(provider.getBean(PasswordEncoder.class).encode("relying-secret"))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(relyingBase + "/login/oauth2/code/openler-a")
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.EMAIL)
                        .scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder()
                                .requireAuthorizationConsent(false)
                                .requireProofKey(true)
                                .build())
                        .build());

        String registration = "--spring.security.oauth2.client.registration.openler-a.";
        relyingParty = new SpringApplicationBuilder(OpenLerApplication.class, SeparateSchema.class)
                .profiles("test")
                .run(
                        "--server.port=" + relyingPort,
                        "--spring.flyway.schemas=relying_party",
                        "--spring.flyway.default-schema=relying_party",
                        "--spring.datasource.hikari.schema=relying_party",
                        registration + "client-id=relying-party-" + relyingPort,
                        registration + "client-secret=relying-secret",
                        registration + "scope=openid,email,profile",
                        registration + "authorization-grant-type=authorization_code",
                        registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                        "--spring.security.oauth2.client.provider.openler-a.issuer-uri=" + providerBase);
    }

    @AfterAll
    static void stop() {
        if (relyingParty != null) {
            relyingParty.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aPersonSignsInToAnotherSiteWithTheirOpenLerAccountAndStaysTheSamePersonThere() {
        Account person = provider.getBean(Fixtures.class).learner();

        String firstId = signInThroughProvider(person);
        String secondId = signInThroughProvider(person);

        assertThat(firstId).isEqualTo(secondId);
    }

    /**
     * Issue 19: the provider's sign-in is only the first step. An account on B with a second factor is not signed in
     * by it: B holds the sign-in at its second step (no authentication yet), and a recovery code completes it.
     */
    @Test
    void anExternalSignInStillAsksForTheSecondFactorOfAnAccountThatHasOne() {
        Account person = provider.getBean(Fixtures.class).learner();
        String accountOnB = signInThroughProvider(person);
        JdbcClient jdbcB = relyingParty.getBean(JdbcClient.class);
        String entity = "entity-" + accountOnB;
        jdbcB.sql("insert into user_entities (id, name, display_name, account_id) values (?, ?, ?, ?)")
                .params(entity, person.email().value(), "Person", UUID.fromString(accountOnB))
                .update();
        jdbcB.sql("insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,"
                        + " backup_eligible, backup_state, label) values (?, ?, ?, 0, false, false, 'Phone')")
                .params("credential-" + accountOnB, entity, new byte[] {1, 2, 3})
                .update();
        String recovery = relyingParty
                .getBean(SecondFactors.class)
                .newRecoveryCodes(
                        new AccountId(UUID.fromString(accountOnB)),
                        new Actor.Person(new AccountId(UUID.fromString(accountOnB)), AccountKind.LEARNER, false))
                .getFirst();

        WebClient browser = new WebClient(relyingBase);
        HttpResponse<String> done = throughProvider(browser, person);
        assertThat(location(done)).isEqualTo(relyingBase + "/login/second-factor");
        assertThat(browser.get("/api/v1/me", "application/json").statusCode())
                .as("half-way: not signed in")
                .isEqualTo(401);

        HttpResponse<String> passed = browser.submit(
                "/login/second-factor", "/login/second-factor/recovery", java.util.Map.of("code", recovery));
        assertThat(location(passed)).isEqualTo(relyingBase + "/home");
        HttpResponse<String> me = browser.get("/api/v1/me", "application/json");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(accountOnB);
    }

    /** Follows the browser's redirects by hand, so each hop of the flow is visible; returns B's account id. */
    private String signInThroughProvider(Account person) {
        WebClient browser = new WebClient(relyingBase);
        HttpResponse<String> done = throughProvider(browser, person);
        assertThat(location(done)).isEqualTo(relyingBase + "/home");

        HttpResponse<String> me = browser.get("/api/v1/me", "application/json");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(person.email().value());
        assertThat(JsonFields.strings(me.body(), "kind")).contains("learner");
        return me.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    /** The authorization code flow up to B's answer to the provider's callback. */
    private HttpResponse<String> throughProvider(WebClient browser, Account person) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/openler-a", "text/html");
        String authorize = location(start);
        assertThat(authorize).startsWith(providerBase + "/oauth2/authorize").contains("code_challenge=");

        HttpResponse<String> needsSignIn = browser.send(get(authorize));
        assertThat(location(needsSignIn)).isEqualTo(providerBase + "/login");

        WebClient onProvider = browser.at(providerBase);
        HttpResponse<String> signedIn = onProvider.submit(
                "/login", "/login", java.util.Map.of("email", person.email().value(), "password", Fixtures.PASSWORD));
        String backToAuthorize = location(signedIn);
        assertThat(backToAuthorize).startsWith(providerBase + "/oauth2/authorize");

        String callback = location(browser.send(get(backToAuthorize)));
        assertThat(callback).startsWith(relyingBase + "/login/oauth2/code/openler-a?code=");

        return browser.send(get(callback));
    }

    private static java.net.http.HttpRequest get(String url) {
        return java.net.http.HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("redirect from " + response.uri()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? response.uri().resolve(location).toString() : location;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The relying party keeps its own accounts: a fresh schema each run. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SeparateSchema {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}

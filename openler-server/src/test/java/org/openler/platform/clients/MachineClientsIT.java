package org.openler.platform.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.Actors;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class MachineClientsIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MachineClientService clients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClientTokenNamesItsOrganizationAndWorksOnlyForIt() throws Exception {
        Fixtures.Org a = fixtures.organization(Organization.Kind.PROVIDER);
        Fixtures.Org b = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(a);
        String base = "http://localhost:" + port;

        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(Actors.ORGANIZATION_CLAIM))
                .isEqualTo(a.organization().id().toString());
        assertThat(call(base + "/api/v1/orgs/" + a.slug(), token).statusCode()).isEqualTo(200);
        assertThat(call(base + "/api/v1/orgs/" + b.slug(), token).statusCode()).isEqualTo(403);
    }

    @Test
    void theSecretIsStoredOnlyAsAHash() {
        Fixtures.Org a = fixtures.organization(Organization.Kind.EMPLOYER);
        var client = fixtures.client(a);

        String stored = jdbc.sql("select client_secret from oauth2_registered_client where client_id = ?")
                .param(client.client().clientId())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{argon2}").doesNotContain(client.secret());
    }

    @Test
    void rotatingTheSecretRetiresTheOldSecretAndItsTokens() {
        Fixtures.Org a = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(a);
        String base = "http://localhost:" + port;
        String oldToken = WebClient.clientToken(base, client.client().clientId(), client.secret());

        String newSecret =
                clients.rotateSecret(a.organization().id(), client.client().clientId(), Fixtures.person(a.admin()));

        assertThat(WebClient.clientToken(base, client.client().clientId(), newSecret))
                .isNotBlank();
        HttpResponse<String> withOldSecret = WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(java.util.Map.of(
                                "grant_type", "client_credentials",
                                "client_id", client.client().clientId(),
                                "client_secret", client.secret()))))
                        .build());
        assertThat(withOldSecret.statusCode()).isEqualTo(401);
        assertThat(call(base + "/api/v1/orgs/" + a.slug(), oldToken).statusCode())
                .as("a token issued before the rotation no longer works")
                .isEqualTo(401);
    }

    @Test
    void aTokenRevokedAtTheRevocationEndpointStopsWorkingAtOnce() {
        Fixtures.Org a = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(a);
        String base = "http://localhost:" + port;
        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        assertThat(call(base + "/api/v1/orgs/" + a.slug(), token).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create(base + "/oauth2/revoke"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(java.util.Map.of(
                                "token", token,
                                "client_id", client.client().clientId(),
                                "client_secret", client.secret()))))
                        .build());

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(call(base + "/api/v1/orgs/" + a.slug(), token).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(String url, String token) {
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build());
    }
}

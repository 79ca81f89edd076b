package org.openler.platform.obapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Badges 3.0 host's front door: the public Service Description Document, and dynamic client registration
 * refusing what it must.
 */
@PlatformTest
class ObDiscoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void theServiceDescriptionNamesThisServersEndpointsAndTheFourScopes() {
        WebClient web = WebClient.on(port);
        HttpResponse<String> response = web.get("/ims/ob/v3p0/discovery", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("openapi").asString()).startsWith("3.0");
        assertThat(document.at("/info/x-imssf-privacyPolicyUrl").asString()).isEqualTo(web.base() + "/privacy");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo(web.base() + "/ims/ob/v3p0");
        JsonNode scheme = document.at("/components/securitySchemes/OAuth2ACG");
        assertThat(scheme.get("type").asString()).isEqualTo("oauth2");
        assertThat(scheme.get("x-imssf-registrationUrl").asString()).isEqualTo(web.base() + "/ims/ob/v3p0/register");
        JsonNode flow = scheme.at("/flows/authorizationCode");
        assertThat(flow.get("authorizationUrl").asString()).isEqualTo(web.base() + "/oauth2/authorize");
        assertThat(flow.get("tokenUrl").asString()).isEqualTo(web.base() + "/oauth2/token");
        assertThat(flow.get("scopes").propertyNames())
                .containsExactly(
                        ObClients.READ,
                        "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert",
                        "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly",
                        "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update");
    }

    @Test
    void aRegistrationWithARedirectUriElsewhereThanHttpsOrLocalhostIsRefused() {
        HttpResponse<String> response = ObClients.register(
                port, Map.of("client_name", "Sneaky", "redirect_uris", java.util.List.of("http://evil.example/cb")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}

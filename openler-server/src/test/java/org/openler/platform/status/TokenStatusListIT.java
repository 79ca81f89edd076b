package org.openler.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.issuing.IssuerClient;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.DidJwtKeys;
import org.openler.standards.sdjwt.SdJwt;
import org.openler.standards.sdjwt.StatusListTokens;
import org.openler.standards.status.TokenStatusList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An SD-JWT VC's revocation and suspension are visible to any verifier, not only to this platform: the credential
 * names its index and a Token Status List URL, and what is served there — checked here as a verifier elsewhere would,
 * with nothing but the organization's published did:web document — says valid, suspended, valid again, revoked.
 */
@PlatformTest
class TokenStatusListIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void anotherVerifierSeesAnSdJwtVcSuspendedReinstatedAndRevoked() {
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);
        HttpResponse<String> issued = issuer.post(
                "/orgs/" + issuer.slug() + "/credentials/issue",
                "{\"achievementId\": \"" + issuer.achievementId + "\", \"recipient\": {\"email\":"
                        + " \"status@example.org\"}, \"format\": \"sd-jwt\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String sdJwt = StrictJson.parseObject(issued.body()).getString("verifiableCredential");
        JsonObject payload = StrictJson.parseObject(
                new Base64URL(SdJwt.parse(sdJwt).issuerJwt().split("\\.")[1]).decode());
        StatusListTokens.Reference reference =
                StatusListTokens.Reference.of(payload).orElseThrow();
        assertThat(reference.uri())
                .isEqualTo("http://localhost:" + port + "/orgs/" + issuer.slug() + "/status/revocation/1/token");

        assertThat(statusAsSeenElsewhere(issuer, reference, payload)).isEqualTo(TokenStatusList.VALID);
        assertThat(change(issuer, payload, "suspended")).isEqualTo(200);
        assertThat(statusAsSeenElsewhere(issuer, reference, payload)).isEqualTo(TokenStatusList.SUSPENDED);
        assertThat(change(issuer, payload, "active")).isEqualTo(200);
        assertThat(statusAsSeenElsewhere(issuer, reference, payload)).isEqualTo(TokenStatusList.VALID);
        assertThat(change(issuer, payload, "revoked")).isEqualTo(200);
        assertThat(statusAsSeenElsewhere(issuer, reference, payload)).isEqualTo(TokenStatusList.INVALID);
    }

    @Test
    void theListIsServedAsAStatusListTokenThatVerifiersMayCacheBriefly() {
        IssuerClient issuer = IssuerClient.aProvider(fixtures, port);
        issuer.issue("cache@example.org");

        HttpResponse<String> token =
                WebClient.on(port).get("/orgs/" + issuer.slug() + "/status/revocation/1/token", "*/*");
        HttpResponse<String> suspension =
                WebClient.on(port).get("/orgs/" + issuer.slug() + "/status/suspension/1/token", "*/*");

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/statuslist+jwt"));
        assertThat(token.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=300", "public"));
        assertThat(suspension.statusCode())
                .as("one 2-bit list tells both revoked and suspended")
                .isEqualTo(404);
    }

    /** Fetches the list over HTTP and checks it with only the issuer's published DID document, as anyone can. */
    private int statusAsSeenElsewhere(IssuerClient issuer, StatusListTokens.Reference reference, JsonObject payload) {
        WebClient anyone = WebClient.on(port);
        String token = anyone.get(URI.create(reference.uri()).getPath(), "*/*").body();
        Did did = Did.of(payload.getString("iss"));
        DidDocument document = DidDocument.parse(
                StrictJson.parseObject(anyone.get("/orgs/" + issuer.slug() + "/did.json", "application/json")
                        .body()),
                did);
        return StatusListTokens.status(
                token,
                reference,
                did.value(),
                DidJwtKeys.of(DidResolvers.keyAndDocuments(Map.of(did, document))),
                Clock.systemUTC());
    }

    private int change(IssuerClient issuer, JsonObject payload, String status) {
        return issuer.post(
                        "/orgs/" + issuer.slug() + "/credentials/status",
                        "{\"credentialId\": \"" + payload.getString("jti") + "\", \"credentialStatus\": [{\"type\":"
                                + " \"BitstringStatusListCredential\", \"status\": \"" + status + "\"}]}")
                .statusCode();
    }
}

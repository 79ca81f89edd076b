package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.platform.support.PlatformTest;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A VC-JWT exactly as the platform issues it — with the did:web document and the status list the platform serves —
 * checked by {@code interop/jwtcheck.mjs}, code independent of OpenLER's (node:crypto for ES256, digitalbazaar for the
 * data model and the status list): verified, then refused once revoked. Needs Node.js 20+, like the library's
 * CrossCheckIT; it fails, never skips, without it.
 */
@PlatformTest
class JwtCrossCheckIT {

    static final String SCAFFOLDING = """
            {"name": "Safe Scaffolding", "description": "Erects and inspects scaffolding.",
             "criteria": "Passed the practical assessment.", "achievementType": "Certificate"}""";

    @Autowired
    InteropCheck interop;

    @TempDir
    Path dir;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWithAnAchievementAndTheIndependentVerifiers() throws Exception {
        NodeCrossCheck.installIfMissing();
        issuer = interop.aProvider(SCAFFOLDING);
    }

    @Test
    void aPlatformIssuedVcJwtVerifiesIndependentlyUntilItIsRevoked() throws Exception {
        HttpResponse<String> issued =
                issuer.post("/orgs/" + issuer.slug() + "/credentials/issue", """
                {"achievementId": "%s", "recipient": {"email": "cross.jwt@example.org"}, "format": "jwt"}""".formatted(issuer.achievementId));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String jwt = StrictJson.parseObject(issued.body()).getString("verifiableCredential");
        JsonObject vc = StrictJson.parseObject(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]))
                .getJsonObject("vc");

        JsonObject verdict = interop.jwtCheck(dir, "issued", issuer, jwt);
        assertThat(verdict.getBoolean("verified")).as(verdict.toString()).isTrue();
        assertThat(verdict.getJsonObject("checks").values())
                .hasSize(4)
                .allMatch(v -> v.toString().equals("\"passed\""));

        HttpResponse<String> revoked =
                issuer.post("/orgs/" + issuer.slug() + "/credentials/status", """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "revoked"}]}""".formatted(vc.getString("id")));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        JsonObject afterRevocation = interop.jwtCheck(dir, "revoked", issuer, jwt);
        assertThat(afterRevocation.getBoolean("verified")).isFalse();
        assertThat(afterRevocation.getJsonObject("checks").getString("jose")).isEqualTo("passed");
        assertThat(afterRevocation.getJsonObject("checks").getString("status")).isEqualTo("failed");
    }
}

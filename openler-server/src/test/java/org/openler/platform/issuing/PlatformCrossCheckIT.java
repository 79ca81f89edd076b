package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the running platform issues, judged by two independent implementations — digitalbazaar {@code @digitalbazaar/vc}
 * and DCC {@code @digitalcredentials/verifier-core} — through {@code interop/crosscheck.mjs}, offline: the DID document
 * and the status lists are the ones this server serves, handed over in a file. did:web and did:key issuers, each
 * credential with a revocation and a suspension entry; tampered, revoked and suspended copies must fail in both.
 * Needs Node 20+ and {@code npm ci} in interop/ (CI does it); it fails, never skips, without them.
 */
@PlatformTest
class PlatformCrossCheckIT {

    @Autowired
    InteropCheck interop;

    @TempDir
    Path dir;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWithAnAchievement() {
        NodeCrossCheck.assertInstalled();
        issuer = interop.aProvider();
    }

    @Test
    void aDidWebCredentialVerifiesInBothUntilSuspendedAndAfterRevocation() throws Exception {
        String credential = issuer.issue("crosscheck-web@example.org");

        assertVerdict(credential, "web", true);
        assertVerdict(credential.replace("Welding Fundamentals", "Welding Mastery"), "web-tampered", false);

        issuer.changeStatus(credential, "suspended");
        assertVerdict(credential, "web-suspended", false);
        issuer.changeStatus(credential, "active");
        assertVerdict(credential, "web-reinstated", true);
        issuer.changeStatus(credential, "revoked");
        assertVerdict(credential, "web-revoked", false);
    }

    @Test
    void aDidKeyCredentialVerifiesInBothUntilRevoked() throws Exception {
        String credential = issuer.issue("crosscheck-key@example.org", "\"didMethod\": \"key\"");
        assertThat(JsonFields.objectsWith(credential, "issuer"))
                .anyMatch(c -> c.path("issuer").path("id").asString().startsWith("did:key:z6Mk"));

        assertVerdict(credential, "key", true);
        issuer.changeStatus(credential, "revoked");
        assertVerdict(credential, "key-revoked", false);
    }

    @Test
    void aCredentialIssuedThroughTheVcApiShapeVerifiesInBothUntilRevoked() throws Exception {
        String did = "did:web:localhost%3A" + interop.port() + ":orgs:" + issuer.slug();
        var issued = issuer.post(
                "/orgs/" + issuer.slug() + "/credentials/issue", """
                {"credential": {
                  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                  "id": "urn:uuid:%s",
                  "type": ["VerifiableCredential", "AlumniCredential"],
                  "issuer": "%s",
                  "validFrom": "2026-01-01T00:00:00Z",
                  "credentialSubject": {"id": "did:example:alumna", "alumniOf": "The School of Examples"}},
                 "options": {}}""".formatted(java.util.UUID.randomUUID(), did));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String credential = IssuerClient.unwrap(issued.body());

        assertVerdict(credential, "vc-api", true);
        assertVerdict(credential.replace("The School of Examples", "Another School"), "vc-api-tampered", false);
        issuer.changeStatus(credential, "revoked");
        assertVerdict(credential, "vc-api-revoked", false);
    }

    /** The verdicts of both verifiers, with this server's DID document and current status lists handed over. */
    private void assertVerdict(String credential, String name, boolean expected) throws Exception {
        NodeCrossCheck.Result result = interop.crossCheck(dir, name, issuer, credential);
        assertThat(result.verdicts()).as(name + ": " + result.output()).containsOnly(expected);
    }
}

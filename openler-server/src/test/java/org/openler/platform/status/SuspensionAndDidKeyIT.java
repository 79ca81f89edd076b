package org.openler.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.issuing.IssuerClient;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Suspension and reinstatement beside revocation, and credentials issued by the did:key of the provider's key. */
@PlatformTest
class SuspensionAndDidKeyIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWithAnAchievement() {
        issuer = IssuerClient.aProvider(fixtures, port);
    }

    @Test
    void everyCredentialCarriesARevocationAndASuspensionEntry() {
        String credential = issuer.issue("both@example.org");

        assertThat(JsonFields.strings(credential, "statusPurpose")).contains("revocation", "suspension");
        assertThat(credential).contains("/status/revocation/", "/status/suspension/");
        assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuspendedCredentialFailsVerificationUntilItIsReinstated() {
        String credential = issuer.issue("suspend@example.org");

        assertThat(issuer.changeStatus(credential, "suspended").statusCode()).isEqualTo(200);
        HttpResponse<String> suspended = issuer.verify(credential);
        assertThat(suspended.statusCode()).isEqualTo(422);
        assertThat(suspended.body()).contains("suspended").contains("problems/credential-suspended");

        assertThat(issuer.changeStatus(credential, "active").statusCode()).isEqualTo(200);
        assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);
    }

    @Test
    void revocationIsFinalEvenForASuspendedCredential() {
        String credential = issuer.issue("final@example.org");
        issuer.changeStatus(credential, "suspended");

        assertThat(issuer.changeStatus(credential, "revoked").statusCode()).isEqualTo(200);
        HttpResponse<String> reinstate = issuer.changeStatus(credential, "active");

        assertThat(reinstate.statusCode()).isEqualTo(409);
        assertThat(reinstate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> verified = issuer.verify(credential);
        assertThat(verified.statusCode()).isEqualTo(422);
        assertThat(verified.body()).contains("problems/credential-revoked");
    }

    @Test
    void anUnknownStatusIsAClearClientError() {
        String credential = issuer.issue("unknown@example.org");

        HttpResponse<String> refused = issuer.changeStatus(credential, "paused");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("status");
    }

    @Test
    void aCredentialIssuedByDidKeyVerifiesAndItsStatusListsAreSignedByThatDidKey() {
        String credential = issuer.issue("didkey@example.org", "\"didMethod\": \"key\"");

        String issuerDid = IssuerClient.field(credential.substring(credential.indexOf("\"issuer\"")), "id");
        assertThat(issuerDid).startsWith("did:key:z6Mk");
        assertThat(JsonFields.strings(credential, "verificationMethod")).anyMatch(m -> m.startsWith(issuerDid + "#"));
        assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);

        String list = IssuerClient.field(
                credential.substring(credential.indexOf("statusListCredential")), "statusListCredential");
        HttpResponse<String> statusList =
                WebClient.on(port).get(java.net.URI.create(list).getPath(), "application/json");
        assertThat(JsonFields.strings(statusList.body(), "issuer")).contains(issuerDid);

        issuer.changeStatus(credential, "revoked");
        assertThat(issuer.verify(credential).body()).contains("problems/credential-revoked");
    }

    @Test
    void didKeyAndDidWebCredentialsNeverShareAStatusList() {
        String web = issuer.issue("web@example.org");
        String key = issuer.issue("key@example.org", "\"didMethod\": \"key\"");

        assertThat(lists(web)).doesNotContainAnyElementsOf(lists(key));
    }

    @Test
    void anOldDidKeyCredentialCanStillBeRevokedAfterTheKeyIsRotated() {
        String credential = issuer.issue("rotated@example.org", "\"didMethod\": \"key\"");
        fixtures.rotateIssuerKey(issuer.provider);
        String after = issuer.issue("rotated2@example.org", "\"didMethod\": \"key\"");

        assertThat(IssuerClient.field(after.substring(after.indexOf("\"issuer\"")), "id"))
                .isNotEqualTo(IssuerClient.field(credential.substring(credential.indexOf("\"issuer\"")), "id"));
        assertThat(issuer.verify(credential).statusCode()).isEqualTo(200);
        issuer.changeStatus(credential, "revoked");
        assertThat(issuer.verify(credential).body()).contains("problems/credential-revoked");
        assertThat(issuer.verify(after).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownDidMethodIsRefused() {
        HttpResponse<String> refused =
                issuer.post("/orgs/" + issuer.slug() + "/credentials/issue", """
                {"achievementId": "%s", "recipient": {"email": "x@example.org"}, "didMethod": "ion"}""".formatted(issuer.achievementId));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("didMethod");
    }

    private static List<String> lists(String credential) {
        return java.util.regex.Pattern.compile("\"statusListCredential\":\"([^\"]+)\"")
                .matcher(credential)
                .results()
                .map(m -> m.group(1))
                .toList();
    }
}

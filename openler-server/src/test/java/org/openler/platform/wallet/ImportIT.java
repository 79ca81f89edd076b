package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing credentials issued elsewhere: each format verified as it enters, anything that fails refused. */
@PlatformTest
class ImportIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    JdbcClient jdbc;

    Account learner;
    WebClient web;

    @BeforeEach
    void aSignedInLearner() {
        learner = kit.fixtures.learner();
        web = WalletKit.signedIn(port, learner);
    }

    @Test
    void aDataIntegrityCredentialFromElsewhereEntersVerifiedWithItsExactBytes() {
        String credential = WalletKit.elsewhere("Marine Biology 101");

        HttpResponse<String> imported = WalletKit.importText(web, credential);

        assertThat(imported.statusCode()).isEqualTo(302);
        HttpResponse<String> wallet = web.page("/wallet");
        assertThat(wallet.body())
                .contains("Marine Biology 101")
                .contains("Elsewhere College")
                .contains("Verified");
        assertThat(stored()).containsExactly(credential);
    }

    @Test
    void aPresentationBringsInEachCredentialItCarries() {
        String first = WalletKit.elsewhere("Pottery");
        String second = WalletKit.elsewhere("Glazing");
        JsonObject presentation = Credentials.presentation(
                Optional.empty(), List.of(StrictJson.parseObject(first), StrictJson.parseObject(second)));

        HttpResponse<String> imported = WalletKit.importText(web, StrictJson.write(presentation));

        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(web.page("/wallet").body()).contains("Pottery").contains("Glazing");
        assertThat(stored()).hasSize(2);
    }

    @Test
    void anOpenBadgesVcJwtEntersVerified() throws Exception {
        String jwt = WalletKit.jwt("Welding VC-JWT");

        HttpResponse<String> imported = WalletKit.importText(web, jwt + "\n");

        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(web.page("/wallet").body()).contains("Welding VC-JWT").contains("Verified");
        assertThat(stored()).containsExactly(jwt);
    }

    @Test
    void aTamperedCredentialIsRefusedWithThePlainReason() {
        String credential = WalletKit.elsewhere("Honest Name");
        String tampered = credential.replace("Honest Name", "Better Name");

        HttpResponse<String> refused = WalletKit.importText(web, tampered);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("did not verify, so it was not imported");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aTamperedVcJwtIsRefused() throws Exception {
        String jwt = WalletKit.jwt("Signed JWT");
        String[] parts = jwt.split("\\.");
        String payload =
                new String(new com.nimbusds.jose.util.Base64URL(parts[1]).decode()).replace("Signed JWT", "Forged JWT");
        String forged = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(payload) + "." + parts[2];

        HttpResponse<String> refused = WalletKit.importText(web, forged);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Invalid JWT signature");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aPresentationWithOneBadCredentialImportsNothing() {
        String good = WalletKit.elsewhere("Good One");
        String bad = WalletKit.elsewhere("Bad One").replace("Bad One", "Worse One");
        JsonObject presentation = Credentials.presentation(
                Optional.empty(), List.of(StrictJson.parseObject(good), StrictJson.parseObject(bad)));

        HttpResponse<String> refused = WalletKit.importText(web, StrictJson.write(presentation));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Credential 2 of the presentation did not verify");
        assertThat(stored()).isEmpty();
    }

    @Test
    void anOpenBadges2AssertionThatIsNotValidIsRefusedWithTheReason() {
        String assertion = Json.createObjectBuilder()
                .add("@context", "https://w3id.org/openbadges/v2")
                .add("type", "Assertion")
                .add("id", "https://example.org/assertions/1")
                .add("badge", "https://example.org/badges/1")
                .add("verify", Json.createObjectBuilder().add("type", "hosted"))
                .build()
                .toString();

        HttpResponse<String> refused = WalletKit.importText(web, assertion);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("The Open Badges 2.0 assertion did not verify")
                .contains("names no recipient");
        assertThat(stored()).isEmpty();
    }

    @Test
    void inputThatIsNoCredentialAtAllIsAClearClientError() {
        for (String junk : List.of("{not json", "aaa.bbb.ccc", "[1,2,3]", "{\"hello\": \"world\"}", " ")) {
            HttpResponse<String> refused = WalletKit.importText(web, junk);
            assertThat(refused.statusCode()).as(junk).isBetween(400, 499);
            assertThat(refused.body()).as(junk).contains("import-errors");
        }
        assertThat(stored()).isEmpty();
    }

    @Test
    void importingTheSameFileTwiceKeepsOneCopy() {
        String credential = WalletKit.elsewhere("Only Once");

        WalletKit.importText(web, credential);
        WalletKit.importText(web, credential);

        assertThat(stored()).hasSize(1);
    }

    @Test
    void aCredentialIssuedHereCanBeImportedFromItsDownloadedFile() {
        WalletKit.Provider provider = kit.provider("Downloaded Badge");
        String document = kit.issue(provider, "someone-else@example.org").document();

        assertThat(WalletKit.importText(web, document).statusCode()).isEqualTo(302);
        assertThat(web.page("/wallet").body()).contains("Downloaded Badge").contains("Verified");
    }

    private List<String> stored() {
        return jdbc.sql("select document from wallet_credential where account_id = ? order by list_position")
                .param(learner.id().value())
                .query(String.class)
                .list();
    }
}

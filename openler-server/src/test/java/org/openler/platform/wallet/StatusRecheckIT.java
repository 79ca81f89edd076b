package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A held credential's status is checked again each time it is shown: the provider's changes reach the wallet. */
@PlatformTest
class StatusRecheckIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Test
    void aCredentialRevokedAtTheProviderShowsAsRevokedInTheWallet() {
        WalletKit.Provider provider = kit.provider("Crane Operation");
        Account learner = kit.fixtures.learner();
        CredentialId issued = kit.issue(provider, learner.email().value()).id();
        WebClient web = WalletKit.signedIn(port, learner);
        UUID held = WalletKit.walletId(
                WalletKit.claim(web, kit.claimToken(learner.email().value())));
        assertThat(state(web, held)).isEqualTo("verified");

        kit.changeStatus(provider, issued, CredentialStatus.REVOKED);

        assertThat(state(web, held)).isEqualTo("revoked");
        HttpResponse<String> detail = web.page("/wallet/credentials/" + held);
        assertThat(detail.body()).contains("<h2 id=\"verdict\">Revoked</h2>", "The issuer has revoked this credential");
        assertThat(web.page("/wallet").body()).contains("status-revoked");
    }

    @Test
    void aSuspensionShowsWhileItLastsAndGoesWhenTheCredentialIsReinstated() {
        WalletKit.Provider provider = kit.provider("Scaffolding");
        Account learner = kit.fixtures.learner();
        CredentialId issued = kit.issue(provider, learner.email().value()).id();
        WebClient web = WalletKit.signedIn(port, learner);
        UUID held = WalletKit.walletId(
                WalletKit.claim(web, kit.claimToken(learner.email().value())));

        kit.changeStatus(provider, issued, CredentialStatus.SUSPENDED);
        assertThat(state(web, held)).isEqualTo("suspended");

        kit.changeStatus(provider, issued, CredentialStatus.ACTIVE);
        assertThat(state(web, held)).isEqualTo("verified");
    }

    /** The state the wallet API reports for one held credential. */
    private static String state(WebClient web, UUID held) {
        HttpResponse<String> list = web.get("/api/v1/wallet/credentials", "application/json");
        assertThat(list.statusCode()).isEqualTo(200);
        String body = list.body();
        int at = body.indexOf("\"id\":\"" + held + "\"");
        assertThat(at).as("the credential is listed").isNotNegative();
        String item = body.substring(at, body.indexOf('}', at));
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"status\":\"([a-z_]+)\"").matcher(item);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}

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
        Claimed claimed = claimed("Crane Operation");
        assertThat(claimed.state()).isEqualTo("verified");

        kit.changeStatus(claimed.provider(), claimed.issued(), CredentialStatus.REVOKED);

        assertThat(claimed.state()).isEqualTo("revoked");
        HttpResponse<String> detail = claimed.web().page("/wallet/credentials/" + claimed.held());
        assertThat(detail.body()).contains("<h2 id=\"verdict\">Revoked</h2>", "The issuer has revoked this credential");
        assertThat(claimed.web().page("/wallet").body()).contains("status-revoked");
    }

    @Test
    void aSuspensionShowsWhileItLastsAndGoesWhenTheCredentialIsReinstated() {
        Claimed claimed = claimed("Scaffolding");

        kit.changeStatus(claimed.provider(), claimed.issued(), CredentialStatus.SUSPENDED);
        assertThat(claimed.state()).isEqualTo("suspended");

        kit.changeStatus(claimed.provider(), claimed.issued(), CredentialStatus.ACTIVE);
        assertThat(claimed.state()).isEqualTo("verified");
    }

    /** A learner's credential from a new provider, claimed into the wallet, with the learner signed in. */
    private record Claimed(WalletKit.Provider provider, CredentialId issued, WebClient web, UUID held) {

        String state() {
            return StatusRecheckIT.state(web, held);
        }
    }

    private Claimed claimed(String achievement) {
        WalletKit.Provider provider = kit.provider(achievement);
        Account learner = kit.fixtures.learner();
        CredentialId issued = kit.issue(provider, learner.email().value()).id();
        WebClient web = WalletKit.signedIn(port, learner);
        UUID held = WalletKit.walletId(
                WalletKit.claim(web, kit.claimToken(learner.email().value())));
        return new Claimed(provider, issued, web, held);
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

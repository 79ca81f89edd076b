package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wallet's credential page shows what the credential says before how it was checked: the achievement's type,
 * description and criteria from the signed JSON (it showed only the issuer, the dates and the checks), then the
 * verified banner, with the checks one click away.
 */
@PlatformTest
class CredentialContentIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    org.openler.platform.sharing.Shares shares;

    @Test
    void theCredentialPageShowsWhatTheCredentialSaysFirstAndTheChecksOneClickAway() {
        WalletKit.Provider provider = kit.provider(Fixtures.unique("Forklift safety"));
        Account learner = kit.fixtures.learner();
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        WebClient web = WalletKit.signedIn(port, learner);
        UUID id = WalletKit.walletId(WalletKit.claim(web, token));

        String page = web.page("/wallet/credentials/" + id).body();

        assertThat(page)
                .contains("id=\"content-type\">Badge<")
                .contains("id=\"content-description\">Does the thing well.<")
                .contains("id=\"content-criteria\">Passed the assessment.<");
        assertThat(page.indexOf("id=\"credential-content\""))
                .as("the content comes before the verdict")
                .isPositive()
                .isLessThan(page.indexOf("id=\"verdict\""));
        assertThat(page.indexOf("<details")).as("the checks are one click away").isPositive();
        assertThat(web.page("/wallet/credentials/" + id + "?lang=es").body()).contains("Cómo se obtuvo");

        String file = web.get("/wallet/credentials/" + id + "/download", "application/json")
                .body();
        WebClient anyone = WebClient.on(port);
        String verified = anyone.submit("/verify", "/verify", java.util.Map.of("json", file))
                .body();
        assertThat(verified)
                .as("/verify shows what the credential says, then the verdict")
                .contains("id=\"content-description\">Does the thing well.<");
        assertThat(verified.indexOf("id=\"credential-content\"")).isLessThan(verified.indexOf("id=\"verdict\""));

        var shared = shares.create(
                learner.id(),
                new org.openler.platform.sharing.Shares.NewShare(
                        java.util.List.of(id), "Dock Co", "Hiring", java.util.Optional.empty()));
        String recipient = WebClient.on(port).page("/share/" + shared.token()).body();
        assertThat(recipient)
                .as("the recipient of a share sees what the credential certifies")
                .contains("id=\"content-description\">Does the thing well.<")
                .contains("id=\"content-criteria\">Passed the assessment.<");
    }
}

package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One learner's wallet is out of every other account's reach, by id, through pages and the API. */
@PlatformTest
class IsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Wallet wallet;

    @Autowired
    WalletCollections collections;

    @Test
    void learnerBCannotReadChangeOrCollectLearnerAsCredentialsByTheirIds() {
        Account a = kit.fixtures.learner();
        Account b = kit.fixtures.learner();
        WebClient webA = WalletKit.signedIn(port, a);
        WalletKit.importText(webA, WalletKit.elsewhere("A's Secret Badge"));
        UUID aCredential = wallet.list(a.id(), true).get(0).id();
        UUID aCollection = collections.create(a.id(), "A's collection");
        WebClient webB = WalletKit.signedIn(port, b);
        UUID bCollection = collections.create(b.id(), "B's collection");

        for (String path : List.of(
                "/wallet/credentials/" + aCredential,
                "/wallet/credentials/" + aCredential + "/download",
                "/api/v1/wallet/credentials/" + aCredential)) {
            var response = webB.get(path, path.startsWith("/api") ? "application/json" : "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("A's Secret Badge");
        }
        assertThat(webB.get("/api/v1/wallet/credentials", "application/json").body())
                .doesNotContain(aCredential.toString());
        assertThat(webB.page("/wallet").body()).doesNotContain("A's Secret Badge");

        assertThat(webB.submit("/wallet", "/wallet/credentials/" + aCredential + "/hide", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(webB.submit("/wallet", "/wallet/credentials/" + aCredential + "/move", Map.of("direction", "up"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(webB.submit(
                                "/wallet",
                                "/wallet/collections/" + bCollection + "/add",
                                Map.of("credential", aCredential.toString()))
                        .statusCode())
                .as("A's credential into B's collection")
                .isEqualTo(404);
        assertThat(webB.submit("/wallet", "/wallet/collections/" + aCollection + "/rename", Map.of("name", "Mine"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(webB.submit("/wallet", "/wallet/collections/" + aCollection + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);

        assertThat(wallet.get(a.id(), new HeldCredentialId(aCredential)).hidden())
                .isFalse();
        assertThat(collections.list(a.id()))
                .extracting(WalletCollections.Collection::name)
                .containsExactly("A's collection");
        assertThat(collections.list(b.id()).get(0).credentials()).isEmpty();
    }

    @Test
    void staffAndSignedOutVisitorsDoNotReachAnyWallet() {
        Account a = kit.fixtures.learner();
        WalletKit.importText(WalletKit.signedIn(port, a), WalletKit.elsewhere("Private"));
        UUID aCredential = wallet.list(a.id(), true).get(0).id();
        WebClient staff = WalletKit.signedIn(port, kit.fixtures.staff());

        assertThat(staff.page("/wallet").statusCode()).isEqualTo(403);
        assertThat(staff.page("/wallet/credentials/" + aCredential).statusCode())
                .isEqualTo(403);
        assertThat(staff.get("/api/v1/wallet/credentials", "application/json").statusCode())
                .isEqualTo(403);
        assertThat(WebClient.on(port)
                        .get("/api/v1/wallet/credentials/" + aCredential, "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(WebClient.on(port).page("/wallet").statusCode())
                .as("sent to sign in")
                .isEqualTo(302);
    }
}

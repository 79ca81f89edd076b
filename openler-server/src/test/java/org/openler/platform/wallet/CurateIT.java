package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The learner curates the wallet: hides and shows, reorders, and groups credentials into collections. */
@PlatformTest
class CurateIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Wallet wallet;

    @Autowired
    WalletCollections collections;

    Account learner;
    WebClient web;
    List<UUID> held;

    @BeforeEach
    void aWalletWithThreeCredentials() {
        learner = kit.fixtures.learner();
        web = WalletKit.signedIn(port, learner);
        for (String name : List.of("Alpha", "Bravo", "Charlie")) {
            assertThat(WalletKit.importText(web, WalletKit.elsewhere(name)).statusCode())
                    .isEqualTo(302);
        }
        held = wallet.list(learner.id(), true).stream().map(HeldCredential::id).toList();
        assertThat(names()).containsExactly("Alpha", "Bravo", "Charlie");
    }

    @Test
    void aHiddenCredentialLeavesTheListUntilItIsShownAgain() {
        post("/wallet/credentials/" + held.get(1) + "/hide", Map.of());

        assertThat(web.page("/wallet").body()).contains("Alpha").doesNotContain("Bravo");
        assertThat(web.page("/wallet?hidden=true").body()).contains("Bravo").contains("(hidden)");

        post("/wallet/credentials/" + held.get(1) + "/unhide", Map.of());
        assertThat(web.page("/wallet").body()).contains("Bravo");
    }

    @Test
    void movingUpAndDownChangesTheOrderAndStopsAtTheEnds() {
        post("/wallet/credentials/" + held.get(2) + "/move", Map.of("direction", "up"));
        assertThat(names()).containsExactly("Alpha", "Charlie", "Bravo");

        post("/wallet/credentials/" + held.get(0) + "/move", Map.of("direction", "down"));
        assertThat(names()).containsExactly("Charlie", "Alpha", "Bravo");

        post("/wallet/credentials/" + held.get(1) + "/move", Map.of("direction", "down"));
        assertThat(names()).as("already last").containsExactly("Charlie", "Alpha", "Bravo");

        String page = web.page("/wallet").body();
        assertThat(page.indexOf("Charlie")).isLessThan(page.indexOf("Alpha"));
        assertThat(post("/wallet/credentials/" + held.get(1) + "/move", Map.of("direction", "sideways"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void collectionsAreCreatedRenamedFilledEmptiedAndDeleted() {
        post("/wallet/collections", Map.of("name", "Job at the harbour"));
        UUID collection = collections.list(learner.id()).get(0).id();

        post("/wallet/collections/" + collection + "/rename", Map.of("name", "Harbour application"));
        post(
                "/wallet/collections/" + collection + "/add",
                Map.of("credential", held.get(0).toString()));
        post(
                "/wallet/collections/" + collection + "/add",
                Map.of("credential", held.get(2).toString()));
        post(
                "/wallet/collections/" + collection + "/add",
                Map.of("credential", held.get(2).toString()));

        WalletCollections.Collection filled = collections.list(learner.id()).get(0);
        assertThat(filled.name()).isEqualTo("Harbour application");
        assertThat(filled.credentials()).containsExactlyInAnyOrder(held.get(0), held.get(2));
        assertThat(web.page("/wallet").body()).contains("Harbour application").contains("2 credential(s)");

        post(
                "/wallet/collections/" + collection + "/remove",
                Map.of("credential", held.get(0).toString()));
        assertThat(collections.list(learner.id()).get(0).credentials()).containsExactly(held.get(2));

        post("/wallet/collections/" + collection + "/delete", Map.of());
        assertThat(collections.list(learner.id())).isEmpty();
        assertThat(wallet.list(learner.id(), true)).as("the credentials stay").hasSize(3);
    }

    @Test
    void aCollectionNeedsAName() {
        HttpResponse<String> refused = post("/wallet/collections", Map.of("name", "   "));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(web.page("/wallet").body()).contains("Give the collection a name");
        assertThat(collections.list(learner.id())).isEmpty();
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        return web.submit("/wallet", path, fields);
    }

    private List<String> names() {
        return wallet.list(learner.id(), true).stream()
                .map(HeldCredential::name)
                .toList();
    }
}

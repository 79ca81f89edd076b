package org.openler.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export → delete → sign up afresh → import: the same credentials come back byte for byte, in the same order, with
 * the same hidden flags and collections, and they still verify.
 */
@PlatformTest
class PrivacyRoundTripIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WalletKit kit;

    @Autowired
    AccountService accounts;

    @Autowired
    Discovery discovery;

    @Test
    void exportDeleteSignUpAndImportRestoresTheSameCredentialsCollectionsOrderAndHiddenFlags() throws Exception {
        Account learner = fixtures.learner();
        String email = learner.email().value();
        WalletKit.Provider provider = kit.provider("Marine Diesel Engines");
        WebClient web = WebClient.on(port);
        web.signIn(email, Fixtures.PASSWORD);

        kit.issue(provider, email);
        claim(web, kit.claimToken(email));
        issueJwt(provider, email);
        claim(web, kit.claimToken(email));
        HttpResponse<String> imported =
                web.submit("/wallet", "/wallet/import", Map.of("text", WalletKit.elsewhere("Open Water Diving")));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);

        JsonNode before = JSON.readTree(export(web));
        List<JsonNode> held = list(before.path("sections").path("wallet").path("credentials"));
        assertThat(held).hasSize(3);
        String jwtId = held.stream()
                .filter(c -> c.path("format").asString().equals("VC_JWT"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        String lastId = held.get(2).path("id").asString();
        // Curate: the imported one moves up, the JWT is hidden, two go into a collection.
        assertThat(web.submit("/wallet", "/wallet/credentials/" + lastId + "/move", Map.of("direction", "up"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(web.submit("/wallet", "/wallet/credentials/" + jwtId + "/hide", Map.of())
                        .statusCode())
                .isEqualTo(302);
        web.submit("/wallet", "/wallet/collections", Map.of("name", "Harbour jobs"));
        String collection = JSON.readTree(export(web))
                .path("sections")
                .path("wallet")
                .path("collections")
                .get(0)
                .path("id")
                .asString();
        web.submit("/wallet", "/wallet/collections/" + collection + "/add", Map.of("credential", jwtId));
        web.submit("/wallet", "/wallet/collections/" + collection + "/add", Map.of("credential", lastId));
        web.submit("/wallet/skills", "/wallet/skills", Map.of("ownWords", "splicing mooring lines", "competency", ""));
        HttpResponse<String> share =
                web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base() + "/api/v1/shares"))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", web.csrfToken("/wallet"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"credentials\": [\"" + lastId
                                + "\"], \"party\": \"Harbour Employer\", \"purpose\": \"Deckhand job\"}"))
                        .build());
        assertThat(share.statusCode()).as(share.body()).isEqualTo(201);
        web.submit("/privacy", "/privacy/discovery", Map.of("discoverable", "true"));
        web.submit("/privacy", "/privacy/name", Map.of("displayName", "Marina Round-Trip"));

        HttpResponse<String> download = PrivacyClient.export(web);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("openler-personal-data.json"));
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
        String bundle = download.body();
        JsonNode exported = JSON.readTree(bundle);
        assertThat(exported.path("format").asString()).isEqualTo("https://openler.org/personal-data-bundle");
        assertThat(exported.path("version").asInt()).isEqualTo(1);
        assertThat(exported.path("sections").path("account").path("displayName").asString())
                .isEqualTo("Marina Round-Trip");
        assertThat(bundle).doesNotContain("password");

        HttpResponse<String> deleted = PrivacyClient.delete(web, email.toUpperCase());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(302);
        assertThat(accounts.findByEmail(email)).isEmpty();

        Account fresh = accounts.create(
                new AccountService.NewAccount(email, "Someone New", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));
        WebClient again = WebClient.on(port);
        again.signIn(email, Fixtures.PASSWORD);
        HttpResponse<String> restored = PrivacyClient.importAsPage(again, bundle);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(302);
        assertThat(restored.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/privacy"));

        JsonNode after = JSON.readTree(export(again));
        List<JsonNode> was = list(exported.path("sections").path("wallet").path("credentials"));
        List<JsonNode> now = list(after.path("sections").path("wallet").path("credentials"));
        assertThat(now).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(now.get(i).path("document").asString())
                    .as("credential %d, byte for byte", i)
                    .isEqualTo(was.get(i).path("document").asString());
            assertThat(now.get(i).path("format").asString())
                    .isEqualTo(was.get(i).path("format").asString());
            assertThat(now.get(i).path("source").asString())
                    .isEqualTo(was.get(i).path("source").asString());
            assertThat(now.get(i).path("hidden").asBoolean())
                    .as("hidden flag of credential %d", i)
                    .isEqualTo(was.get(i).path("hidden").asBoolean());
            boolean jwt = now.get(i).path("format").asString().equals("VC_JWT");
            HttpResponse<String> verified =
                    PrivacyClient.verify(again, now.get(i).path("document").asString(), jwt);
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(JsonFields.verified(verified.body())).isTrue();
        }
        assertThat(documentsIn(after, collectionOf(after))).isEqualTo(documentsIn(exported, collectionOf(exported)));
        assertThat(after.path("sections")
                        .path("wallet")
                        .path("collections")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("Harbour jobs");
        assertThat(after.path("sections").path("account").path("displayName").asString())
                .isEqualTo("Marina Round-Trip");
        assertThat(discovery.isDiscoverable(fresh.id())).isTrue();
        // The other features' sections came back too: the share's history and the self-asserted skill.
        assertThat(after.path("sections").path("sharing").toString())
                .contains("Harbour Employer")
                .contains("Deckhand job");
        assertThat(after.path("sections").path("skills-profile").toString()).contains("splicing mooring lines");
        // The new account has its own holder key; the claimed credentials still record the one they were bound to.
        assertThat(after.path("sections").path("wallet").path("holderDid").asString(""))
                .isNotEqualTo(exported.path("sections")
                        .path("wallet")
                        .path("holderDid")
                        .asString());
        assertThat(now.get(0).path("holderDid").asString())
                .isEqualTo(was.get(0).path("holderDid").asString());

        // Importing the same bundle again adds nothing: the wallet holds the same bytes once.
        assertThat(PrivacyClient.importAsPage(again, bundle).statusCode()).isEqualTo(302);
        assertThat(list(JSON.readTree(export(again))
                        .path("sections")
                        .path("wallet")
                        .path("credentials")))
                .hasSize(3);
    }

    private void issueJwt(WalletKit.Provider provider, String email) {
        kit.issueJwt(provider, email);
    }

    private static void claim(WebClient web, String token) {
        HttpResponse<String> claimed = web.submit("/wallet/claim/" + token, "/wallet/claim/" + token, Map.of());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(302);
    }

    private static String export(WebClient web) {
        HttpResponse<String> response = PrivacyClient.export(web);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode collectionOf(JsonNode bundle) {
        return bundle.path("sections").path("wallet").path("collections").get(0);
    }

    /** The documents of a collection's members: compared by content, since ids change on import. */
    private static Set<String> documentsIn(JsonNode bundle, JsonNode collection) {
        Set<String> members = new TreeSet<>();
        collection.path("credentials").forEach(id -> members.add(id.asString()));
        Set<String> documents = new TreeSet<>();
        bundle.path("sections").path("wallet").path("credentials").forEach(c -> {
            if (members.contains(c.path("id").asString())) {
                documents.add(c.path("document").asString());
            }
        });
        assertThat(documents).hasSize(2);
        return documents;
    }
}

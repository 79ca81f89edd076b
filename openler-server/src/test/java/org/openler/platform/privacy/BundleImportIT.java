package org.openler.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.Wallet;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Importing a bundle is all or nothing: a malformed file, a foreign format, an unknown section, or one credential that
 * does not verify is refused with a problem, and nothing of the bundle stays (not even the parts that were fine).
 */
@PlatformTest
class BundleImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Wallet wallet;

    @Autowired
    AccountService accounts;

    @Test
    void aBundleThatIsNotJsonIsAMalformedRequest() {
        Signed me = signedIn();
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, "{\"format\": "), 400, "malformed-request");
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, ""), 400, "invalid-input");
        String duplicate = "{\"format\":\"x\",\"format\":\"https://openler.org/personal-data-bundle\"}";
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, duplicate), 400, "malformed-request");
    }

    @Test
    void aBundleOfAnotherFormatOrVersionIsRefused() {
        Signed me = signedIn();
        ObjectNode other = bundle();
        other.put("format", "https://example.org/something-else");
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, other.toString()), 422, "unprocessable");
        ObjectNode later = bundle();
        later.put("version", 2);
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, later.toString()), 422, "unprocessable");
    }

    @Test
    void anUnknownSectionRefusesTheWholeBundleAndNothingIsImported() {
        Signed me = signedIn();
        ObjectNode bundle = bundle();
        credentials(bundle).add(credential("1", WalletKit.elsewhere("Knots"), 1));
        bundle.withObject("sections").putObject("telepathy").put("thoughts", 3);
        HttpResponse<String> refused = PrivacyClient.importAsProgram(me.web, bundle.toString());
        PrivacyClient.assertProblem(refused, 422, "unprocessable");
        assertThat(refused.body()).contains("telepathy");
        assertThat(wallet.list(me.account.id(), true)).isEmpty();
    }

    @Test
    void oneCredentialThatDoesNotVerifyRollsBackTheCredentialsAndNameBeforeIt() {
        Signed me = signedIn();
        ObjectNode bundle = bundle();
        bundle.withObject("sections").putObject("account").put("displayName", "Should Not Stay");
        credentials(bundle).add(credential("1", WalletKit.elsewhere("Knots"), 1));
        String tampered = WalletKit.elsewhere("Splices").replace("Splices", "Long Splices");
        credentials(bundle).add(credential("2", tampered, 2));
        HttpResponse<String> refused = PrivacyClient.importAsProgram(me.web, bundle.toString());
        PrivacyClient.assertProblem(refused, 422, "unprocessable");
        assertThat(refused.body()).contains("Credential 2 of the bundle did not verify");
        assertThat(wallet.list(me.account.id(), true)).as("nothing persisted").isEmpty();
        assertThat(accounts.find(me.account.id()).orElseThrow().displayName()).isEqualTo("Test LEARNER");

        HttpResponse<String> onPage = PrivacyClient.importAsPage(me.web, bundle.toString());
        assertThat(onPage.statusCode()).isEqualTo(422);
        assertThat(onPage.body()).contains("import-errors").contains("did not verify");
    }

    @Test
    void aSectionOfTheWrongShapeIsRefusedNotAServerError() {
        Signed me = signedIn();
        ObjectNode bundle = bundle();
        bundle.withObject("sections").put("wallet", "not an object");
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, bundle.toString()), 422, "unprocessable");
        ObjectNode noDocument = bundle();
        credentials(noDocument).addObject().put("id", "1").put("format", "DATA_INTEGRITY");
        PrivacyClient.assertProblem(PrivacyClient.importAsProgram(me.web, noDocument.toString()), 422, "unprocessable");
        ObjectNode badCollection = bundle();
        credentials(badCollection).add(credential("1", WalletKit.elsewhere("Knots"), 1));
        ArrayNode collections =
                badCollection.withObject("sections").withObject("wallet").putArray("collections");
        collections
                .addObject()
                .put("id", "c")
                .put("name", "Jobs")
                .putArray("credentials")
                .add("no-such-id");
        PrivacyClient.assertProblem(
                PrivacyClient.importAsProgram(me.web, badCollection.toString()), 422, "unprocessable");
        assertThat(wallet.list(me.account.id(), true)).isEmpty();
    }

    @Test
    void aStaffAccountTakesNoCredentialsFromABundle() {
        Account staff = fixtures.staff();
        WebClient web = WebClient.on(port);
        web.signIn(staff.email().value(), Fixtures.PASSWORD);
        ObjectNode bundle = bundle();
        credentials(bundle).add(credential("1", WalletKit.elsewhere("Knots"), 1));
        HttpResponse<String> refused = PrivacyClient.importAsProgram(web, bundle.toString());
        PrivacyClient.assertProblem(refused, 422, "unprocessable");
        assertThat(refused.body()).contains("Only a learner's account holds credentials");
        assertThat(wallet.list(staff.id(), true)).isEmpty();
    }

    @Test
    void aBundleOverTheRequestLimitIsRefusedBeforeItIsRead() {
        Signed me = signedIn();
        ObjectNode bundle = bundle();
        bundle.put("exportedAt", "x".repeat(1_100_000));
        HttpResponse<String> refused = PrivacyClient.importAsProgram(me.web, bundle.toString());
        PrivacyClient.assertProblem(refused, 413, "payload-too-large");
    }

    @Test
    void anExportIsNotCachedAndIsOnlyTheSignedInPersons() throws Exception {
        Signed me = signedIn();
        Signed other = signedIn();
        HttpResponse<String> mine = PrivacyClient.export(me.web);
        assertThat(mine.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(mine.body())
                .contains(me.account.email().value())
                .doesNotContain(other.account.email().value());
        assertThat(JSON.readTree(mine.body()).path("sections").propertyNames()).contains("account", "wallet");
        HttpResponse<String> page = me.web.page("/privacy");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> anonymous = WebClient.on(port).get("/privacy/export", "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private record Signed(Account account, WebClient web) {}

    private Signed signedIn() {
        Account account = fixtures.learner();
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return new Signed(account, web);
    }

    private static ObjectNode bundle() {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("format", "https://openler.org/personal-data-bundle");
        bundle.put("version", 1);
        bundle.put("exportedAt", "2026-01-01T00:00:00Z");
        bundle.putObject("sections");
        return bundle;
    }

    private static ArrayNode credentials(ObjectNode bundle) {
        ObjectNode walletSection = bundle.withObject("sections").withObject("wallet");
        return walletSection.has("credentials")
                ? (ArrayNode) walletSection.get("credentials")
                : walletSection.putArray("credentials");
    }

    private static ObjectNode credential(String id, String document, int position) {
        ObjectNode credential = JsonNodeFactory.instance.objectNode();
        credential.put("id", id);
        credential.put("format", "DATA_INTEGRITY");
        credential.put("source", "IMPORTED");
        credential.put("hidden", false);
        credential.put("position", position);
        credential.put("document", document);
        return credential;
    }
}

package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Claiming a credential issued here to the learner's e-mail address, through the link in the claim message. */
@PlatformTest
class ClaimIT {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    AccountService accounts;

    @Autowired
    HolderKeys holderKeys;

    @Autowired
    JdbcClient jdbc;

    WalletKit.Provider provider;

    @BeforeEach
    void aProvider() {
        provider = kit.provider("Forklift Safety");
    }

    @Test
    void theLinkSentToTheRecipientPutsTheCredentialInTheirWalletBoundToTheirDid() {
        Account learner = kit.fixtures.learner();
        var issued = kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        WebClient web = WalletKit.signedIn(port, learner);

        HttpResponse<String> page = web.page("/wallet/claim/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Forklift Safety").contains("Put it in my wallet");

        UUID held = WalletKit.walletId(WalletKit.claim(web, token));

        HttpResponse<String> detail = web.page("/wallet/credentials/" + held);
        assertThat(detail.statusCode()).isEqualTo(200);
        String did = holderKeys.did(learner.id()).value();
        assertThat(detail.body())
                .contains("Forklift Safety")
                .contains("Verified")
                .contains(did);
        assertThat(did).startsWith("did:key:z6Mk");
        HttpResponse<String> download = web.get("/wallet/credentials/" + held + "/download", "application/json");
        assertThat(download.body()).as("the bytes exactly as signed").isEqualTo(issued.document());
        assertThat(jdbc.sql("select holder_did from wallet_credential where id = ?")
                        .param(held)
                        .query(String.class)
                        .single())
                .isEqualTo(did);
    }

    @Test
    void aVcJwtIssuedHereIsClaimedAsItsCompactJwsAndVerifies() {
        Account learner = kit.fixtures.learner();
        var issued = kit.issueJwt(provider, learner.email().value());
        WebClient web = WalletKit.signedIn(port, learner);

        UUID held = WalletKit.walletId(
                WalletKit.claim(web, kit.claimToken(learner.email().value())));

        assertThat(web.page("/wallet/credentials/" + held).body())
                .contains("Forklift Safety")
                .contains("<h2 id=\"verdict\">Verified</h2>");
        assertThat(web.get("/api/v1/wallet/credentials/" + held, "*/*").body()).isEqualTo(issued.document());
        assertThat(issued.document()).doesNotStartWith("{");
    }

    @Test
    void anotherLearnerCannotClaimACredentialSentToSomeoneElse() {
        Account recipient = kit.fixtures.learner();
        Account other = kit.fixtures.learner();
        kit.issue(provider, recipient.email().value());
        String token = kit.claimToken(recipient.email().value());

        HttpResponse<String> refused = WalletKit.claim(WalletKit.signedIn(port, other), token);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("sent to another e-mail address");
        assertThat(count(other)).isZero();
        assertThat(WalletKit.walletId(WalletKit.claim(WalletKit.signedIn(port, recipient), token)))
                .as("the rightful owner can still claim it")
                .isNotNull();
    }

    @Test
    void aSecondClickIsHarmlessAndLeadsToTheSameCredential() {
        Account learner = kit.fixtures.learner();
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        WebClient web = WalletKit.signedIn(port, learner);

        UUID first = WalletKit.walletId(WalletKit.claim(web, token));
        UUID second = WalletKit.walletId(WalletKit.claim(web, token));

        assertThat(second).isEqualTo(first);
        assertThat(count(learner)).isEqualTo(1);
    }

    @Test
    void aLinkUsedByItsOwnerIsGoneForAnyoneElse() {
        Account learner = kit.fixtures.learner();
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        WalletKit.claim(WalletKit.signedIn(port, learner), token);

        HttpResponse<String> page = WebClient.on(port).page("/wallet/claim/" + token);

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("expired or was already used");
    }

    @Test
    void anExpiredLinkAnswers410WithAPlainPage() {
        Account learner = kit.fixtures.learner();
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        jdbc.sql("update wallet_claim set expires_at = ? where token_hash = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), SecretTokens.hash(token))
                .update();
        WebClient web = WalletKit.signedIn(port, learner);

        HttpResponse<String> page = web.page("/wallet/claim/" + token);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("expired or was already used").doesNotContain("Put it in my wallet");

        HttpResponse<String> refused = WalletKit.claim(web, token);
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body()).contains("This claim link has expired");
        assertThat(count(learner)).isZero();
    }

    @Test
    void aSignedOutVisitorIsAskedToSignInAndComesBackToTheClaim() {
        Account learner = kit.fixtures.learner();
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());

        HttpResponse<String> page = WebClient.on(port).page("/wallet/claim/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("/login?continue=/wallet/claim/" + token)
                .doesNotContain("Put it in my wallet");
    }

    @Test
    void aNewcomerWhoCreatesAnAccountFromTheClaimPageLandsBackOnTheClaim() {
        String email = Fixtures.unique("claimer") + "@example.org";
        kit.issue(provider, email);
        String token = kit.claimToken(email);
        String claim = "/wallet/claim/" + token;
        WebClient browser = WebClient.on(port);

        String page = browser.page(claim).body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"claim-signup\" href=\"([^\"]+)\"")
                .matcher(page);
        assertThat(link.find()).as("the claim page's Create an account link").isTrue();
        String signup = link.group(1).replace("&amp;", "&");
        assertThat(signup).isEqualTo("/signup?continue=" + claim);
        assertThat(browser.page(signup).body()).contains("name=\"continue\" value=\"" + claim + "\"");

        HttpResponse<String> signedUp = browser.submit(
                signup,
                "/signup",
                java.util.Map.of(
                        "displayName",
                        "Claire Newcomer",
                        "email",
                        email,
                        "password",
                        Fixtures.PASSWORD,
                        "role",
                        "LEARNER",
                        "continue",
                        claim));
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(302);
        String login = signedUp.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(login).isEqualTo("/login?registered&continue=" + claim);

        HttpResponse<String> signedIn = browser.submit(
                login, "/login", java.util.Map.of("email", email, "password", Fixtures.PASSWORD, "continue", claim));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(claim);
        assertThat(browser.page(claim).body()).contains("Put it in my wallet");
    }

    @Test
    void aSignUpDoesNotContinueToAnotherSite() {
        assertThat(org.openler.platform.support.WebClient.on(port)
                        .page("/signup?continue=//evil.example/x")
                        .body())
                .doesNotContain("evil.example");
    }

    @Test
    void aLearnerWhoSignsUpWithTheAddressCanClaim() {
        String email = Fixtures.unique("newcomer") + "@example.org";
        kit.issue(provider, email);
        String token = kit.claimToken(email);
        Account newcomer = accounts.create(
                new AccountService.NewAccount(email, "New Comer", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));

        assertThat(WalletKit.walletId(WalletKit.claim(WalletKit.signedIn(port, newcomer), token)))
                .isNotNull();
        assertThat(count(newcomer)).isEqualTo(1);
    }

    @Test
    void anUnknownLinkIsNotFoundAndAClaimMessageHoldsNoSecretAtRest() {
        Account learner = kit.fixtures.learner();
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());

        assertThat(WalletKit.signedIn(port, learner)
                        .page("/wallet/claim/" + token + "x")
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from wallet_claim where token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .as("the token itself is not stored")
                .isZero();
    }

    private int count(Account learner) {
        return jdbc.sql("select count(*) from wallet_credential where account_id = ?")
                .param(learner.id().value())
                .query(Integer.class)
                .single();
    }
}

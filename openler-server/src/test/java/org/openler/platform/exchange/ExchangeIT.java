package org.openler.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.issuing.IssuedCredentials;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A wallet elsewhere takes a credential held here through a VC-API exchange, as the DCC Learner Credential Wallet. */
@PlatformTest
class ExchangeIT {

    private static final Pattern EXCHANGE_URL = Pattern.compile("/exchanges/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    OfferKit kit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlatformUrls urls;

    @Autowired
    Issuance issuance;

    @Autowired
    IssuedCredentials issuedCredentials;

    @Autowired
    CredentialStatuses statuses;

    @Test
    void aWalletThatAuthenticatesItsDidGetsTheCredentialIssuedAgainToThatDid() {
        Opened exchange = open();
        ExternalWallet wallet = new ExternalWallet();

        HttpResponse<String> asked = exchange.post("{}");
        assertThat(asked.statusCode()).isEqualTo(200);
        JsonObject request = StrictJson.parseObject(asked.body()).getJsonObject("verifiablePresentationRequest");
        assertThat(request.getJsonArray("query").getJsonObject(0).getString("type"))
                .isEqualTo("DIDAuthentication");
        assertThat(request.getString("domain")).isEqualTo(urls.base());
        String challenge = request.getString("challenge");

        HttpResponse<String> answered = exchange.post(wallet.didAuth(challenge, urls.base()));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonObject credential = delivered(answered.body());
        assertThat(credential.getJsonObject("credentialSubject").getString("id"))
                .isEqualTo(wallet.did);
        assertThat(credential.getString("id"))
                .isNotEqualTo("urn:uuid:" + exchange.held().issued().id());
        assertThat(verified(exchange.web(), StrictJson.write(credential))).isTrue();
        assertThat(verified(exchange.web(), exchange.held().issued().document()))
                .as("the e-mail-addressed original keeps verifying")
                .isTrue();
        assertThat(kit.reissuedFrom(exchange.held().issued().id())).isEqualTo(1);
        assertThat(issuedCredentials.list(
                        exchange.held().provider().org().organization().id(), 10))
                .as("the provider sees the credential issued to the wallet")
                .anyMatch(s -> wallet.did.equals(s.recipient()));
    }

    @Test
    void completingTheSameExchangeTwiceIssuesOnceAndAnotherWalletIsTurnedAway() {
        Opened exchange = open();
        ExternalWallet wallet = new ExternalWallet();
        String challenge = exchange.challenge();

        String first = exchange.post(wallet.didAuth(challenge, urls.base())).body();
        HttpResponse<String> again = exchange.post(wallet.didAuth(challenge, urls.base()));
        HttpResponse<String> other = exchange.post(new ExternalWallet().didAuth(challenge, urls.base()));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first);
        assertThat(kit.reissuedFrom(exchange.held().issued().id())).isEqualTo(1);
        assertThat(other.statusCode()).isEqualTo(410);
        assertThat(other.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(exchange.post("{}").statusCode())
                .as("a used exchange asks for nothing more")
                .isEqualTo(410);
    }

    @Test
    void aPresentationWithAnotherChallengeIsRefused() {
        Opened exchange = open();
        exchange.challenge();

        HttpResponse<String> refused = exchange.post(new ExternalWallet().didAuth("another-challenge", urls.base()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("challenge");
        assertThat(kit.reissuedFrom(exchange.held().issued().id())).isZero();
    }

    @Test
    void aPresentationForAnotherDomainIsRefused() {
        Opened exchange = open();
        String challenge = exchange.challenge();

        HttpResponse<String> refused =
                exchange.post(new ExternalWallet().didAuth(challenge, "https://elsewhere.example"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("domain");
        assertThat(kit.reissuedFrom(exchange.held().issued().id())).isZero();
    }

    @Test
    void aTamperedPresentationIsRefused() {
        Opened exchange = open();
        String challenge = exchange.challenge();
        ExternalWallet wallet = new ExternalWallet();
        String forged = wallet.didAuth(challenge, urls.base()).replace(wallet.did, new ExternalWallet().did);

        HttpResponse<String> refused = exchange.post(forged);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(kit.reissuedFrom(exchange.held().issued().id())).isZero();
    }

    @Test
    void anExpiredOfferAnswersGoneWithAClearReason() {
        OfferKit.Held held = kit.held(fixtures.learner());
        Offers.Offer offer = kit.offer(held, false);
        kit.expire(offer);

        HttpResponse<String> gone = OfferKit.postJson(WebClient.on(port), "/exchanges/" + offer.exchangeId(), "{}");

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("expired");
    }

    @Test
    void anUnknownExchangeIsNotFound() {
        assertThat(OfferKit.postJson(WebClient.on(port), "/exchanges/" + java.util.UUID.randomUUID(), "{}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void revokingTheCredentialDeliveredToTheWalletWorksAndLeavesTheOriginalAlone() {
        Opened exchange = open();
        String body = exchange.post(new ExternalWallet().didAuth(exchange.challenge(), urls.base()))
                .body();
        JsonObject credential = delivered(body);
        java.util.UUID delivered =
                java.util.UUID.fromString(credential.getString("id").substring("urn:uuid:".length()));

        statuses.change(
                exchange.held().provider().org().organization().id(),
                new CredentialId(delivered),
                CredentialStatus.REVOKED,
                Fixtures.person(exchange.held().provider().org().admin()));

        assertThat(verified(exchange.web(), StrictJson.write(credential))).isFalse();
        assertThat(verified(exchange.web(), exchange.held().issued().document()))
                .isTrue();
    }

    @Test
    void theLearnerMakesAnOfferOnTheCredentialsPageAndSeesQrCodesAndLinks() {
        Account learner = fixtures.learner();
        OfferKit.Held held = kit.held(learner);
        WebClient web = WebClient.on(port);
        web.signIn(learner.email().value(), Fixtures.PASSWORD);
        String page = "/wallet/credentials/" + held.walletId() + "/send";

        assertThat(web.page("/wallet/credentials/" + held.walletId()).body()).contains(page);
        HttpResponse<String> offered = web.submit(page, page, Map.of("txCode", "true"));

        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body())
                .contains("data:image/svg+xml;base64,")
                .contains("https://lcw.app/request?request=")
                .contains("openid-credential-offer://?credential_offer=")
                .contains("id=\"tx-code\"");
        Matcher exchange = EXCHANGE_URL.matcher(offered.body());
        assertThat(exchange.find()).isTrue();
        assertThat(OfferKit.postJson(web, "/exchanges/" + exchange.group(1), "{}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anotherLearnersCredentialCannotBeOffered() {
        OfferKit.Held held = kit.held(fixtures.learner());
        Account other = fixtures.learner();
        WebClient web = WebClient.on(port);
        web.signIn(other.email().value(), Fixtures.PASSWORD);

        assertThat(web.page("/wallet/credentials/" + held.walletId() + "/send").statusCode())
                .isEqualTo(404);
    }

    /** A learner's credential held here, offered, with the exchange that hands it over. */
    private record Opened(OfferKit.Held held, WebClient web, String path) {

        HttpResponse<String> post(String body) {
            return OfferKit.postJson(web, path, body);
        }

        /** The challenge the exchange asks the wallet to sign. */
        String challenge() {
            return StrictJson.parseObject(post("{}").body())
                    .getJsonObject("verifiablePresentationRequest")
                    .getString("challenge");
        }
    }

    private Opened open() {
        OfferKit.Held held = kit.held(fixtures.learner());
        Offers.Offer offer = kit.offer(held, false);
        return new Opened(held, WebClient.on(port), "/exchanges/" + offer.exchangeId());
    }

    /** The credential an exchange's answer delivers. */
    private static JsonObject delivered(String answer) {
        return StrictJson.parseObject(answer)
                .getJsonObject("verifiablePresentation")
                .getJsonArray("verifiableCredential")
                .getJsonObject(0);
    }

    static boolean verified(WebClient web, String credential) {
        String body = credential.startsWith("{")
                ? "{\"verifiableCredential\":" + credential + "}"
                : "{\"verifiableCredential\":\"" + credential + "\"}";
        HttpResponse<String> report = OfferKit.postJson(web, "/credentials/verify", body);
        return JsonFields.verified(report.body());
    }
}

package org.openler.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A wallet elsewhere takes a credential held here through OpenID4VCI 1.0's pre-authorized code flow. */
@PlatformTest
class Oid4vciIT {

    @LocalServerPort
    int port;

    @Autowired
    OfferKit kit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlatformUrls urls;

    WebClient web;

    @BeforeEach
    void aClient() {
        web = WebClient.on(port);
    }

    String issuer() {
        return urls.base() + "/oid4vci";
    }

    @Test
    void theMetadataOffersAnLdpVcAndAJwtVcJsonOpenBadge() {
        JsonObject metadata =
                StrictJson.parseObject(web.get("/.well-known/openid-credential-issuer/oid4vci", "application/json")
                        .body());
        assertThat(metadata.getString("credential_issuer")).isEqualTo(issuer());
        JsonObject configurations = metadata.getJsonObject("credential_configurations_supported");
        assertThat(configurations.getJsonObject("OpenBadgeCredential_ldp_vc").getString("format"))
                .isEqualTo("ldp_vc");
        assertThat(configurations
                        .getJsonObject("OpenBadgeCredential_jwt_vc_json")
                        .getString("format"))
                .isEqualTo("jwt_vc_json");
        for (String id : List.of("OpenBadgeCredential_ldp_vc", "OpenBadgeCredential_jwt_vc_json")) {
            JsonObject configuration = configurations.getJsonObject(id);
            assertThat(configuration.getJsonObject("credential_definition").getJsonArray("type"))
                    .as(id)
                    .hasSize(2);
            assertThat(configuration.getJsonObject("proof_types_supported"))
                    .as(id)
                    .containsKey("jwt");
            assertThat(configuration.getJsonObject("credential_metadata"))
                    .as(id)
                    .containsKey("display");
        }
        assertThat(web.get("/.well-known/openid-credential-issuer", "application/json")
                        .body())
                .isEqualTo(StrictJson.write(metadata));
        JsonObject server =
                StrictJson.parseObject(web.get("/.well-known/oauth-authorization-server/oid4vci", "application/json")
                        .body());
        assertThat(server.getString("token_endpoint")).isEqualTo(issuer() + "/token");
    }

    @Test
    void aWalletWithAProofOfItsKeyGetsAnLdpCredentialBoundToItsDid() {
        OfferKit.Held held = kit.held(fixtures.learner());
        ExternalWallet wallet = new ExternalWallet();
        String token = preAuthorizedToken(held);
        HttpResponse<String> issued = credential(token, "OpenBadgeCredential_ldp_vc", wallet.proof(issuer(), nonce()));

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonObject credential = StrictJson.parseObject(issued.body())
                .getJsonArray("credentials")
                .getJsonObject(0)
                .getJsonObject("credential");
        assertThat(credential.getJsonObject("credentialSubject").getString("id"))
                .isEqualTo(wallet.did);
        assertThat(ExchangeIT.verified(web, StrictJson.write(credential))).isTrue();
        assertThat(kit.reissuedFrom(held.issued().id())).isEqualTo(1);
    }

    @Test
    void aJwtVcJsonCredentialIsACompactJwsForTheWalletsDid() {
        OfferKit.Held held = kit.held(fixtures.learner());
        ExternalWallet wallet = new ExternalWallet();
        String token = preAuthorizedToken(held);
        HttpResponse<String> issued =
                credential(token, "OpenBadgeCredential_jwt_vc_json", wallet.proof(issuer(), nonce()));

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String jwt = StrictJson.parseObject(issued.body())
                .getJsonArray("credentials")
                .getJsonObject(0)
                .getString("credential");
        assertThat(jwt).startsWith("eyJ");
        assertThat(ExchangeIT.verified(web, jwt)).isTrue();
        assertThat(JsonFields.strings(
                        new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1])), "sub"))
                .contains(wallet.did);
    }

    @Test
    void aRetryWithAFreshNonceAnswersTheSameCredentialAndAnotherKeyIsDenied() {
        OfferKit.Held held = kit.held(fixtures.learner());
        ExternalWallet wallet = new ExternalWallet();
        String token = preAuthorizedToken(held);

        String first = credential(token, "OpenBadgeCredential_ldp_vc", wallet.proof(issuer(), nonce()))
                .body();
        HttpResponse<String> again = credential(token, "OpenBadgeCredential_ldp_vc", wallet.proof(issuer(), nonce()));
        HttpResponse<String> other =
                credential(token, "OpenBadgeCredential_ldp_vc", new ExternalWallet().proof(issuer(), nonce()));

        assertThat(again.body()).isEqualTo(first);
        assertThat(kit.reissuedFrom(held.issued().id())).isEqualTo(1);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(other.body(), "error")).contains("credential_request_denied");
    }

    @Test
    void aReplayedProofNonceIsRefusedAsInvalidNonce() {
        OfferKit.Held held = kit.held(fixtures.learner());
        ExternalWallet wallet = new ExternalWallet();
        String token = preAuthorizedToken(held);
        String proof = wallet.proof(issuer(), nonce());
        credential(token, "OpenBadgeCredential_ldp_vc", proof);

        HttpResponse<String> replayed = credential(token, "OpenBadgeCredential_ldp_vc", proof);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(replayed.body(), "error")).contains("invalid_nonce");
    }

    @Test
    void aProofSignedByAnotherKeyThanItsKidIsRefusedAsInvalidProof() {
        OfferKit.Held held = kit.held(fixtures.learner());
        ExternalWallet wallet = new ExternalWallet();
        String token = preAuthorizedToken(held);

        String forged = ExternalWallet.proof(issuer(), nonce(), wallet.kid, Ed25519.generate(), Instant.now());
        HttpResponse<String> refused = credential(token, "OpenBadgeCredential_ldp_vc", forged);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(refused.body(), "error")).contains("invalid_proof");
        assertThat(kit.reissuedFrom(held.issued().id())).isZero();
    }

    @Test
    void aProofForAnotherAudienceIsRefusedAsInvalidProof() {
        OfferKit.Held held = kit.held(fixtures.learner());
        String token = preAuthorizedToken(held);

        HttpResponse<String> refused = credential(
                token, "OpenBadgeCredential_ldp_vc", new ExternalWallet().proof("https://elsewhere.example", nonce()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(refused.body(), "error")).contains("invalid_proof");
    }

    @Test
    void aWrongPreAuthorizedCodeIsAnInvalidGrant() {
        HttpResponse<String> refused = tokenResponse(Map.of("pre-authorized_code", "not-the-code"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(refused.body(), "error")).contains("invalid_grant");
    }

    @Test
    void anExpiredOfferIsAnInvalidGrant() {
        OfferKit.Held held = kit.held(fixtures.learner());
        Offers.Offer offer = kit.offer(held, false);
        kit.expire(offer);
        HttpResponse<String> refused = tokenResponse(Map.of("pre-authorized_code", preAuthorizedCode(offer)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(refused.body(), "error")).contains("invalid_grant");
    }

    @Test
    void anOfferWithATransactionCodeNeedsTheRightCode() {
        OfferKit.Held held = kit.held(fixtures.learner());
        Offers.Offer offer = kit.offer(held, true);
        String code = preAuthorizedCode(offer);
        assertThat(offer.credentialOffer()).contains("\"tx_code\"");

        assertThat(tokenResponse(Map.of("pre-authorized_code", code)).body()).contains("invalid_grant");
        assertThat(tokenResponse(Map.of("pre-authorized_code", code, "tx_code", "000000x"))
                        .body())
                .contains("invalid_grant");
        assertThat(token(Map.of(
                        "pre-authorized_code", code, "tx_code", offer.txCode().orElseThrow())))
                .isNotEmpty();
        assertThat(tokenResponse(Map.of(
                                "pre-authorized_code",
                                code,
                                "tx_code",
                                offer.txCode().orElseThrow()))
                        .body())
                .as("the code is used once")
                .contains("invalid_grant");
    }

    @Test
    void theCredentialEndpointWithoutAValidTokenAnswersInvalidToken() {
        HttpResponse<String> refused =
                credential("made-up", "OpenBadgeCredential_ldp_vc", new ExternalWallet().proof(issuer(), nonce()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JsonFields.strings(refused.body(), "error")).contains("invalid_token");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void anUnknownCredentialConfigurationIsRefused() {
        String token = preAuthorizedToken(kit.held(fixtures.learner()));

        HttpResponse<String> refused =
                credential(token, "SomethingElse", new ExternalWallet().proof(issuer(), nonce()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonFields.strings(refused.body(), "error")).contains("unknown_credential_configuration");
    }

    static String preAuthorizedCode(Offers.Offer offer) {
        return StrictJson.parseObject(offer.credentialOffer())
                .getJsonObject("grants")
                .getJsonObject(Offers.PRE_AUTHORIZED_GRANT)
                .getString("pre-authorized_code");
    }

    /** A token for the held credential, by the pre-authorized code of an offer without a transaction code. */
    String preAuthorizedToken(OfferKit.Held held) {
        return token(Map.of("pre-authorized_code", preAuthorizedCode(kit.offer(held, false))));
    }

    String token(Map<String, String> fields) {
        HttpResponse<String> response = tokenResponse(fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        return StrictJson.parseObject(response.body()).getString("access_token");
    }

    HttpResponse<String> tokenResponse(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", Offers.PRE_AUTHORIZED_GRANT);
        form.putAll(fields);
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/oid4vci/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(form)))
                .build());
    }

    String nonce() {
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/oid4vci/nonce"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StrictJson.parseObject(response.body()).getString("c_nonce");
    }

    HttpResponse<String> credential(String token, String configuration, String proof) {
        String body =
                "{\"credential_configuration_id\":\"" + configuration + "\",\"proofs\":{\"jwt\":[\"" + proof + "\"]}}";
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/oid4vci/credential"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}

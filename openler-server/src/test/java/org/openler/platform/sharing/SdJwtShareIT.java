package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.Disclosure;
import org.openler.standards.sdjwt.SdJwt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A share of an SD-JWT VC shows exactly the fields the learner chose: the link's page and the downloaded presentation
 * carry the chosen claims' values and none of the others (the e-mail address, the description, the criteria), the
 * SD-JWT inside carries only the chosen disclosures and a Key Binding JWT bound to this very access, and the whole
 * verifies again only with that access's challenge and domain.
 */
@PlatformTest
class SdJwtShareIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Claims claims;

    @Autowired
    Shares shares;

    private final String achievementName = Fixtures.unique("Selective Welding");
    private Account learner;
    private UUID held;

    @BeforeEach
    void aLearnerHoldsAnSdJwtVc() {
        WalletKit.Provider provider = kit.provider(achievementName);
        learner = kit.fixturesForTests().learner();
        Issuance.Issued issued = kit.issueSdJwt(provider, learner.email().value());
        held = claims.placeForDemo(learner.id(), issued.id());
    }

    private String share(List<String> chosen) {
        return shares.create(
                        learner.id(),
                        new Shares.NewShare(List.of(held), "Acme HR", "Hiring", Optional.empty(), Map.of(held, chosen)))
                .token();
    }

    @Test
    void theLinkShowsTheChosenFieldVerifiedAndNoneOfTheOthers() {
        String token = share(List.of("achievement_name"));
        WebClient employer = WebClient.on(port);

        HttpResponse<String> page = employer.get("/share/" + token, "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(achievementName)
                .contains("The fields the holder chose to show")
                .doesNotContain(learner.email().value())
                .doesNotContain("Does the thing well.")
                .doesNotContain("Passed the assessment.")
                .doesNotContain("status-failed");
    }

    @Test
    void theDownloadedPresentationCarriesOnlyTheChosenDisclosuresBoundToThisAccess() {
        String token = share(List.of("achievement_name", "achievement_criteria"));

        HttpResponse<String> download = WebClient.on(port).get("/share/" + token + "/presentation", "*/*");

        assertThat(download.statusCode()).isEqualTo(200);
        JsonNode presentation = JSON.readTree(download.body());
        JsonNode enveloped = presentation.path("verifiableCredential").get(0);
        assertThat(enveloped.path("type").asString()).isEqualTo("EnvelopedVerifiableCredential");
        String dataUrl = enveloped.path("id").asString();
        assertThat(dataUrl).startsWith("data:application/dc+sd-jwt,");
        SdJwt sdJwt = SdJwt.parse(dataUrl.substring(dataUrl.indexOf(',') + 1));
        assertThat(sdJwt.disclosures())
                .extracting(d -> d.claimName().orElseThrow())
                .containsExactlyInAnyOrder("achievement_name", "achievement_criteria");
        assertThat(sdJwt.disclosures())
                .extracting(Disclosure::value)
                .extracting(Object::toString)
                .noneMatch(v -> v.contains(learner.email().value()));
        assertThat(download.body())
                .as("field by field: the e-mail and the description are in no part of the presentation")
                .doesNotContain(learner.email().value())
                .doesNotContain("Does the thing well.");
        JsonObject keyBinding = StrictJson.parseObject(
                new Base64URL(sdJwt.keyBinding().orElseThrow().split("\\.")[1]).decode());
        JsonNode proof = presentation.path("proof");
        assertThat(keyBinding.getString("nonce"))
                .as("the key binding carries the presentation's own challenge")
                .isEqualTo(proof.path("challenge").asString());
        assertThat(keyBinding.getString("aud")).isEqualTo(proof.path("domain").asString());

        assertThat(verify(
                                download.body(),
                                proof.path("challenge").asString(),
                                proof.path("domain").asString())
                        .statusCode())
                .as("verified again with its challenge and domain")
                .isEqualTo(200);
        HttpResponse<String> replay = verify(
                download.body(), "another-challenge", proof.path("domain").asString());
        assertThat(replay.statusCode()).as("replayed with another challenge").isEqualTo(422);
    }

    @Test
    void aTamperedDisclosureInThePresentationIsRefused() {
        String token = share(List.of("achievement_name"));
        String body = WebClient.on(port)
                .get("/share/" + token + "/presentation", "*/*")
                .body();
        JsonNode proof = JSON.readTree(body).path("proof");
        String forged = Base64URL.encode("[\"c2FsdA\",\"achievement_name\",\"Rocket Science\"]")
                .toString();
        String dataUrl = JSON.readTree(body)
                .path("verifiableCredential")
                .get(0)
                .path("id")
                .asString();
        String first = SdJwt.parse(dataUrl.substring(dataUrl.indexOf(',') + 1))
                .disclosures()
                .get(0)
                .encoded();
        String tampered = body.replace(first, forged);

        assertThat(verify(
                                tampered,
                                proof.path("challenge").asString(),
                                proof.path("domain").asString())
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void aFieldTheCredentialCannotDiscloseIsRefusedWhenSharing() {
        assertThatThrownBy(() -> share(List.of("salary")))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        refused -> assertThat(refused.fieldErrors().get(0).message())
                                .contains("salary"));
        assertThat(shares.list(learner.id())).as("nothing was made").isEmpty();
    }

    @Test
    void theShareRemembersWhichFieldsWentAndARevokedLinkIsGone() {
        Shares.Created created = shares.create(
                learner.id(),
                new Shares.NewShare(
                        List.of(held),
                        "Acme HR",
                        "Hiring",
                        Optional.empty(),
                        Map.of(held, List.of("email", "achievement_name"))));

        assertThat(shares.get(learner.id(), new ShareId(created.share().id()))
                        .items()
                        .get(0)
                        .disclosedClaims())
                .containsExactly("email", "achievement_name");
        shares.revoke(learner.id(), new ShareId(created.share().id()));
        assertThat(WebClient.on(port)
                        .get("/share/" + created.token(), "text/html")
                        .statusCode())
                .isEqualTo(410);
    }

    private HttpResponse<String> verify(String presentation, String challenge, String domain) {
        String body = "{\"verifiablePresentation\": " + presentation + ", \"options\": {\"challenge\": \"" + challenge
                + "\", \"domain\": \"" + domain + "\"}}";
        return WebClient.on(port).postJson("/presentations/verify", body);
    }
}

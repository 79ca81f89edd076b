package org.openler.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an external wallet takes away — through the VC-API exchange and through OpenID4VCI — judged by digitalbazaar
 * {@code @digitalbazaar/vc} and DCC {@code @digitalcredentials/verifier-core} via {@code interop/crosscheck.mjs}, with
 * this server's DID document and status lists handed over offline (as PlatformCrossCheckIT does). Fails, never skips,
 * without Node and {@code npm ci} in interop/.
 */
@PlatformTest
class ExternalWalletCrossCheckIT {

    @LocalServerPort
    int port;

    @Autowired
    OfferKit kit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlatformUrls urls;

    @TempDir
    Path dir;

    @BeforeEach
    void nodeIsThere() {
        NodeCrossCheck.assertInstalled();
    }

    @Test
    void theCredentialAVcApiWalletTakesVerifiesInBoth() throws Exception {
        OfferKit.Held held = kit.held(fixtures.learner());
        Offers.Offer offer = kit.offer(held, false);
        WebClient web = WebClient.on(port);
        String path = "/exchanges/" + offer.exchangeId();
        String challenge = StrictJson.parseObject(
                        OfferKit.postJson(web, path, "{}").body())
                .getJsonObject("verifiablePresentationRequest")
                .getString("challenge");
        String answer = OfferKit.postJson(web, path, new ExternalWallet().didAuth(challenge, urls.base()))
                .body();
        String credential = StrictJson.write(StrictJson.parseObject(answer)
                .getJsonObject("verifiablePresentation")
                .getJsonArray("verifiableCredential")
                .getJsonObject(0));

        assertThat(crossCheck(credential, held.provider().org().slug(), "vcapi"))
                .containsOnly(true);
    }

    @Test
    void theCredentialAnOid4vciWalletTakesVerifiesInBothAndATamperedCopyInNeither() throws Exception {
        OfferKit.Held held = kit.held(fixtures.learner());
        Offers.Offer offer = kit.offer(held, false);
        ExternalWallet wallet = new ExternalWallet();
        Oid4vciIT client = new Oid4vciIT();
        client.web = WebClient.on(port);
        client.urls = urls;
        String token = client.token(Map.of("pre-authorized_code", Oid4vciIT.preAuthorizedCode(offer)));
        String answer = client.credential(
                        token, "OpenBadgeCredential_ldp_vc", wallet.proof(client.issuer(), client.nonce()))
                .body();
        String credential = StrictJson.write(StrictJson.parseObject(answer)
                .getJsonArray("credentials")
                .getJsonObject(0)
                .getJsonObject("credential"));

        assertThat(crossCheck(credential, held.provider().org().slug(), "oid4vci"))
                .containsOnly(true);
        assertThat(crossCheck(
                        credential.replace("Crane Operation", "Crane Mastery"),
                        held.provider().org().slug(),
                        "oid4vci-tampered"))
                .containsOnly(false);
    }

    /** The verdicts of both verifiers, with this server's DID document and current status lists handed over. */
    private List<Boolean> crossCheck(String credential, String slug, String name) throws Exception {
        return NodeCrossCheck.run(dir, name, credential, NodeCrossCheck.documents(port, slug, credential))
                .verdicts();
    }
}

package org.openler.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
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

    private static final Path INTEROP =
            Path.of("..", "interop").toAbsolutePath().normalize();
    private static final Pattern STATUS_LIST = Pattern.compile("\"statusListCredential\":\"([^\"]+)\"");

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
        assertThat(INTEROP.resolve("node_modules"))
                .as("run npm ci in interop/ first (.ci/run does)")
                .isDirectory();
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
        Map<String, String> documents = new LinkedHashMap<>();
        WebClient web = WebClient.on(port);
        documents.put(
                "https://localhost:" + port + "/orgs/" + slug + "/did.json",
                web.get("/orgs/" + slug + "/did.json", "application/json").body());
        STATUS_LIST
                .matcher(credential)
                .results()
                .map(m -> m.group(1))
                .forEach(list -> documents.put(
                        list,
                        web.get(URI.create(list).getPath(), "application/json").body()));
        StringBuilder json = new StringBuilder("{");
        documents.forEach((url, body) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(url)
                .append("\":")
                .append(body));
        Path documentsFile = Files.writeString(dir.resolve(name + "-documents.json"), json.append('}'));
        Path file = Files.writeString(dir.resolve(name + ".json"), credential);
        Process process = new ProcessBuilder(
                        "node", "crosscheck.mjs", file.toString(), "--documents", documentsFile.toString())
                .directory(INTEROP.toFile())
                .start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("crosscheck.mjs finished")
                .isTrue();
        List<Boolean> verdicts = stdout.join()
                .lines()
                .map(line -> line.startsWith("{") && JsonFields.verified(line))
                .toList();
        assertThat(verdicts).as(name + ": " + stdout.join() + stderr.join()).hasSize(2);
        return verdicts;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.sharing.Shares;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Open Badges 2.0 assertions from elsewhere enter the wallet verified: an issuer's site (a local HTTP server on
 * 127.0.0.1, the only host this test allows) serves its Issuer profile, BadgeClass, RSA key, revocation list and a
 * hosted assertion. Hosted and signed assertions enter; a revoked one enters marked revoked; a tampered signature,
 * a hosted copy that differs, and a badge on a host nobody allowed are refused with the reason; another learner cannot
 * see it, and it cannot go into a signed presentation.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ob2ImportIT {

    /**
     * The one origin this test allows: plain HTTP on 127.0.0.1 at a port chosen before the application starts (the
     * allow-list compares scheme, host and port, so "127.0.0.1" alone would allow nothing here).
     */
    private static final int SITE_PORT = org.openler.platform.support.FreePort.pick();

    @DynamicPropertySource
    static void allowOnlyThisSite(DynamicPropertyRegistry registry) {
        registry.add("openler.verification.allowed-hosts", () -> "http://127.0.0.1:" + SITE_PORT);
        registry.add("openler.presentations.external-verifiers", () -> "http://127.0.0.1:" + SITE_PORT);
    }

    private static final Pattern WALLET_ID = Pattern.compile("/wallet/credentials/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Shares shares;

    private HttpServer site;
    private String base;
    private KeyPair key;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private Account learner;
    private WebClient web;

    @BeforeAll
    void anIssuersSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", SITE_PORT), 0);
        site.createContext("/", exchange -> {
            String body = documents.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            if (body != null) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {(byte) 10})
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        documents.put("/issuer.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "%s/issuer.json",
                 "name": "Harbour Skills Academy", "url": "%s", "publicKey": "%s/key.json",
                 "revocationList": "%s/revocations.json"}""".formatted(base, base, base, base));
        documents.put("/key.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": "%s/key.json",
                 "owner": "%s/issuer.json", "publicKeyPem": %s}""".formatted(base, base, quoted(pem)));
        documents.put("/badge.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "%s/badge.json",
                 "name": "Knot Tying Level 2", "description": "Ties the knots a deckhand needs.",
                 "image": "%s/badge.png", "criteria": {"narrative": "Tied twelve knots"}, "issuer": "%s/issuer.json"}""".formatted(base, base, base));
        documents.put("/revocations.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "RevocationList", "id": "%s/revocations.json",
                 "revokedAssertions": [{"id": "urn:uuid:00000000-0000-4000-8000-00000000dead",
                                        "revocationReason": "Issued in error"}]}""".formatted(base));
    }

    @AfterAll
    void closeTheSite() {
        site.stop(0);
    }

    @BeforeEach
    void aSignedInLearner() {
        learner = kit.fixtures.learner();
        web = WalletKit.signedIn(port, learner);
    }

    private String assertion(String id, String verification) {
        return """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "%s",
                 "recipient": {"type": "email", "hashed": false, "identity": "%s"},
                 "issuedOn": "2025-06-01T12:00:00Z", "badge": "%s/badge.json", "verification": %s}""".formatted(id, learner.email().value(), base, verification);
    }

    private String hosted(String path) {
        String assertion = assertion(base + path, "{\"type\": \"hosted\"}");
        documents.put(path, assertion);
        return assertion;
    }

    private String signed(String id) throws Exception {
        JWSObject jws = new JWSObject(
                new JWSHeader(JWSAlgorithm.RS256),
                new Payload(assertion(id, "{\"type\": \"signed\", \"creator\": \"" + base + "/key.json\"}")));
        jws.sign(new RSASSASigner(key.getPrivate()));
        return jws.serialize();
    }

    @Test
    void aHostedAssertionEntersVerifiedAndSaysWhatItIs() {
        String assertion = hosted("/assertions/" + UUID.randomUUID() + ".json");

        HttpResponse<String> imported = WalletKit.importText(web, assertion);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        UUID id = walletId(imported);
        String page = web.page("/wallet/credentials/" + id).body();
        assertThat(page)
                .contains("Knot Tying Level 2")
                .contains("Harbour Skills Academy")
                .contains("An Open Badges 2.0 badge, hosted by its issuer")
                .contains("Verified");
        assertThat(stored()).containsExactly(assertion.strip());
        assertThat(WalletKit.signedIn(port, kit.fixtures.learner())
                        .page("/wallet/credentials/" + id)
                        .statusCode())
                .as("another learner")
                .isEqualTo(404);
    }

    @Test
    void aSignedAssertionEntersVerified() throws Exception {
        String jws = signed("urn:uuid:" + UUID.randomUUID());

        HttpResponse<String> imported = WalletKit.importText(web, jws);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        assertThat(web.page("/wallet/credentials/" + walletId(imported)).body())
                .contains("Knot Tying Level 2")
                .contains("signed by its issuer")
                .contains("Verified");
    }

    @Test
    void aRevokedSignedAssertionEntersMarkedRevoked() throws Exception {
        String jws = signed("urn:uuid:00000000-0000-4000-8000-00000000dead");

        HttpResponse<String> imported = WalletKit.importText(web, jws);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        assertThat(web.page("/wallet/credentials/" + walletId(imported)).body())
                .contains("Issued in error")
                .doesNotContain(">Verified<");
    }

    @Test
    void aTamperedSignatureIsRefusedAndNothingIsKept() throws Exception {
        String jws = signed("urn:uuid:" + UUID.randomUUID());
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("2025-06-01", "2024-06-01");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        HttpResponse<String> refused = WalletKit.importText(web, tampered);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("did not verify").contains("signature");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aHostedAssertionThatDiffersFromItsHostedCopyIsRefused() {
        String path = "/assertions/" + UUID.randomUUID() + ".json";
        String assertion = hosted(path).replace("2025-06-01", "2024-01-01");

        HttpResponse<String> refused = WalletKit.importText(web, assertion);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("differs");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aBadgeOnAHostNobodyAllowedIsRefusedNamingTheHost() {
        String assertion = assertion("https://badges.example.net/a/1", "{\"type\": \"hosted\"}")
                .replace(base + "/badge.json", "https://badges.example.net/badge.json");

        HttpResponse<String> refused = WalletKit.importText(web, assertion);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("badges.example.net").contains("allowed-hosts");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aBadgeOnAnAllowedHostButAnotherPortIsRefusedWithoutAFetch() throws Exception {
        // A second site on the same host, another port: what an internal service beside the allowed one looks like.
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        other.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try {
            String elsewhere = "http://127.0.0.1:" + other.getAddress().getPort();
            String assertion = assertion(elsewhere + "/a/1", "{\"type\": \"hosted\"}")
                    .replace(base + "/badge.json", elsewhere + "/badge.json");

            HttpResponse<String> refused = WalletKit.importText(web, assertion);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains(elsewhere).contains("allowed-hosts");
            assertThat(fetched).as("requests that reached the other port").hasValue(0);
            assertThat(stored()).isEmpty();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void anOpenBadges2BadgeCannotGoIntoASignedPresentation() {
        UUID id = walletId(WalletKit.importText(web, hosted("/assertions/" + UUID.randomUUID() + ".json")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shares.create(
                        learner.id(), new Shares.NewShare(List.of(id), "Acme", "Hiring", Optional.empty())))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        refused -> assertThat(refused.fieldErrors().get(0).message())
                                .contains("Open Badges 2.0"));
    }

    @Test
    void anExportedBadgeComesBackIntoAFreshAccountVerifiedAgain() throws Exception {
        String hostedOne = hosted("/assertions/" + UUID.randomUUID() + ".json");
        String signedOne = signed("urn:uuid:" + UUID.randomUUID());
        assertThat(WalletKit.importText(web, hostedOne).statusCode()).isEqualTo(302);
        assertThat(WalletKit.importText(web, signedOne).statusCode()).isEqualTo(302);
        String bundle = web.get("/privacy/export", "application/json").body();

        Account fresh = kit.fixtures.learner();
        WebClient freshWeb = WalletKit.signedIn(port, fresh);
        HttpResponse<String> restored = freshWeb.submit("/privacy", "/privacy/import", Map.of("text", bundle));

        assertThat(restored.statusCode()).as(restored.body()).isBetween(200, 399);
        assertThat(jdbc.sql("select document from wallet_credential where account_id = ? order by list_position")
                        .param(fresh.id().value())
                        .query(String.class)
                        .list())
                .as("byte for byte, in the same order")
                .containsExactly(hostedOne.strip(), signedOne);
        assertThat(jdbc.sql("select format from wallet_credential where account_id = ? order by list_position")
                        .param(fresh.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("OB2", "OB2_SIGNED");
    }

    private UUID walletId(HttpResponse<String> imported) {
        Matcher m = WALLET_ID.matcher(imported.headers().firstValue("Location").orElse(""));
        if (m.find()) {
            return UUID.fromString(m.group(1));
        }
        return jdbc.sql("select id from wallet_credential where account_id = ?")
                .param(learner.id().value())
                .query(UUID.class)
                .single();
    }

    private List<String> stored() {
        return jdbc.sql("select document from wallet_credential where account_id = ? order by list_position")
                .param(learner.id().value())
                .query(String.class)
                .list();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n") + "\"";
    }
}

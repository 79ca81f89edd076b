package org.openler.platform.resilience;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.FreePort;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19, "the outbound client fails 20 % of calls": the platform's only outbound fetches for verification (the
 * allow-listed fetcher reading an Open Badges 2.0 assertion's BadgeClass, Issuer, key, revocation list and hosted copy)
 * go to an issuer's site that, at random, one request in five, drops the connection without an answer or answers 503.
 * Learners import hosted and signed badges, each retried until it enters. It proves: no answer is a 5xx; every
 * refusal names the fetch that failed ("could not be read", "could not be reached", "no longer at its id"), never a
 * verdict the fault did not earn (a bad signature, a differing copy, a revocation); a failed fetch is not remembered
 * (the next attempt fetches again); nothing enters the wallet from a refused attempt, and each badge is held once in
 * the end, even when imported again. Run with {@code -Pfaults} (docs/resilience.md).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundFaultTrial {

    private static final int SITE_PORT = FreePort.pick();

    @DynamicPropertySource
    static void allowOnlyThisSite(DynamicPropertyRegistry registry) {
        registry.add("openler.verification.allowed-hosts", () -> "http://127.0.0.1:" + SITE_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    JdbcClient jdbc;

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private HttpServer site;
    private String base;
    private KeyPair key;

    @BeforeAll
    void aFlakyIssuersSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", SITE_PORT), 0);
        site.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (armed.get() && ThreadLocalRandom.current().nextDouble() < Faults.RATE) {
                if (ThreadLocalRandom.current().nextBoolean()) {
                    dropped.incrementAndGet();
                    exchange.close(); // the connection ends without an answer
                } else {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                }
                return;
            }
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
        base = "http://127.0.0.1:" + SITE_PORT;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
    }

    @AfterAll
    void closeTheSite() {
        site.stop(0);
    }

    @Test
    void badgesImportedThroughAFlakyIssuerSiteEnterOnceAndEveryRefusalNamesTheFailedFetch() throws Exception {
        int badges = Integer.getInteger("faults.outbound-badges", 40);
        Account learner = kit.fixtures.learner();
        WebClient web = WalletKit.signedIn(port, learner);
        Map<String, Integer> outcomes = new HashMap<>();
        List<String> imported = new ArrayList<>();
        armed.set(true);
        for (int n = 0; n < badges; n++) {
            // every badge has its own issuer documents, so each import fetches (the fetcher keeps what it read)
            String text = n % 2 == 0 ? hosted(learner, n) : signed(learner, n);
            boolean in = false;
            for (int attempt = 1; attempt <= 30 && !in; attempt++) {
                HttpResponse<String> answer = WalletKit.importText(web, text);
                assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
                if (answer.statusCode() == 302) {
                    in = true;
                    outcomes.merge("entered", 1, Integer::sum);
                    continue;
                }
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
                String reason = reason(answer.body());
                outcomes.merge(reason, 1, Integer::sum);
                assertThat(reason).as(answer.body()).isNotEqualTo("other");
            }
            assertThat(in).as("badge " + n + " entered in the end").isTrue();
            imported.add(text.strip());
            // imported again (a retry after a lost answer): still held once
            assertThat(WalletKit.importText(web, text).statusCode()).isIn(302, 422);
        }
        armed.set(false);
        System.out.printf(
                "Outbound faults: %d badges, %d requests to the site, %d dropped, %d answered 503; outcomes %s%n",
                badges, requests.get(), dropped.get(), refused.get(), outcomes);

        assertThat(dropped.get() + refused.get()).as("faults were met").isPositive();
        List<String> held = jdbc.sql("select document from wallet_credential where account_id = ?")
                .param(learner.id().value())
                .query(String.class)
                .list();
        assertThat(held).as("each badge held once").hasSize(badges).containsExactlyInAnyOrderElementsOf(imported);
    }

    /** What a refusal says, as a kind: only the failed fetch is a fault's fair outcome. */
    private static String reason(String body) {
        if (body.contains("could not be read") || body.contains("could not be reached")) {
            return "fetch failed";
        }
        if (body.contains("no longer at its id")) {
            return "hosted copy unreachable";
        }
        return "other";
    }

    private void issuerDocuments(int n) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {(byte) 10})
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        String issuer = base + "/" + n + "/issuer.json";
        documents.put("/" + n + "/issuer.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "%s",
                 "name": "Flaky Academy %d", "url": "%s", "publicKey": "%s/%d/key.json",
                 "revocationList": "%s/%d/revocations.json"}""".formatted(issuer, n, base, base, n, base, n));
        documents.put("/" + n + "/key.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": "%s/%d/key.json",
                 "owner": "%s", "publicKeyPem": "%s"}""".formatted(base, n, issuer, pem.replace("\n", "\\n")));
        documents.put("/" + n + "/badge.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "%s/%d/badge.json",
                 "name": "Rope Work %d", "description": "Works with rope.", "image": "%s/%d/badge.png",
                 "criteria": {"narrative": "Worked with rope"}, "issuer": "%s"}""".formatted(base, n, n, base, n, issuer));
        documents.put("/" + n + "/revocations.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "RevocationList",
                 "id": "%s/%d/revocations.json", "revokedAssertions": []}""".formatted(base, n));
    }

    private String assertion(Account learner, int n, String id, String verification) {
        return """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "%s",
                 "recipient": {"type": "email", "hashed": false, "identity": "%s"},
                 "issuedOn": "2025-06-01T12:00:00Z", "badge": "%s/%d/badge.json", "verification": %s}""".formatted(id, learner.email().value(), base, n, verification);
    }

    private String hosted(Account learner, int n) {
        issuerDocuments(n);
        String path = "/" + n + "/assertion.json";
        String assertion = assertion(learner, n, base + path, "{\"type\": \"hosted\"}");
        documents.put(path, assertion);
        return assertion;
    }

    private String signed(Account learner, int n) throws Exception {
        issuerDocuments(n);
        JWSObject jws = new JWSObject(
                new JWSHeader(JWSAlgorithm.RS256),
                new Payload(assertion(
                        learner,
                        n,
                        "urn:uuid:" + java.util.UUID.randomUUID(),
                        "{\"type\": \"signed\", \"creator\": \"" + base + "/" + n + "/key.json\"}")));
        jws.sign(new RSASSASigner(key.getPrivate()));
        return jws.serialize();
    }
}

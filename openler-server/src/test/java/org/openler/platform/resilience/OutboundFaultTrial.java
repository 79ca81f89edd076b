package org.openler.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.FreePort;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.transparency.LogAuditCommand;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.NoteVerifierKey;
import org.openler.standards.transparency.SignedNote;
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
 * the end, even when imported again.
 *
 * <p>The platform's two other outbound HTTP clients meet the same site: the wallet's OpenID4VP direct_post to a
 * verifier elsewhere, and the outside log auditor ({@code ./openler log audit}) reading this server's transparency log
 * through a proxy that fails alike. Run with {@code -Pfaults} (docs/resilience.md).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundFaultTrial {

    private static final int SITE_PORT = FreePort.pick();

    @DynamicPropertySource
    static void allowOnlyThisSite(DynamicPropertyRegistry registry) {
        registry.add("openler.verification.allowed-hosts", () -> "http://127.0.0.1:" + SITE_PORT);
        registry.add("openler.presentations.external-verifiers", () -> "http://127.0.0.1:" + SITE_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Claims claims;

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    /** Presentations the verifier took, by the request's state (it takes each state once, as OpenID4VP says). */
    private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();

    private HttpServer site;
    private final HttpClient proxy = HttpClient.newHttpClient();
    private String base;
    private KeyPair key;

    /** One request in five, while armed: the connection ends without an answer, or the site answers 503. */
    private boolean fault(HttpExchange exchange) throws IOException {
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
            return true;
        }
        return false;
    }

    @BeforeAll
    void aFlakyIssuersSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", SITE_PORT), 0);
        site.createContext("/", exchange -> {
            if (fault(exchange)) {
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
        // An OpenID4VP verifier elsewhere (direct_post): it takes a presentation for a state it has not had before.
        site.createContext("/response", exchange -> {
            if (fault(exchange)) {
                return;
            }
            String state = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getOrDefault("state", "");
            int times = taken.computeIfAbsent(state, s -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(times == 1 ? 200 : 400, -1);
            exchange.close();
        });
        // The platform's own transparency log, reached by an outside auditor over a flaky path: a proxy in front of
        // this server's public log API that fails as the issuer's site does.
        site.createContext("/proxied/", exchange -> {
            if (fault(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getRawPath().substring("/proxied".length());
            String query = exchange.getRequestURI().getRawQuery();
            HttpResponse<byte[]> real;
            try {
                real = proxy.send(
                        java.net.http.HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + path + (query == null ? "" : "?" + query)))
                                .header(
                                        "Accept",
                                        String.valueOf(
                                                exchange.getRequestHeaders().getFirst("Accept")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            real.headers()
                    .firstValue("Content-Type")
                    .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            exchange.sendResponseHeaders(real.statusCode(), real.body().length == 0 ? -1 : real.body().length);
            if (real.body().length > 0) {
                exchange.getResponseBody().write(real.body());
            }
            exchange.close();
        });
        site.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
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

    /**
     * The wallet's direct_post to a verifier elsewhere ({@code presentations.WalletPresenting}) over the flaky site: a
     * presentation is recorded in the learner's list only when the verifier took it, every refusal names the verifier
     * that could not be reached or did not take it (a 422, never a 5xx: the remote failed, not the platform), and
     * retrying each request until it goes through leaves one delivery and one record per request.
     */
    @Test
    void presentationsToAFlakyVerifierAreRecordedOnlyWhenDeliveredAndOncePerRequest() {
        int presentations = Integer.getInteger("faults.outbound-presentations", 30);
        WalletKit.Provider provider = kit.provider("Knot Tying");
        Account learner = kit.fixturesForTests().learner();
        UUID held = claims.placeForDemo(
                learner.id(), kit.issueSdJwt(provider, learner.email().value()).id());
        WebClient web = WalletKit.signedIn(port, learner);
        String responseUri = base + "/response";
        Map<String, Integer> outcomes = new HashMap<>();
        List<String> states = new ArrayList<>();
        long before = requests.get();
        armed.set(true);
        for (int n = 0; n < presentations; n++) {
            String state = "s" + UUID.randomUUID().toString().replace("-", "");
            String link = presentationLink(responseUri, state);
            states.add(state);
            boolean delivered = false;
            for (int attempt = 1; attempt <= 30 && !delivered; attempt++) {
                int recordedBefore = recorded(learner);
                HttpResponse<String> answer = web.submit(
                        "/wallet/present?request=" + enc(link),
                        "/wallet/present",
                        Map.of("request", link, "credential", held.toString(), "claim", "achievement_name"));
                assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
                if (answer.statusCode() == 302) {
                    delivered = true;
                    outcomes.merge("delivered", 1, Integer::sum);
                    continue;
                }
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
                assertThat(answer.body())
                        .as("a refusal names the verifier and what went wrong")
                        .containsAnyOf(
                                "The verifier at 127.0.0.1 could not be reached",
                                "The verifier at 127.0.0.1 did not take the presentation (503)");
                outcomes.merge(answer.body().contains("could not be reached") ? "unreachable" : "503", 1, Integer::sum);
                assertThat(recorded(learner))
                        .as("nothing recorded for a refused attempt")
                        .isEqualTo(recordedBefore);
            }
            assertThat(delivered)
                    .as("presentation " + n + " went through in the end")
                    .isTrue();
        }
        armed.set(false);
        System.out.printf(
                "Outbound faults, presentations: %d requests, %d posts to the verifier, outcomes %s%n",
                presentations, requests.get() - before, outcomes);

        assertThat(outcomes.getOrDefault("unreachable", 0) + outcomes.getOrDefault("503", 0))
                .as("faults were met")
                .isPositive();
        assertThat(states)
                .as("the verifier took each request's presentation once")
                .allSatisfy(state -> assertThat(taken.get(state)).hasValue(1));
        assertThat(recorded(learner))
                .as("one record per presentation the verifier took, none for the refused attempts")
                .isEqualTo(presentations);
    }

    /**
     * {@code ./openler log audit} ({@code transparency.LogAuditor}) over a flaky path to a log that keeps growing
     * while it is audited: each round either checks out and saves the very checkpoint it checked (whole: never one
     * fetched afterwards, which nobody checked, nor a cut file), or cannot run and says which request failed, leaving
     * the checkpoint saved before as it was; a fault is never reported as a fork, a rollback or a rewrite. Rounds
     * repeated after a failure reach the same log: the last saved checkpoint is consistent with every earlier one,
     * and a round without faults ends on the log's own latest checkpoint.
     */
    @Test
    void auditRoundsOverAFlakyPathSaveOnlyTheCheckpointTheyCheckedAndNeverReportAFork(@TempDir Path dir)
            throws Exception {
        int rounds = Integer.getInteger("faults.outbound-audits", 40);
        WalletKit.Provider provider = kit.provider("Log Keeping");
        kit.issue(provider, "audited-0@example.org");
        waitForLogOf(1);
        Path saved = dir.resolve("checkpoint");
        String auditorBase = base + "/proxied";
        AtomicBoolean issuing = new AtomicBoolean(true);
        Thread growing = Thread.ofVirtual().start(() -> {
            for (int n = 1; issuing.get(); n++) {
                kit.issue(provider, "audited-" + n + "@example.org");
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Map<String, Integer> outcomes = new HashMap<>();
        List<Long> savedSizes = new ArrayList<>();
        armed.set(true);
        try {
            for (int round = 0; round < rounds; round++) {
                String previous = Files.exists(saved) ? Files.readString(saved) : null;
                List<String> args = new ArrayList<>(List.of("log", "audit", auditorBase, "--save", saved.toString()));
                if (previous != null) {
                    args.addAll(List.of("--from", saved.toString()));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exit = LogAuditCommand.run(
                        args.toArray(String[]::new),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
                assertThat(exit)
                        .as("a fault is never a finding about the log: " + said)
                        .isIn(0, 2);
                if (exit == 2) {
                    outcomes.merge("could not run", 1, Integer::sum);
                    assertThat(err.toString(StandardCharsets.UTF_8))
                            .as("names the request that failed")
                            .containsPattern("Audit could not run: GET /log/[^\\s:]+(: the log at 127\\.0\\.0\\.1"
                                    + " could not be reached| answered 503)");
                    assertThat(Files.exists(saved) ? Files.readString(saved) : null)
                            .as("the checkpoint saved before is left as it was")
                            .isEqualTo(previous);
                    continue;
                }
                outcomes.merge("checked out", 1, Integer::sum);
                long audited = Long.parseLong(said.replaceAll("(?s).*Latest checkpoint: (\\d+) entries.*", "$1"));
                Checkpoint kept = Checkpoint.parse(SignedNote.open(Files.readString(saved), logKey()));
                assertThat(kept.size())
                        .as("the saved checkpoint is the one this round checked, not a later one: " + said)
                        .isEqualTo(audited);
                savedSizes.add(kept.size());
            }
        } finally {
            armed.set(false);
            issuing.set(false);
            growing.join();
        }
        System.out.printf(
                "Outbound faults, log audits: %d rounds, outcomes %s, saved sizes %s%n", rounds, outcomes, savedSizes);
        assertThat(outcomes)
                .as("faults stopped some rounds and others checked out")
                .containsKeys("could not run", "checked out");
        assertThat(savedSizes)
                .as("every saved checkpoint extends the one before")
                .isSorted();

        // the log settles; a round without faults, retried, reaches the log's own latest checkpoint both times
        kit.issue(provider, "audited-last@example.org");
        waitForLogOf(savedSizes.getLast() + 1);
        String latest = settled();
        long size = Checkpoint.parse(SignedNote.open(latest, logKey())).size();
        for (int retry = 0; retry < 2; retry++) {
            assertThat(LogAuditCommand.run(
                            new String[] {auditorBase, "--from", saved.toString(), "--save", saved.toString()},
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .isZero();
            assertThat(Files.readString(saved)).isEqualTo(latest);
        }
        assertThat(size).isGreaterThan(savedSizes.getLast());
    }

    /** The log's checkpoint once it has stopped moving (the same for three sequencer intervals). */
    private String settled() throws Exception {
        String last = plain("/log/checkpoint");
        for (int i = 0; i < 60; i++) {
            Thread.sleep(3000);
            String now = plain("/log/checkpoint");
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("The log did not settle");
    }

    private int recorded(Account learner) {
        return jdbc.sql("select count(*) from presentation_made where account_id = ?")
                .param(learner.id().value())
                .query(Integer.class)
                .single();
    }

    private static String presentationLink(String responseUri, String state) {
        String dcql = "{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"claims\": [{\"path\":"
                + " [\"achievement_name\"]}]}]}";
        return "openid4vp://?client_id=" + enc("redirect_uri:" + responseUri) + "&response_type=vp_token"
                + "&response_mode=direct_post&response_uri=" + enc(responseUri) + "&nonce=n"
                + UUID.randomUUID().toString().replace("-", "") + "&state=" + state + "&dcql_query=" + enc(dcql);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** GET from this server directly (not through the flaky path). */
    private String plain(String path) throws Exception {
        return proxy.send(
                        java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private NoteVerifierKey logKey() throws Exception {
        return NoteVerifierKey.parse(plain("/log/key"));
    }

    /** Waits (the sequencer integrates every second) until the log's checkpoint holds at least {@code entries}. */
    private long waitForLogOf(long entries) throws Exception {
        long size = 0;
        for (int i = 0; i < 600 && size < entries; i++) {
            size = Checkpoint.parse(SignedNote.open(plain("/log/checkpoint"), logKey()))
                    .size();
            if (size < entries) {
                Thread.sleep(100);
            }
        }
        assertThat(size).as("the log reached " + entries + " entries").isGreaterThanOrEqualTo(entries);
        return size;
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
                        "urn:uuid:" + UUID.randomUUID(),
                        "{\"type\": \"signed\", \"creator\": \"" + base + "/" + n + "/key.json\"}")));
        jws.sign(new RSASSASigner(key.getPrivate()));
        return jws.serialize();
    }
}
